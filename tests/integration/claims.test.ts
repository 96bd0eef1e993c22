// Claims made from passages of the article: stored selectors, re-anchoring when the article is
// edited (moved, changed, gone → orphaned, back → anchored), re-attaching, evidence.
import { beforeEach, describe, expect, it } from "vitest";
import { articleText } from "@/lib/markdown/render";
import { parseInput } from "@/lib/schemas/parse";
import { CreateClaimSchema } from "@/lib/schemas/claims";
import { createClaim } from "@/lib/server/claims/create-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { reattachClaim } from "@/lib/server/claims/reattach-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { getDossierWorkspace } from "@/lib/server/dossiers/get-dossier-workspace";
import { restoreRevision } from "@/lib/server/dossiers/restore-revision";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { saveDraft } from "@/lib/server/dossiers/save-draft";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { createQuestion } from "@/lib/server/questions/create-question";
import { updateQuestion } from "@/lib/server/questions/update-question";
import { createSource } from "@/lib/server/sources/create-source";
import { db, resetDatabase } from "../support/db";
import { ARTICLE, demoActors, dossierWithArticle, selectionOf, tableCounts, type Actors } from "../support/newsroom";

let actors: Actors;
let d: Awaited<ReturnType<typeof dossierWithArticle>>;
beforeEach(async () => {
  await resetDatabase();
  actors = await demoActors();
  d = await dossierWithArticle(actors.journalist);
});

const claimFrom = async (exact: string, extra: { hedged?: boolean; text?: string } = {}) =>
  (await createClaim(actors.journalist, { dossierId: d.id, selection: await selectionOf(d.id, exact), text: extra.text ?? exact, hedged: extra.hedged ?? false })).claim;

const plainSource = (title: string, dossierId = d.id) =>
  createSource(actors.journalist, { dossierId, kind: "document", title, url: null, publisher: null, author: null, date: null, accessedAt: null, reliability: "high", confidential: false, publicDescription: null, identity: null, notes: null });

describe("making a claim from a selected passage", () => {
  it("stores the passage's TextQuote selector and offsets in the rendered text, hedged when marked so", async () => {
    const claim = await claimFrom("paid no tax in 2022", { hedged: true, text: "Nordmarine paid no tax in 2022." });
    const text = articleText(ARTICLE);
    expect(claim).toMatchObject({ text: "Nordmarine paid no tax in 2022.", hedged: true, anchorStatus: "anchored", anchorExact: "paid no tax in 2022", verdict: null, version: 1 });
    expect(text.slice(claim.anchorStart!, claim.anchorEnd!)).toBe("paid no tax in 2022");
    expect(text.slice(0, claim.anchorStart!).endsWith(claim.anchorPrefix)).toBe(true);
    expect(text.slice(claim.anchorEnd!).startsWith(claim.anchorSuffix)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "claim.create", entityId: claim.id } })).toBe(1);
  });

  it("numbers claims in the order of the article", async () => {
    await claimFrom("The mayor declined to comment.");
    await claimFrom("awarded the harbour contract");
    const { claims } = await getDossierWorkspace(actors.journalist, d.slug);
    expect(claims.map((c) => [c.position, c.anchorExact])).toEqual([
      [0, "awarded the harbour contract"],
      [1, "The mayor declined to comment."],
    ]);
  });

  it("refuses a passage that is only in unsaved text, and a passage overlapping another claim, writing nothing", async () => {
    await saveDraft(actors.journalist, { dossierId: d.id, baseVersion: d.version, body: `${ARTICLE}An unsaved sentence.\n` });
    await claimFrom("awarded the harbour contract");
    const before = await tableCounts();
    const unsaved = { exact: "An unsaved sentence.", prefix: "", suffix: "", start: articleText(ARTICLE).length, end: articleText(ARTICLE).length + 20 };
    await expect(createClaim(actors.journalist, { dossierId: d.id, selection: unsaved, text: "x", hedged: false })).rejects.toMatchObject({
      code: "RULE_VIOLATION",
      message: expect.stringContaining("not in the saved article"),
    });
    await expect(createClaim(actors.journalist, { dossierId: d.id, selection: await selectionOf(d.id, "harbour contract to Nordmarine"), text: "x", hedged: false })).rejects.toMatchObject({
      code: "RULE_VIOLATION",
      message: expect.stringContaining("overlaps"),
    });
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses an inconsistent selection before reaching the database", () => {
    expect(() => parseInput(CreateClaimSchema, { dossierId: "x", text: "t", selection: { exact: "abc", start: 0, end: 10 } })).toThrow(
      expect.objectContaining({ fieldErrors: { "selection.exact": ["The selection is inconsistent; select the passage again."] } }),
    );
    expect(() => parseInput(CreateClaimSchema, { dossierId: "x", text: "", selection: { exact: "abc", start: 0, end: 3 } })).toThrow(
      expect.objectContaining({ fieldErrors: { text: ["The claim is required."] } }),
    );
  });
});

describe("re-anchoring when the article is edited", () => {
  it("follows moved and slightly changed passages, flags a vanished one as orphaned (never deleting it), and anchors it again when it comes back", async () => {
    const moved = await claimFrom("awarded the harbour contract to Nordmarine");
    const reworded = await claimFrom("reportedly paid no tax in 2022, according to a former accountant");
    const removed = await claimFrom("The mayor declined to comment.");
    const edited = ARTICLE.replace("# The harbour contract\n", "# The harbour contract\n\nA new opening paragraph pushes everything down.\n")
      .replace("reportedly paid no tax in 2022, according to a former accountant", "reportedly paid no tax in 2022, according to one former accountant")
      .replace("The mayor declined to comment.\n", "");
    const result = await saveArticle(actors.journalist, { dossierId: d.id, version: d.version, body: edited, note: "" });
    if (!result.changed) throw new Error("expected a change");
    expect(result.claims.orphaned.map((c) => c.id)).toEqual([removed.id]);
    expect(result.claims.moved.sort()).toEqual([moved.id, reworded.id].sort());

    const text = articleText(edited);
    const rows = await db.claim.findMany({ where: { dossierId: d.id }, select: { id: true, anchorStatus: true, anchorExact: true, anchorStart: true, anchorEnd: true, version: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(rows).toHaveLength(3);
    const m = byId.get(moved.id)!;
    expect([m.anchorStatus, text.slice(m.anchorStart!, m.anchorEnd!)]).toEqual(["anchored", "awarded the harbour contract to Nordmarine"]);
    const r = byId.get(reworded.id)!;
    expect(r.anchorStatus).toBe("anchored");
    expect(text.slice(r.anchorStart!, r.anchorEnd!)).toContain("according to one former accountant");
    expect(byId.get(removed.id)).toMatchObject({ anchorStatus: "orphaned", anchorExact: "The mayor declined to comment.", version: 1 });
    expect(await db.auditLog.count({ where: { action: "claim.orphan", entityId: removed.id } })).toBe(1);
    // Orphaned claims are listed after the anchored ones.
    const { claims } = await getDossierWorkspace(actors.journalist, d.slug);
    expect(claims.map((c) => c.id)).toEqual([moved.id, reworded.id, removed.id]);

    const back = await restoreRevision(actors.journalist, { dossierId: d.id, version: result.version, number: 1 });
    expect(back.claims.restored).toEqual([removed.id]);
    expect(await db.claim.findUniqueOrThrow({ where: { id: removed.id }, select: { anchorStatus: true } })).toEqual({ anchorStatus: "anchored" });
  });

  it("re-attaches an orphaned claim to a newly selected passage", async () => {
    const claim = await claimFrom("The mayor declined to comment.");
    const body = ARTICLE.replace("The mayor declined to comment.", "The mayor's office did not answer our questions.");
    await saveArticle(actors.journalist, { dossierId: d.id, version: d.version, body, note: "" });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).anchorStatus).toBe("orphaned");
    const { claim: reattached } = await reattachClaim(actors.journalist, { dossierId: d.id, claimId: claim.id, version: 1, selection: await selectionOf(d.id, "did not answer our questions") });
    expect(reattached).toMatchObject({ anchorStatus: "anchored", anchorExact: "did not answer our questions", version: 2 });
    expect(await db.auditLog.count({ where: { action: "claim.reattach", entityId: claim.id } })).toBe(1);
  });
});

describe("editing and deleting claims", () => {
  it("marks a claim as hedged, refusing a stale version", async () => {
    const claim = await claimFrom("paid no tax in 2022");
    const { claim: updated } = await updateClaim(actors.journalist, { dossierId: d.id, claimId: claim.id, version: 1, text: "Reportedly paid no tax.", hedged: true });
    expect(updated).toMatchObject({ hedged: true, text: "Reportedly paid no tax.", version: 2 });
    await expect(updateClaim(actors.editor, { dossierId: d.id, claimId: claim.id, version: 1, text: "Other", hedged: false })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { current: { text: "Reportedly paid no tax.", hedged: true, version: 2 } },
    });
  });

  it("deletes a claim with its evidence, but never one with a fact-check history or one answering a question", async () => {
    const { source } = await plainSource("Tax records");
    const checked = await claimFrom("paid no tax in 2022");
    await db.claim.update({ where: { id: checked.id }, data: { verdict: "verified" } });
    await expect(deleteClaim(actors.journalist, { dossierId: d.id, claimId: checked.id })).rejects.toMatchObject({ code: "RULE_VIOLATION" });

    const answering = await claimFrom("The mayor declined to comment.");
    const { question } = await createQuestion(actors.journalist, { dossierId: d.id, text: "Did the mayor answer?", ownerId: null });
    await updateQuestion(actors.journalist, { dossierId: d.id, questionId: question.id, version: 1, text: question.text, ownerId: null, status: "answered", answeringClaimId: answering.id, answer: "No." });
    await expect(deleteClaim(actors.journalist, { dossierId: d.id, claimId: answering.id })).rejects.toMatchObject({ code: "RULE_VIOLATION", message: expect.stringContaining("answers") });

    const plain = await claimFrom("awarded the harbour contract");
    await createEvidence(actors.journalist, { dossierId: d.id, claimId: plain.id, sourceId: source.id, stance: "supports", excerpt: "", note: null });
    await deleteClaim(actors.journalist, { dossierId: d.id, claimId: plain.id });
    expect(await db.claim.count({ where: { id: plain.id } })).toBe(0);
    expect(await db.evidence.count({ where: { claimId: plain.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "claim.delete", entityId: plain.id } })).toBe(1);
  });
});

describe("evidence", () => {
  it("links a claim to a source with a stance and an excerpt, once per stance", async () => {
    const claim = await claimFrom("paid no tax in 2022");
    const { source } = await plainSource("Tax records");
    const { evidence } = await createEvidence(actors.journalist, { dossierId: d.id, claimId: claim.id, sourceId: source.id, stance: "supports", excerpt: "Tax paid: 0", note: "Page 4" });
    expect(evidence).toMatchObject({ claimId: claim.id, sourceId: source.id, sourceLabel: "Tax records", stance: "supports", excerpt: "Tax paid: 0", note: "Page 4" });
    await expect(createEvidence(actors.journalist, { dossierId: d.id, claimId: claim.id, sourceId: source.id, stance: "supports", excerpt: "", note: null })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { sourceId: [expect.stringContaining("Already linked")] },
    });
  });

  it("never links records of another dossier, whatever ids the request names", async () => {
    const claim = await claimFrom("paid no tax in 2022");
    const other = await dossierWithArticle(actors.journalist, "Another story");
    const { source: foreign } = await plainSource("Elsewhere", other.id);
    const before = await tableCounts();
    await expect(createEvidence(actors.journalist, { dossierId: d.id, claimId: claim.id, sourceId: foreign.id, stance: "supports", excerpt: "", note: null })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(createEvidence(actors.journalist, { dossierId: other.id, claimId: claim.id, sourceId: foreign.id, stance: "supports", excerpt: "", note: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateClaim(actors.journalist, { dossierId: other.id, claimId: claim.id, version: 1, text: "Hijacked", hedged: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await tableCounts()).toEqual(before);
  });

  it("keeps evidence that a verdict cites", async () => {
    const claim = await claimFrom("paid no tax in 2022");
    const { source } = await plainSource("Tax records");
    const { evidence } = await createEvidence(actors.journalist, { dossierId: d.id, claimId: claim.id, sourceId: source.id, stance: "supports", excerpt: "", note: null });
    await db.verdictChange.create({ data: { claimId: claim.id, toVerdict: "verified", rationale: "Records", evidenceIds: JSON.stringify([evidence.id]) } });
    await expect(deleteEvidence(actors.journalist, { dossierId: d.id, evidenceId: evidence.id })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    expect(await db.evidence.count()).toBe(1);
  });
});
