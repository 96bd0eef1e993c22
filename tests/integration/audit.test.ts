// The audit trail: every change with who, what, when, before and after, newest first, paged.
import { beforeEach, describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, describeAuditAction, isAuditAction } from "@/lib/domain/audit-actions";
import { createClaim } from "@/lib/server/claims/create-claim";
import { AUDIT_PAGE_SIZE, listDossierAudit } from "@/lib/server/dossiers/list-dossier-audit";
import { updateDossier } from "@/lib/server/dossiers/update-dossier";
import { createEntity } from "@/lib/server/entities/create-entity";
import { deleteEntity } from "@/lib/server/entities/delete-entity";
import { updateEntity } from "@/lib/server/entities/update-entity";
import { db, resetDatabase } from "../support/db";
import { demoActors, dossierWithArticle, selectionOf, type Actors } from "../support/newsroom";

let actors: Actors;
beforeEach(async () => {
  await resetDatabase();
  actors = await demoActors();
});

describe("a dossier's audit trail", () => {
  it("records who changed what, with the state before and after, newest first", async () => {
    const d = await dossierWithArticle(actors.journalist);
    await updateDossier(actors.editor, { dossierId: d.id, version: d.version, title: "Renamed", summary: "New summary", language: "en" });
    await createClaim(actors.journalist, { dossierId: d.id, selection: await selectionOf(d.id, "paid no tax in 2022"), text: "No tax.", hedged: true });
    const { entries } = await listDossierAudit(actors.editor, d.slug);
    expect(entries.map((e) => e.action)).toEqual(["claim.create", "dossier.update", "article.save", "dossier.create"]);
    const update = entries[1]!;
    expect(update.actor).toBe(`${actors.editor.name} (editor@example.com)`);
    expect(update.before).toMatchObject({ title: "The harbour contract", summary: "A test dossier." });
    expect(update.after).toMatchObject({ title: "Renamed", summary: "New summary" });
    expect(entries[0]!.before).toBeNull();
    expect(entries[0]!.after).toMatchObject({ text: "No tax.", hedged: true, anchorExact: "paid no tax in 2022" });
  });

  it("pages through long trails without skipping or repeating entries", async () => {
    const d = await dossierWithArticle(actors.journalist);
    const { entity } = await createEntity(actors.journalist, { dossierId: d.id, kind: "person", name: "Name 0", description: "" });
    for (let i = 1; i <= AUDIT_PAGE_SIZE; i++) await updateEntity(actors.journalist, { dossierId: d.id, entityId: entity.id, version: i, kind: "person", name: `Name ${i}`, description: "" });
    const first = await listDossierAudit(actors.admin, d.slug);
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listDossierAudit(actors.admin, d.slug, { before: first.nextCursor! });
    const all = [...first.entries, ...second.entries];
    expect(new Set(all.map((e) => e.id)).size).toBe(AUDIT_PAGE_SIZE + 3);
    expect(second.nextCursor).toBeNull();
    expect(all[all.length - 1]!.action).toBe("dossier.create");
  });

  it("writes only actions of the vocabulary, each with its kind of record, and reads as a sentence", async () => {
    const d = await dossierWithArticle(actors.journalist);
    await createClaim(actors.journalist, { dossierId: d.id, selection: await selectionOf(d.id, "paid no tax in 2022"), text: "No tax.", hedged: false });
    const { entity } = await createEntity(actors.journalist, { dossierId: d.id, kind: "person", name: "Jo Harbour", description: "" });
    await deleteEntity(actors.editor, { dossierId: d.id, entityId: entity.id });
    const rows = await db.auditLog.findMany({ select: { action: true, entityType: true } });
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows) {
      expect(isAuditAction(row.action), row.action).toBe(true);
      expect(isAuditAction(row.action) && AUDIT_ACTIONS[row.action].entity).toContain(row.entityType);
    }
    const { entries } = await listDossierAudit(actors.editor, d.slug);
    expect(entries.map(describeAuditAction)).toEqual(expect.arrayContaining([
      { action: "entity.delete", subject: "Jo Harbour" },
      { action: "entity.create", subject: "Jo Harbour" },
      { action: "claim.create", subject: "No tax." },
    ]));
  });

  it("still lists a row written before the vocabulary, as it was stored", async () => {
    const d = await dossierWithArticle(actors.journalist);
    await db.auditLog.create({ data: { dossierId: d.id, dossierSlug: d.slug, action: "claim.verdict-old", entityType: "claim", entityId: "c-old", before: "not json", after: JSON.stringify([1, 2]), actorLabel: "import" } });
    const { entries } = await listDossierAudit(actors.editor, d.slug);
    const old = entries.find((e) => e.entityId === "c-old")!;
    expect(old).toMatchObject({ action: "claim.verdict-old", entityType: "claim", actor: "system: import", before: { value: "not json" }, after: { value: [1, 2] } });
    expect(describeAuditAction(old)).toEqual({ action: null, subject: null });
  });
});
