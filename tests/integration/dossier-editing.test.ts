// Creating and editing a dossier: details, the article with its revisions, no lost updates,
// autosaved drafts and "also editing" presence.
import { beforeEach, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/schemas/parse";
import { CreateDossierSchema, SaveArticleSchema } from "@/lib/schemas/dossier";
import { createDossier } from "@/lib/server/dossiers/create-dossier";
import { deleteDossier } from "@/lib/server/dossiers/delete-dossier";
import { discardDraft } from "@/lib/server/dossiers/discard-draft";
import { createClaim } from "@/lib/server/claims/create-claim";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { createSource } from "@/lib/server/sources/create-source";
import { getArticleEditor } from "@/lib/server/dossiers/get-article-editor";
import { leavePresence } from "@/lib/server/dossiers/leave-presence";
import { listRevisions } from "@/lib/server/dossiers/list-revisions";
import { restoreRevision } from "@/lib/server/dossiers/restore-revision";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { saveDraft } from "@/lib/server/dossiers/save-draft";
import { updateDossier } from "@/lib/server/dossiers/update-dossier";
import { PRESENCE_TTL_MS, updatePresence } from "@/lib/server/dossiers/update-presence";
import { db, resetDatabase } from "../support/db";
import { ARTICLE, demoActors, dossierWithArticle, selectionOf, tableCounts, type Actors } from "../support/newsroom";

let actors: Actors;
beforeEach(async () => {
  await resetDatabase();
  actors = await demoActors();
});

describe("creating a dossier", () => {
  it("creates a draft with a web address from the title, audited", async () => {
    const { dossier } = await createDossier(actors.journalist, { title: "Les comptes de la mairie", summary: "", language: "fr" });
    expect(dossier).toMatchObject({ slug: "les-comptes-de-la-mairie", status: "draft", version: 1, language: "fr" });
    const audit = await db.auditLog.findMany({ where: { dossierId: dossier.id }, select: { action: true, actorId: true } });
    expect(audit).toEqual([{ action: "dossier.create", actorId: actors.journalist.id }]);
  });

  it("makes a derived web address unique, but refuses a chosen one that is taken", async () => {
    await createDossier(actors.journalist, { title: "Harbour", summary: "", language: "en" });
    const second = await createDossier(actors.journalist, { title: "Harbour", summary: "", language: "en" });
    expect(second.dossier.slug).toBe("harbour-2");
    const before = await tableCounts();
    await expect(createDossier(actors.journalist, { title: "Other", slug: "harbour", summary: "", language: "en" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { slug: [expect.stringContaining("already uses")] },
    });
    expect(await tableCounts()).toEqual(before);
  });

  it("creates a dossier whose title another has, naming it (a warning, not a refusal); archived ones aside", async () => {
    const first = await createDossier(actors.journalist, { title: "Harbour contracts", summary: "", language: "en" });
    expect(first.sameTitle).toEqual([]);
    const second = await createDossier(actors.journalist, { title: "  harbour   Contracts ", slug: "harbour-contracts-2024", summary: "", language: "en" });
    expect(second.dossier.slug).toBe("harbour-contracts-2024");
    expect(second.sameTitle).toEqual([{ slug: "harbour-contracts", title: "Harbour contracts", createdAt: expect.any(String) }]);
    const third = await createDossier(actors.journalist, { title: "Harbour contracts", summary: "", language: "en" });
    expect(third.sameTitle.map((d) => d.slug)).toEqual(["harbour-contracts", "harbour-contracts-2024"]);
    await db.dossier.update({ where: { id: first.dossier.id }, data: { archivedAt: new Date() } });
    expect((await createDossier(actors.journalist, { title: "Harbour contracts", summary: "", language: "en" })).sameTitle.map((d) => d.slug)).toEqual(["harbour-contracts-2024", third.dossier.slug]);
    expect((await createDossier(actors.journalist, { title: "Harbour", summary: "", language: "en" })).sameTitle).toEqual([]);
  });

  it("explains invalid input field by field (the form's schema)", () => {
    expect(() => parseInput(CreateDossierSchema, { title: "  ", summary: "", language: "de", slug: "Not OK" })).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        fieldErrors: {
          title: ["Title is required."],
          language: ["Choose a language: fr, en."],
          slug: ["Use lower-case letters, digits and hyphens only, e.g. city-hall-contracts."],
        },
      }),
    );
  });
});

describe("no lost updates", () => {
  it("refuses a save based on an older version, shows the current one and who saved it, and lets the journalist overwrite deliberately", async () => {
    const { dossier } = await createDossier(actors.journalist, { title: "Harbour", summary: "", language: "en" });
    await updateDossier(actors.editor, { dossierId: dossier.id, version: 1, title: "Harbour (editor)", summary: "Edited", language: "en" });
    const before = await tableCounts();
    const refused = updateDossier(actors.journalist, { dossierId: dossier.id, version: 1, title: "Harbour (journalist)", summary: "", language: "en" });
    await expect(refused).rejects.toMatchObject({
      code: "CONFLICT",
      details: { current: { title: "Harbour (editor)", summary: "Edited", version: 2 }, yourVersion: 1, currentVersion: 2, savedBy: actors.editor.name },
    });
    expect(await tableCounts()).toEqual(before);
    const overwritten = await updateDossier(actors.journalist, { dossierId: dossier.id, version: 2, title: "Harbour (journalist)", summary: "Edited", language: "en" });
    expect(overwritten.dossier).toMatchObject({ title: "Harbour (journalist)", version: 3 });
  });

  it("refuses an article save over a newer article and returns the newer text", async () => {
    const d = await dossierWithArticle(actors.journalist);
    await saveArticle(actors.editor, { dossierId: d.id, version: d.version, body: `${ARTICLE}\nEditor's line.\n`, note: "" });
    await expect(saveArticle(actors.journalist, { dossierId: d.id, version: d.version, body: "Mine", note: "" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { current: { body: `${ARTICLE}\nEditor's line.\n`, version: d.version + 1 } },
    });
    expect((await db.dossier.findUniqueOrThrow({ where: { id: d.id }, select: { body: true } })).body).toContain("Editor's line.");
  });
});

describe("the article", () => {
  it("appends a revision for every save, with its author and note, and none when nothing changed", async () => {
    const d = await dossierWithArticle(actors.journalist);
    const saved = await saveArticle(actors.editor, { dossierId: d.id, version: d.version, body: `${ARTICLE}More.\n`, note: "Added a line" });
    expect(saved).toMatchObject({ changed: true, revision: 2, version: d.version + 1 });
    const same = await saveArticle(actors.editor, { dossierId: d.id, version: d.version + 1, body: `${ARTICLE}More.\n`, note: "" });
    expect(same).toMatchObject({ changed: false, version: d.version + 1 });
    const history = await listRevisions(actors.journalist, d.slug);
    expect(history.revisions.map((r) => [r.number, r.authorName, r.note])).toEqual([
      [2, actors.editor.name, "Added a line"],
      [1, actors.journalist.name, null],
    ]);
    expect(history.comparison).toMatchObject({ from: { number: 1, body: ARTICLE }, to: { number: 2, body: `${ARTICLE}More.\n` } });
  });

  it("restores an old revision as a new revision, never rewriting history", async () => {
    const d = await dossierWithArticle(actors.journalist);
    const v2 = await saveArticle(actors.journalist, { dossierId: d.id, version: d.version, body: "Short.", note: "" });
    const restored = await restoreRevision(actors.journalist, { dossierId: d.id, version: v2.version, number: 1 });
    expect(restored.revision).toBe(3);
    const revisions = await db.articleRevision.findMany({ where: { dossierId: d.id }, orderBy: { number: "asc" }, select: { number: true, body: true, note: true } });
    expect(revisions).toEqual([
      { number: 1, body: ARTICLE, note: null },
      { number: 2, body: "Short.", note: null },
      { number: 3, body: ARTICLE, note: "Restored revision 1" },
    ]);
    await expect(restoreRevision(actors.journalist, { dossierId: d.id, version: restored.version, number: 3 })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
  });

  it("refuses an article longer than the limit, field by field", () => {
    expect(() => parseInput(SaveArticleSchema, { dossierId: "x", version: "1", body: "a".repeat(400_001), note: "" })).toThrow(
      expect.objectContaining({ fieldErrors: { body: [expect.stringContaining("at most")] } }),
    );
  });
});

describe("autosaved drafts", () => {
  it("keeps each person's unsaved text, restores it on reopening, and clears it when the article is saved", async () => {
    const d = await dossierWithArticle(actors.journalist);
    await saveDraft(actors.journalist, { dossierId: d.id, baseVersion: d.version, body: `${ARTICLE}Unsaved paragraph.\n` });
    expect((await getArticleEditor(actors.journalist, d.slug)).draft).toMatchObject({ body: `${ARTICLE}Unsaved paragraph.\n`, stale: false });
    expect((await getArticleEditor(actors.editor, d.slug)).draft).toBeNull();
    await saveArticle(actors.journalist, { dossierId: d.id, version: d.version, body: `${ARTICLE}Unsaved paragraph.\n`, note: "" });
    expect((await getArticleEditor(actors.journalist, d.slug)).draft).toBeNull();
    expect(await db.articleDraft.count()).toBe(0);
  });

  it("flags a draft as stale when someone saved the article since it started", async () => {
    const d = await dossierWithArticle(actors.journalist);
    await saveDraft(actors.journalist, { dossierId: d.id, baseVersion: d.version, body: "My draft" });
    await saveArticle(actors.editor, { dossierId: d.id, version: d.version, body: "Editor's version", note: "" });
    expect((await getArticleEditor(actors.journalist, d.slug)).draft).toMatchObject({ body: "My draft", baseVersion: d.version, stale: true });
    expect(await discardDraft(actors.journalist, { dossierId: d.id })).toEqual({ discarded: true });
    expect((await getArticleEditor(actors.journalist, d.slug)).draft).toBeNull();
  });
});

describe("who else is editing", () => {
  it("shows the others who sent a heartbeat recently, not oneself, and forgets those who left or went silent", async () => {
    const d = await dossierWithArticle(actors.journalist);
    await updatePresence(actors.editor, { dossierId: d.id });
    await updatePresence(actors.admin, { dossierId: d.id });
    expect((await updatePresence(actors.journalist, { dossierId: d.id })).others.map((o) => o.name).sort()).toEqual([actors.admin.name, actors.editor.name].sort());
    await leavePresence(actors.admin, { dossierId: d.id });
    await db.editingPresence.updateMany({ where: { userId: actors.editor.id }, data: { lastSeenAt: new Date(Date.now() - PRESENCE_TTL_MS - 1000) } });
    expect((await updatePresence(actors.journalist, { dossierId: d.id })).others).toEqual([]);
    expect((await updatePresence(actors.editor, { dossierId: d.id })).others.map((o) => o.name)).toEqual([actors.journalist.name]);
  });
});

describe("deleting a dossier", () => {
  // Issue 10 made erasing a dossier's record a bug: such a dossier is now archived, every row
  // kept (tests/integration/dossier-archive.test.ts covers archiving and restoring in full).
  it("archives a draft with everything in it, keeping every row; never a published one", async () => {
    const d = await dossierWithArticle(actors.journalist);
    const { claim } = await createClaim(actors.journalist, { dossierId: d.id, selection: await selectionOf(d.id, "paid no tax in 2022"), text: "No tax.", hedged: true });
    const { source } = await createSource(actors.journalist, { dossierId: d.id, kind: "document", title: "Records", url: null, publisher: null, author: null, date: null, accessedAt: null, reliability: "high", confidential: false, publicDescription: null, identity: null, notes: null });
    await createEvidence(actors.journalist, { dossierId: d.id, claimId: claim.id, sourceId: source.id, stance: "supports", excerpt: "", note: null });

    await db.dossier.update({ where: { id: d.id }, data: { status: "published" } });
    await expect(deleteDossier(actors.editor, { dossierId: d.id })).rejects.toMatchObject({ code: "RULE_VIOLATION", message: expect.stringContaining("unpublish") });
    await db.dossier.update({ where: { id: d.id }, data: { status: "draft" } });

    const before = await tableCounts();
    expect(await deleteDossier(actors.editor, { dossierId: d.id })).toMatchObject({ outcome: "archived" });
    expect(await tableCounts()).toEqual({ ...before, auditLog: before.auditLog! + 1 });
    const trail = await db.auditLog.findMany({ where: { dossierSlug: d.slug }, select: { action: true, dossierId: true } });
    expect(trail.map((t) => t.action)).toContain("dossier.archive");
    expect(trail.every((t) => t.dossierId === d.id)).toBe(true);
  });
});
