// The publish gate, overrides and unpublishing, against the real database.
import { beforeEach, describe, expect, it } from "vitest";
import { createDossier } from "@/lib/server/dossiers/create-dossier";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { getPublishReadiness } from "../support/use-cases";
import { publishDossier } from "../support/use-cases";
import { unpublishDossier } from "../support/use-cases";
import { getPublishedDossier } from "@/lib/server/reader/get-published-dossier";
import { decideProposal } from "../support/use-cases";
import { proposeVerdict } from "../support/use-cases";
import { setVerdict } from "../support/use-cases";
import { db, resetDatabase } from "../support/db";
import { claimVersion, deskSnapshot, dossierVersion, expectRefusedWithoutWrites, seedDesk, type DeskFixture } from "../support/desk";

let f: DeskFixture;

beforeEach(async () => {
  await resetDatabase();
  f = await seedDesk();
});

const publish = async (actor: DeskFixture["editor"], over: Record<string, unknown> = {}) =>
  publishDossier(actor, { dossierId: f.dossier.id, version: await dossierVersion(f.dossier.id), ...over });

async function check(key: "siege" | "chiffre" | "licenciements", verdict = "partly-true", actor = f.editor2) {
  const id = f.claims[key].id;
  return setVerdict(actor, { claimId: id, version: await claimVersion(id), verdict, rationale: "Vérifié.", evidenceIds: f.evidence[key]!.slice(0, 1) });
}

describe("publish readiness", () => {
  it("lists the claims not yet checked and those with a pending proposal, in article order", async () => {
    await proposeVerdict(f.journalist, { claimId: f.claims.produit.id, version: f.claims.produit.version, verdict: "outdated", rationale: "Version 2 sortie." });
    const readiness = await getPublishReadiness(f.journalist, { dossierId: f.dossier.id });
    expect(readiness).toMatchObject({ ready: false, totalClaims: 4, dossier: { slug: "desk", status: "draft" } });
    expect(readiness.blockingClaims.map((c) => [c.id, c.reasons])).toEqual([
      [f.claims.siege.id, ["not-yet-checked"]],
      [f.claims.chiffre.id, ["not-yet-checked"]],
      [f.claims.licenciements.id, ["not-yet-checked"]],
      [f.claims.produit.id, ["pending-proposal"]],
    ]);
    expect(readiness.blockingClaims[3]!.pendingProposal).toMatchObject({ verdict: "outdated", proposedBy: { id: f.journalist.id } });
  });

  it("says an empty dossier is not ready and what it lacks: article text, then claims", async () => {
    const { dossier } = await createDossier(f.journalist, { title: "Une page blanche", summary: "", language: "fr" });
    expect(await getPublishReadiness(f.editor, { dossierId: dossier.id })).toMatchObject({ ready: false, missing: ["article", "claims"], totalClaims: 0, blockingClaims: [] });
    await saveArticle(f.journalist, { dossierId: dossier.id, version: dossier.version, body: "  \n\n  ", note: "" });
    expect((await getPublishReadiness(f.editor, { dossierId: dossier.id })).missing).toEqual(["article", "claims"]);
    await saveArticle(f.journalist, { dossierId: dossier.id, version: await dossierVersion(dossier.id), body: "La mairie a signé le contrat en 2021.", note: "" });
    expect(await getPublishReadiness(f.editor, { dossierId: dossier.id })).toMatchObject({ ready: false, missing: ["claims"] });
    // A dossier with its article and claims lacks nothing: only its claims' checks stand in the way.
    expect((await getPublishReadiness(f.editor, { dossierId: f.dossier.id })).missing).toEqual([]);
  });

  it("is refused to anonymous visitors and not found for an unknown dossier", async () => {
    await expect(getPublishReadiness(f.anonymous, { dossierId: f.dossier.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(getPublishReadiness(f.editor, { dossierId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("publishing through the gate", () => {
  it("is blocked until the last claim is reviewed, listing the blocking claims, then succeeds", async () => {
    await expectRefusedWithoutWrites(() => publish(f.editor), {
      code: "RULE_VIOLATION",
      message: expect.stringContaining("3 claims are"),
      details: { blockingClaims: [{ id: f.claims.siege.id }, { id: f.claims.chiffre.id }, { id: f.claims.licenciements.id }] },
    });
    await check("siege");
    await check("chiffre");
    await expectRefusedWithoutWrites(() => publish(f.editor), {
      code: "RULE_VIOLATION",
      message: expect.stringContaining("1 claim is"),
      details: { blockingClaims: [{ id: f.claims.licenciements.id, reasons: ["not-yet-checked"] }] },
    });
    // A pending proposal blocks just the same.
    const proposal = await proposeVerdict(f.journalist, { claimId: f.claims.licenciements.id, version: await claimVersion(f.claims.licenciements.id), verdict: "unverifiable", rationale: "Un seul témoin." });
    await expectRefusedWithoutWrites(() => publish(f.editor), { code: "RULE_VIOLATION", details: { blockingClaims: [{ id: f.claims.licenciements.id, reasons: ["not-yet-checked", "pending-proposal"] }] } });
    await decideProposal(f.editor, { proposalId: proposal.proposal.id, claimVersion: proposal.claim.version, decision: "accept" });

    expect((await getPublishReadiness(f.editor, { dossierId: f.dossier.id })).ready).toBe(true);
    const before = Date.now();
    const result = await publish(f.editor);
    expect(result).toMatchObject({ overridden: false, blockingClaimIds: [], readerSlug: "desk", dossier: { status: "published", version: f.dossier.version + 1 } });
    expect(Date.parse(result.dossier.publishedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(await db.publicationEvent.findMany({ where: { dossierId: f.dossier.id }, select: { action: true, overrideReason: true, actorId: true, blockingClaimIds: true, versionNumber: true } })).toEqual([
      { action: "publish", overrideReason: null, actorId: f.editor.id, blockingClaimIds: "[]", versionNumber: 1 },
    ]);
    expect(await db.auditLog.count({ where: { action: "dossier.publish", dossierId: f.dossier.id, actorId: f.editor.id } })).toBe(1);
    // Readers now see it.
    expect((await getPublishedDossier("desk")).claims).toHaveLength(4);
  });

  it("lets an editor override with a written reason, recorded with the claims that were blocking", async () => {
    await check("siege");
    const readiness = await getPublishReadiness(f.editor, { dossierId: f.dossier.id });
    const ids = readiness.blockingClaims.map((c) => c.id);
    const result = await publish(f.editor, { overrideReason: "Urgence : les deux affirmations restantes sont attribuées.", acknowledgedClaimIds: ids });
    expect(result).toMatchObject({ overridden: true, blockingClaimIds: ids, dossier: { status: "published" } });
    const event = await db.publicationEvent.findFirstOrThrow({ where: { dossierId: f.dossier.id } });
    expect(event).toMatchObject({ action: "publish", overrideReason: "Urgence : les deux affirmations restantes sont attribuées.", actorId: f.editor.id });
    expect(JSON.parse(event.blockingClaimIds)).toEqual(ids);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "dossier.publish" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ override: { reason: "Urgence : les deux affirmations restantes sont attribuées.", blockingClaimIds: ids } });
    // Readers see the unchecked claims as not yet checked.
    const publicClaims = (await getPublishedDossier("desk")).claims;
    expect(publicClaims.filter((c) => c.verdict === null).map((c) => c.id)).toEqual(ids);
  });

  it("refuses an override without a reason", async () => {
    const ids = (await getPublishReadiness(f.editor, { dossierId: f.dossier.id })).blockingClaims.map((c) => c.id);
    await expectRefusedWithoutWrites(() => publish(f.editor, { overrideReason: "  ", acknowledgedClaimIds: ids }), {
      code: "INVALID_INPUT",
      fieldErrors: { overrideReason: [expect.stringContaining("Write why")] },
    });
  });

  it("refuses an override that does not cover a claim which started blocking since the editor looked", async () => {
    await check("siege");
    const seen = (await getPublishReadiness(f.editor, { dossierId: f.dossier.id })).blockingClaims.map((c) => c.id);
    await proposeVerdict(f.journalist, { claimId: f.claims.siege.id, version: await claimVersion(f.claims.siege.id), verdict: "false", rationale: "Le siège a déménagé.", evidenceIds: f.evidence.siege });
    await expectRefusedWithoutWrites(() => publish(f.editor, { overrideReason: "Urgence.", acknowledgedClaimIds: seen }), {
      code: "CONFLICT",
      details: { unacknowledgedClaimIds: [f.claims.siege.id] },
    });
  });

  it("ignores an override reason when nothing blocks", async () => {
    for (const key of ["siege", "chiffre", "licenciements"] as const) await check(key);
    const result = await publish(f.editor, { overrideReason: "Par précaution." });
    expect(result.overridden).toBe(false);
    expect((await db.publicationEvent.findFirstOrThrow()).overrideReason).toBeNull();
  });

  it("is refused, writing nothing, to anonymous visitors, journalists and system actors", async () => {
    const dossierId = f.dossier.id;
    await expectRefusedWithoutWrites(() => publishDossier(f.anonymous, { dossierId, version: 1 }), { code: "UNAUTHENTICATED" });
    await expectRefusedWithoutWrites(() => publish(f.journalist, { overrideReason: "Je publie.", acknowledgedClaimIds: [f.claims.siege.id] }), {
      code: "FORBIDDEN",
      message: expect.stringContaining("Only editors"),
    });
    await expectRefusedWithoutWrites(() => publishDossier(f.system, { dossierId, version: f.dossier.version }), { code: "FORBIDDEN" });
  });

  it("is refused for a stale dossier version, an unknown dossier and a dossier already published", async () => {
    await expectRefusedWithoutWrites(() => publishDossier(f.editor, { dossierId: f.dossier.id, version: f.dossier.version + 1 }), { code: "CONFLICT", details: { current: { version: f.dossier.version } } });
    await expectRefusedWithoutWrites(() => publishDossier(f.editor, { dossierId: "nope", version: 1 }), { code: "NOT_FOUND" });
    // Published with nothing changed since: there is no update to publish.
    await expectRefusedWithoutWrites(() => publishDossier(f.editor, { dossierId: f.published.id, version: f.published.version }), { code: "CONFLICT", message: expect.stringContaining("Nothing to publish"), details: { rule: "nothing-to-publish" } });
  });

  it("refuses bad input with the field at fault", async () => {
    await expectRefusedWithoutWrites(() => publishDossier(f.editor, { dossierId: f.dossier.id, version: "two" }), { code: "INVALID_INPUT", fieldErrors: { version: [expect.any(String)] } });
  });
});

describe("unpublishing", () => {
  it("takes the dossier off the public site and keeps everything", async () => {
    const snapshotBefore = await deskSnapshot();
    const mini = await db.dossier.findUniqueOrThrow({ where: { id: f.published.id }, select: { publishedAt: true } });
    const result = await unpublishDossier(f.editor, { dossierId: f.published.id, version: f.published.version, reason: "Erreur de date à corriger." });
    expect(result).toMatchObject({ readerSlug: "mini", dossier: { status: "draft", publishedAt: mini.publishedAt!.toISOString(), version: f.published.version + 1 } });
    await expect(getPublishedDossier("mini")).rejects.toMatchObject({ code: "NOT_FOUND" });

    const after = await deskSnapshot();
    // Same claims, history, proposals, evidence, questions: only the dossier row and the records changed.
    for (const table of ["claims", "changes", "proposals", "evidence", "questions", "notifications"] as const) expect(after[table]).toEqual(snapshotBefore[table]);
    expect(await db.publicationEvent.findMany({ where: { dossierId: f.published.id, actorId: { not: null } }, select: { action: true, actorId: true } })).toEqual([{ action: "unpublish", actorId: f.editor.id }]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "dossier.unpublish" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ reason: "Erreur de date à corriger.", status: "draft" });
  });

  it("still requires a correction note while unpublished, and republishing keeps the first publication date", async () => {
    const mini = await db.dossier.findUniqueOrThrow({ where: { id: f.published.id }, select: { publishedAt: true } });
    await unpublishDossier(f.editor, { dossierId: f.published.id, version: f.published.version });
    const claimId = f.claims.recrutement.id;
    await expectRefusedWithoutWrites(
      async () => setVerdict(f.editor, { claimId, version: await claimVersion(claimId), verdict: "false", rationale: "Aucune embauche.", evidenceIds: f.evidence.recrutement }),
      { code: "RULE_VIOLATION", fieldErrors: { correctionNote: [expect.any(String)] } },
    );
    const republished = await publishDossier(f.editor, { dossierId: f.published.id, version: await dossierVersion(f.published.id) });
    expect(republished.dossier.publishedAt).toBe(mini.publishedAt!.toISOString());
    // The import published version 1; unpublishing and publishing again makes version 2.
    expect((await db.publicationEvent.findMany({ where: { dossierId: f.published.id }, orderBy: { createdAt: "asc" }, select: { action: true, versionNumber: true } }))).toEqual([
      { action: "publish", versionNumber: 1 },
      { action: "unpublish", versionNumber: null },
      { action: "publish", versionNumber: 2 },
    ]);
    expect(republished.versionNumber).toBe(2);
  });

  it("is refused, writing nothing, for a draft, a stale version, journalists and anonymous visitors", async () => {
    await expectRefusedWithoutWrites(() => unpublishDossier(f.editor, { dossierId: f.dossier.id, version: f.dossier.version }), { code: "CONFLICT", message: "This dossier is not published." });
    await expectRefusedWithoutWrites(() => unpublishDossier(f.editor, { dossierId: f.published.id, version: f.published.version + 5 }), { code: "CONFLICT" });
    await expectRefusedWithoutWrites(() => unpublishDossier(f.journalist, { dossierId: f.published.id, version: f.published.version }), { code: "FORBIDDEN" });
    await expectRefusedWithoutWrites(() => unpublishDossier(f.anonymous, { dossierId: f.published.id, version: f.published.version }), { code: "UNAUTHENTICATED" });
  });
});
