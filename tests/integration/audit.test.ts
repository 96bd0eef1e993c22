// The audit trail: every change with who, what, when, before and after, newest first, paged.
import { beforeEach, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/server/claims/create-claim";
import { AUDIT_PAGE_SIZE, listDossierAudit } from "@/lib/server/dossiers/list-dossier-audit";
import { updateDossier } from "@/lib/server/dossiers/update-dossier";
import { createEntity } from "@/lib/server/entities/create-entity";
import { updateEntity } from "@/lib/server/entities/update-entity";
import { resetDatabase } from "../support/db";
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
});
