// Issue 10, item 3: nothing of a fact-check record is ever erased by the application. Deleting a
// dossier that holds anything archives it — every row kept, out of the newsroom's lists, its desk
// and its pages, never shown to readers — until an admin restores it; only a dossier that holds
// nothing at all is deleted for real. Claims with a fact-check history and the evidence a verdict
// cites cannot be deleted either.
import { beforeEach, describe, expect, it } from "vitest";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { getVerificationProgress } from "../support/use-cases";
import { listDeskClaims } from "@/lib/server/desk/list-desk-claims";
import { createDossier } from "@/lib/server/dossiers/create-dossier";
import { deleteDossier } from "@/lib/server/dossiers/delete-dossier";
import { getDossierWorkspace } from "@/lib/server/dossiers/get-dossier-workspace";
import { listArchivedDossiers } from "@/lib/server/dossiers/list-archived-dossiers";
import { listDossierAudit } from "@/lib/server/dossiers/list-dossier-audit";
import { listDossiers } from "@/lib/server/dossiers/list-dossiers";
import { restoreDossier } from "@/lib/server/dossiers/restore-dossier";
import { saveDraft } from "@/lib/server/dossiers/save-draft";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { publishDossier } from "../support/use-cases";
import { unpublishDossier } from "../support/use-cases";
import { getPublishedDossier } from "@/lib/server/reader/get-published-dossier";
import { listPublishedDossiers } from "@/lib/server/reader/list-published-dossiers";
import { getClaimVerdictHistory } from "../support/use-cases";
import { proposeVerdict } from "../support/use-cases";
import { setVerdict } from "../support/use-cases";
import { scratchCopy } from "../support/content";
import { db, resetDatabase } from "../support/db";
import { claimVersion, deskSnapshot, dossierVersion, expectRefusedWithoutWrites, publishUpdate, seedDesk, type DeskFixture } from "../support/desk";

let f: DeskFixture;
beforeEach(async () => {
  await resetDatabase();
  f = await seedDesk();
});

/** Every row of the record, as stored (the dossier row itself apart: archiving marks it). */
async function record() {
  const snapshot = await deskSnapshot();
  const byId = { orderBy: { id: "asc" as const } };
  return {
    claims: snapshot.claims,
    changes: snapshot.changes,
    proposals: snapshot.proposals,
    evidence: snapshot.evidence,
    questions: snapshot.questions,
    publications: snapshot.publications,
    revisions: await db.articleRevision.findMany(byId),
    sources: await db.source.findMany(byId),
    quotes: await db.quote.findMany(byId),
    entities: await db.entity.findMany(byId),
    events: await db.timelineEvent.findMany(byId),
  };
}

/** The published "mini" dossier, given a published correction and a pending proposal, then unpublished. */
async function miniWithACorrection() {
  const claimId = f.claims.recrutement.id;
  await setVerdict(f.editor, {
    claimId,
    version: await claimVersion(claimId),
    verdict: "false",
    rationale: "Le registre du personnel ne montre aucune embauche en 2022.",
    evidenceIds: f.evidence.recrutement,
    correctionNote: "Correction : aucune embauche n'a eu lieu en 2022.",
  });
  // Readers get the correction once an editor publishes it as an update (docs/publishing.md).
  await publishUpdate(f.editor, f.published.id, "Correction du recrutement.");
  await proposeVerdict(f.journalist, { claimId: f.claims.creation.id, version: await claimVersion(f.claims.creation.id), verdict: "unverifiable", rationale: "À revoir.", evidenceIds: [] });
  expect((await getPublishedDossier("mini")).claims.find((c) => c.id === claimId)?.history.some((h) => h.correctionNote)).toBe(true);
  await unpublishDossier(f.editor, { dossierId: f.published.id, version: await dossierVersion(f.published.id), reason: "Retiré du site." });
  return { claimId };
}

describe("deleting a dossier that holds a fact-check record", () => {
  it("archives it: verdict history (with its published correction), revisions, claims, sources, proposals and the publication record all survive", async () => {
    const { claimId } = await miniWithACorrection();
    const before = await record();
    expect(before.changes.filter((c) => c.claimId === claimId).map((c) => c.correctionNote)).toContain("Correction : aucune embauche n'a eu lieu en 2022.");

    const result = await deleteDossier(f.editor, { dossierId: f.published.id, reason: "Enquête abandonnée." });

    expect(result).toMatchObject({ outcome: "archived", slug: "mini" });
    expect(await record()).toEqual(before);
    expect(await db.dossier.findUniqueOrThrow({ where: { id: f.published.id }, select: { archivedAt: true, archivedById: true, archiveReason: true, body: true } })).toMatchObject({
      archivedAt: expect.any(Date),
      archivedById: f.editor.id,
      archiveReason: "Enquête abandonnée.",
      body: expect.stringContaining("Exemple"),
    });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "dossier.archive" } });
    expect(entry).toMatchObject({ dossierId: f.published.id, dossierSlug: "mini", actorId: f.editor.id });
    // Publication record: the import's first publication, the correction's update, the unpublication.
    expect(JSON.parse(entry.before!).counts).toMatchObject({ claims: 2, verdictChanges: 3, proposals: 1, publication: 3 });
  });

  it("hides an archived dossier from the newsroom's lists, desk and pages, and from readers", async () => {
    await miniWithACorrection();
    await deleteDossier(f.editor, { dossierId: f.published.id });

    expect((await listDossiers(f.journalist)).map((d) => d.slug)).toEqual(["desk"]);
    expect((await getVerificationProgress(f.editor, {})).map((p) => p.dossier.slug)).toEqual(["desk"]);
    const desk = await listDeskClaims(f.editor, { pageSize: 100 });
    expect(desk.items.length).toBeGreaterThan(0);
    expect(desk.items.every((c) => c.dossier.slug === "desk")).toBe(true);
    await expect(getDossierWorkspace(f.admin, "mini")).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("archived") });
    await expect(listDossierAudit(f.admin, "mini")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getClaimVerdictHistory(f.editor, { claimId: f.claims.creation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPublishedDossier("mini")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listPublishedDossiers()).map((d) => d.slug)).not.toContain("mini");
  });

  it("refuses every change to an archived dossier, writing nothing, and never publishes it", async () => {
    await miniWithACorrection();
    await deleteDossier(f.editor, { dossierId: f.published.id });
    const claimId = f.claims.creation.id;
    const version = await dossierVersion(f.published.id);
    await expectRefusedWithoutWrites(() => publishDossier(f.editor, { dossierId: f.published.id, version }), { code: "NOT_FOUND", message: expect.stringContaining("archived") });
    await expectRefusedWithoutWrites(
      async () => updateClaim(f.journalist, { dossierId: f.published.id, claimId, version: await claimVersion(claimId), text: "Reformulée.", hedged: false }),
      { code: "NOT_FOUND" },
    );
    await expectRefusedWithoutWrites(
      async () => setVerdict(f.editor, { claimId, version: await claimVersion(claimId), verdict: "verified", rationale: "Vu.", evidenceIds: f.evidence.creation, correctionNote: "Note." }),
      { code: "NOT_FOUND" },
    );
    await expectRefusedWithoutWrites(() => saveDraft(f.journalist, { dossierId: f.published.id, baseVersion: version, body: "Brouillon" }), { code: "NOT_FOUND" });
    await expectRefusedWithoutWrites(() => deleteDossier(f.admin, { dossierId: f.published.id }), { code: "NOT_FOUND" });
  });

  it("keeps its slug: a new dossier cannot take it, and re-importing the files is refused until it is restored", async () => {
    await miniWithACorrection();
    await deleteDossier(f.editor, { dossierId: f.published.id });
    await expect(createDossier(f.journalist, { title: "Mini", summary: "", language: "fr", slug: "mini" })).rejects.toMatchObject({
      fieldErrors: { slug: [expect.stringContaining("archived")] },
    });
    expect((await createDossier(f.journalist, { title: "Mini", summary: "", language: "fr" })).dossier.slug).toBe("mini-2");
    const before = await record();
    const result = await importContentFolder(SYSTEM_IMPORT, scratchCopy("mini", { yaml: (y) => y.replace("summary: Un dossier de test.", "summary: Changé.") }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ field: "slug", message: expect.stringContaining("archived") });
    expect(await record()).toEqual(before);
  });

  it("is listed for editors and admins with who archived it, when and why; an admin restores it as a draft with everything", async () => {
    await miniWithACorrection();
    const before = await record();
    await deleteDossier(f.editor, { dossierId: f.published.id, reason: "Enquête abandonnée." });

    const archived = await listArchivedDossiers(f.editor);
    expect(archived).toEqual([
      expect.objectContaining({ slug: "mini", archivedBy: f.editor.name, reason: "Enquête abandonnée.", firstPublishedAt: expect.any(String), counts: expect.objectContaining({ claims: 2, verdictChanges: 3 }) }),
    ]);
    await expect(listArchivedDossiers(f.journalist)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expectRefusedWithoutWrites(() => restoreDossier(f.editor, { dossierId: f.published.id }), { code: "FORBIDDEN" });
    await expectRefusedWithoutWrites(() => restoreDossier(f.journalist, { dossierId: f.published.id }), { code: "FORBIDDEN" });
    await expectRefusedWithoutWrites(() => restoreDossier(f.anonymous, { dossierId: f.published.id }), { code: "UNAUTHENTICATED" });

    expect(await restoreDossier(f.admin, { dossierId: f.published.id })).toMatchObject({ slug: "mini" });
    expect(await record()).toEqual(before);
    expect(await listArchivedDossiers(f.admin)).toEqual([]);
    expect((await listDossiers(f.journalist)).map((d) => d.slug).sort()).toEqual(["desk", "mini"]);
    const workspace = await getDossierWorkspace(f.journalist, "mini");
    expect(workspace.dossier.status).toBe("draft");
    expect(workspace.claims).toHaveLength(2);
    const audit = await listDossierAudit(f.admin, "mini");
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(["dossier.archive", "dossier.restore"]));
    await expectRefusedWithoutWrites(() => restoreDossier(f.admin, { dossierId: f.published.id }), { code: "RULE_VIOLATION" });
  });

  it("is refused for a published dossier (unpublish first), writing nothing", async () => {
    await expectRefusedWithoutWrites(() => deleteDossier(f.editor, { dossierId: f.published.id }), { code: "RULE_VIOLATION", message: expect.stringContaining("unpublish") });
  });

  it("archives a draft that was never published too, as soon as it holds something (here an imported article and claims)", async () => {
    const before = await record();
    expect(await deleteDossier(f.admin, { dossierId: f.dossier.id })).toMatchObject({ outcome: "archived" });
    expect(await record()).toEqual(before);
  });
});

describe("deleting a dossier that holds nothing", () => {
  it("deletes it for real, keeping the audit trail that names it", async () => {
    const { dossier } = await createDossier(f.journalist, { title: "Créé par erreur", summary: "", language: "fr" });
    const before = await record();
    expect(await deleteDossier(f.editor, { dossierId: dossier.id })).toMatchObject({ outcome: "deleted", slug: dossier.slug });
    expect(await db.dossier.findUnique({ where: { id: dossier.id } })).toBeNull();
    expect(await record()).toEqual(before);
    const trail = await db.auditLog.findMany({ where: { dossierSlug: dossier.slug }, orderBy: { createdAt: "asc" }, select: { action: true, dossierId: true } });
    expect(trail.map((t) => t.action)).toEqual(["dossier.create", "dossier.delete"]);
    expect(trail.every((t) => t.dossierId === null)).toBe(true);
  });

  it("archives instead when someone has an unsaved draft of its article", async () => {
    const { dossier } = await createDossier(f.journalist, { title: "Brouillon en cours", summary: "", language: "fr" });
    await saveDraft(f.journalist, { dossierId: dossier.id, baseVersion: dossier.version, body: "Premières lignes." });
    expect(await deleteDossier(f.editor, { dossierId: dossier.id })).toMatchObject({ outcome: "archived" });
    expect(await db.articleDraft.count({ where: { dossierId: dossier.id } })).toBe(1);
  });
});

describe("deleting parts of a fact-check record", () => {
  it("never deletes a claim with a verdict or a proposal, nor the evidence a verdict cites", async () => {
    await expectRefusedWithoutWrites(() => deleteClaim(f.editor, { dossierId: f.published.id, claimId: f.claims.creation.id }), { code: "RULE_VIOLATION", message: expect.stringContaining("fact-check history") });
    await proposeVerdict(f.journalist, { claimId: f.claims.siege.id, version: await claimVersion(f.claims.siege.id), verdict: "unverifiable", rationale: "Rien.", evidenceIds: [] });
    await expectRefusedWithoutWrites(() => deleteClaim(f.editor, { dossierId: f.dossier.id, claimId: f.claims.siege.id }), { code: "RULE_VIOLATION" });
    await expectRefusedWithoutWrites(() => deleteEvidence(f.editor, { dossierId: f.published.id, evidenceId: f.evidence.creation![0]! }), { code: "RULE_VIOLATION", message: expect.stringContaining("cites") });
  });

  it("keeps every verdict change of a claim whose verdict was withdrawn", async () => {
    const claimId = f.claims.recrutement.id;
    const changes = await db.verdictChange.count({ where: { claimId } });
    await setVerdict(f.editor, { claimId, version: await claimVersion(claimId), verdict: "false", rationale: "Non.", evidenceIds: f.evidence.recrutement, correctionNote: "Corrigé." });
    expect(await db.verdictChange.count({ where: { claimId } })).toBe(changes + 1);
    await expectRefusedWithoutWrites(() => deleteClaim(f.editor, { dossierId: f.published.id, claimId }), { code: "RULE_VIOLATION" });
  });
});
