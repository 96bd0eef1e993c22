// Setting a verdict (lib/server/verdicts/set-verdict.ts) against the real database: what is
// written, and that every refusal writes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { getPublishedDossier } from "@/lib/server/reader/get-published-dossier";
import { getClaimVerdictHistory } from "../support/use-cases";
import { setVerdict } from "../support/use-cases";
import { db, resetDatabase } from "../support/db";
import { claimVersion, expectRefusedWithoutWrites, publishUpdate, seedDesk, type DeskFixture } from "../support/desk";

let f: DeskFixture;

beforeEach(async () => {
  await resetDatabase();
  f = await seedDesk();
});

const verify = (over: Record<string, unknown> = {}) => ({
  claimId: f.claims.siege.id,
  version: f.claims.siege.version,
  verdict: "verified",
  rationale: "Le registre du commerce le confirme.",
  evidenceIds: [f.evidence.siege![0]!],
  ...over,
});

describe("setting a verdict", () => {
  it("records the verdict, appends it to the history with its evidence, reviews the claim and audits it", async () => {
    const result = await setVerdict(f.editor, verify());
    expect(result.claim).toMatchObject({ id: f.claims.siege.id, verdict: "verified", verdictRationale: "Le registre du commerce le confirme.", reviewState: "reviewed", version: f.claims.siege.version + 1 });
    expect(result.change).toMatchObject({ fromVerdict: null, toVerdict: "verified", evidenceIds: [f.evidence.siege![0]], correctionNote: null, proposalId: null, actor: { id: f.editor.id } });
    expect(result.supersededProposalId).toBeNull();
    // A draft: readers see nothing, nothing to revalidate.
    expect(result.readerSlug).toBeNull();
    expect(result.dossier).toMatchObject({ slug: "desk", status: "draft" });

    const claim = await db.claim.findUniqueOrThrow({ where: { id: f.claims.siege.id } });
    expect(claim).toMatchObject({ verdict: "verified", reviewState: "reviewed", verdictSetById: f.editor.id });
    expect(claim.verdictSetAt?.toISOString()).toBe(result.change.createdAt);
    const history = await db.verdictChange.findMany({ where: { claimId: claim.id } });
    expect(history).toHaveLength(1);
    expect(JSON.parse(history[0]!.evidenceIds)).toEqual([f.evidence.siege![0]]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "verdict.set", entityId: claim.id } });
    expect(audit).toMatchObject({ actorId: f.editor.id, dossierId: f.dossier.id, dossierSlug: "desk", entityType: "claim" });
    expect(JSON.parse(audit.before!)).toMatchObject({ verdict: null, reviewState: "unreviewed" });
    expect(JSON.parse(audit.after!)).toMatchObject({ verdict: "verified", reviewState: "reviewed" });
  });

  it("appends every later change, keeping the earlier ones", async () => {
    await setVerdict(f.editor, verify());
    await setVerdict(f.editor2, verify({ version: await claimVersion(f.claims.siege.id), verdict: "misleading", rationale: "Le siège a déménagé en 2021." }));
    const history = await getClaimVerdictHistory(f.journalist, { claimId: f.claims.siege.id });
    expect(history.changes.map((c) => [c.fromVerdict, c.toVerdict, c.actor?.name])).toEqual([
      [null, "verified", f.editor.name],
      ["verified", "misleading", f.editor2.name],
    ]);
    expect(history.claim).toMatchObject({ verdict: "misleading", verdictSetBy: { id: f.editor2.id } });
  });

  it("lets an admin set verdicts, and allows verdicts that need no evidence without any", async () => {
    const result = await setVerdict(f.admin, verify({ verdict: "unverifiable", evidenceIds: [] , rationale: "Aucune source accessible." }));
    expect(result.change).toMatchObject({ toVerdict: "unverifiable", evidenceIds: [] });
  });

  it("ignores a correction note on a dossier that was never published", async () => {
    const result = await setVerdict(f.editor, verify({ correctionNote: "Rien à corriger." }));
    expect(result.change.correctionNote).toBeNull();
  });

  it("keeps an open question's answering claim linked through verdict changes (issue 5.6)", async () => {
    await setVerdict(f.editor, { claimId: f.claims.produit.id, version: f.claims.produit.version, verdict: "outdated", rationale: "Une version 2 est sortie." });
    const question = await db.openQuestion.findFirstOrThrow({ where: { key: "sortie" } });
    expect(question).toMatchObject({ status: "answered", answeringClaimId: f.claims.produit.id });
  });
});

describe("setting a verdict is refused, and nothing is written,", () => {
  it("for anonymous visitors", async () => {
    await expectRefusedWithoutWrites(() => setVerdict(f.anonymous, verify()), { code: "UNAUTHENTICATED" });
  });

  it("for journalists, who are told to propose instead", async () => {
    await expectRefusedWithoutWrites(() => setVerdict(f.journalist, verify()), { code: "FORBIDDEN", message: expect.stringContaining("Propose") });
  });

  it("for a system actor: a verdict is a person's decision", async () => {
    await expectRefusedWithoutWrites(() => setVerdict(f.system, verify()), { code: "FORBIDDEN" });
  });

  it("for a claim that does not exist", async () => {
    await expectRefusedWithoutWrites(() => setVerdict(f.editor, verify({ claimId: "nope" })), { code: "NOT_FOUND" });
  });

  it("for a stale version, with the current state in the details", async () => {
    await setVerdict(f.editor2, verify());
    await expectRefusedWithoutWrites(() => setVerdict(f.editor, verify({ verdict: "false" })), {
      code: "CONFLICT",
      details: { current: { verdict: "verified", version: f.claims.siege.version + 1 } },
    });
  });

  it("for a verdict the newsroom does not have", async () => {
    await expectRefusedWithoutWrites(() => setVerdict(f.editor, verify({ verdict: "pants-on-fire" })), {
      code: "INVALID_INPUT",
      fieldErrors: { verdict: [expect.stringContaining("not a verdict of this newsroom")] },
    });
  });

  it("without a rationale", async () => {
    await expectRefusedWithoutWrites(() => setVerdict(f.editor, verify({ rationale: "   " })), {
      code: "INVALID_INPUT",
      fieldErrors: { rationale: ["The rationale is required."] },
    });
  });

  it("for a verdict that needs evidence, without any", async () => {
    for (const verdict of ["verified", "partly-true", "misleading", "false"]) {
      await expectRefusedWithoutWrites(() => setVerdict(f.editor, verify({ verdict, evidenceIds: [] })), {
        code: "RULE_VIOLATION",
        fieldErrors: { evidenceIds: [expect.stringContaining("needs at least one evidence link")] },
      });
    }
  });

  it("with evidence that belongs to another claim", async () => {
    await expectRefusedWithoutWrites(() => setVerdict(f.editor, verify({ evidenceIds: [f.evidence.chiffre![0]!] })), {
      code: "INVALID_INPUT",
      fieldErrors: { evidenceIds: [expect.stringContaining("not attached to this claim")] },
      details: { unknownEvidenceIds: [f.evidence.chiffre![0]] },
    });
  });

  it("for the claim's author marking it verified or false (four eyes), while another editor may", async () => {
    const chiffre = { claimId: f.claims.chiffre.id, version: f.claims.chiffre.version, rationale: "Comptes déposés.", evidenceIds: f.evidence.chiffre! };
    for (const verdict of ["verified", "false"]) {
      await expectRefusedWithoutWrites(() => setVerdict(f.editor, { ...chiffre, verdict }), { code: "FORBIDDEN", details: { rule: "four-eyes" } });
    }
    // The author may give the other verdicts…
    const partly = await setVerdict(f.editor, { ...chiffre, verdict: "partly-true" });
    // …and another editor may verify.
    const verified = await setVerdict(f.editor2, { ...chiffre, version: partly.claim.version, verdict: "verified" });
    expect(verified.claim.verdict).toBe("verified");
  });
});

describe("corrections after publication", () => {
  const recrutement = () => ({
    claimId: f.claims.recrutement.id,
    version: f.claims.recrutement.version,
    verdict: "verified",
    rationale: "Confirmé par le registre du personnel.",
    evidenceIds: f.evidence.recrutement!,
  });

  it("refuses a change to a published claim without a correction note, and writes nothing", async () => {
    await expectRefusedWithoutWrites(() => setVerdict(f.editor, recrutement()), {
      code: "RULE_VIOLATION",
      fieldErrors: { correctionNote: [expect.stringContaining("correction note")] },
    });
  });

  it("records the note, dated, where readers' history comes from, and tells the caller which pages to revalidate", async () => {
    const result = await setVerdict(f.editor, { ...recrutement(), correctionNote: "Le nombre d'embauches est désormais confirmé." });
    expect(result.readerSlug).toBe("mini");
    expect(result.change.correctionNote).toBe("Le nombre d'embauches est désormais confirmé.");

    // The public history: VerdictChange rows; the corrections log is those with a note made after publication.
    const dossier = await db.dossier.findUniqueOrThrow({ where: { slug: "mini" }, select: { publishedAt: true } });
    const corrections = await db.verdictChange.findMany({
      where: { claim: { dossier: { slug: "mini" } }, correctionNote: { not: null }, createdAt: { gt: dossier.publishedAt! } },
      select: { toVerdict: true, correctionNote: true, createdAt: true, claimId: true },
    });
    expect(corrections).toEqual([
      { claimId: f.claims.recrutement.id, toVerdict: "verified", correctionNote: "Le nombre d'embauches est désormais confirmé.", createdAt: new Date(result.change.createdAt) },
    ]);
    // Readers keep the published version until an editor publishes the update…
    const before = (await getPublishedDossier("mini")).claims.find((c) => c.id === f.claims.recrutement.id);
    expect(before).toMatchObject({ verdict: "unverifiable" });
    await publishUpdate(f.editor, f.published.id, "Le nombre d'embauches est confirmé.");
    // …whose view of the dossier then has the new verdict and rationale, and the correction.
    const published = await getPublishedDossier("mini");
    const publicClaim = published.claims.find((c) => c.id === f.claims.recrutement.id);
    expect(publicClaim).toMatchObject({ verdict: "verified", verdictRationale: "Confirmé par le registre du personnel.", verdictSetAt: result.change.createdAt });
    expect(published.corrections.map((c) => c.change.correctionNote)).toEqual(["Le nombre d'embauches est désormais confirmé."]);
  });
});
