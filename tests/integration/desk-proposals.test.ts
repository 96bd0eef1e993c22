// Proposals: a journalist proposes, an editor accepts or rejects, the proposer withdraws — every
// transition and every refusal, against the real database.
import { beforeEach, describe, expect, it } from "vitest";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { decideProposal } from "../support/use-cases";
import { getClaimVerdictHistory } from "../support/use-cases";
import { proposeVerdict } from "../support/use-cases";
import { setVerdict } from "../support/use-cases";
import { withdrawProposal } from "../support/use-cases";
import { db, resetDatabase } from "../support/db";
import { claimVersion, expectRefusedWithoutWrites, seedDesk, type DeskFixture } from "../support/desk";

let f: DeskFixture;

beforeEach(async () => {
  await resetDatabase();
  f = await seedDesk();
});

async function propose(actor = f.journalist, over: Record<string, unknown> = {}) {
  const claimId = (over.claimId as string | undefined) ?? f.claims.siege.id;
  return proposeVerdict(actor, {
    claimId,
    version: await claimVersion(claimId),
    verdict: "verified",
    rationale: "Le registre le confirme.",
    evidenceIds: [f.evidence.siege![0]!],
    ...over,
  });
}

async function decide(actor: DeskFixture["editor"], proposalId: string, decision: "accept" | "reject", over: Record<string, unknown> = {}) {
  const p = await db.verdictProposal.findUniqueOrThrow({ where: { id: proposalId }, select: { claimId: true } });
  return decideProposal(actor, { proposalId, claimVersion: await claimVersion(p.claimId), decision, ...over } as Parameters<typeof decideProposal>[1]);
}

describe("the proposal journey", () => {
  it("journalist proposes with evidence, editor rejects with a reason, journalist proposes again, editor accepts", async () => {
    // 1. The journalist proposes: the claim is "proposed", no verdict yet.
    const first = await propose();
    expect(first.proposal).toMatchObject({ status: "pending", verdict: "verified", evidenceIds: [f.evidence.siege![0]], proposedBy: { id: f.journalist.id, name: f.journalist.name } });
    expect(first.claim).toMatchObject({ reviewState: "proposed", verdict: null });
    expect(await db.auditLog.count({ where: { action: "verdict.propose", entityId: first.proposal.id } })).toBe(1);

    // 2. The editor rejects with a reason: back to unreviewed, the journalist is notified with the reason and a link.
    const rejected = await decide(f.editor, first.proposal.id, "reject", { reason: "Le registre date de 2018 : vérifie l'année." });
    expect(rejected).toMatchObject({ decision: "reject", readerSlug: null, proposal: { status: "rejected", decisionReason: "Le registre date de 2018 : vérifie l'année.", decidedBy: { id: f.editor.id } } });
    expect(rejected.claim).toMatchObject({ reviewState: "unreviewed", verdict: null });
    let inbox = await listNotifications(f.journalist);
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: "proposal.rejected",
      message: expect.stringContaining("Le registre date de 2018 : vérifie l'année."),
      link: `/newsroom/desk/claims/${f.claims.siege.id}`,
      readAt: null,
    });
    expect(inbox.items[0]!.message).toContain(f.editor.name);
    expect(await db.verdictChange.count({ where: { claimId: f.claims.siege.id } })).toBe(0);

    // 3. The journalist proposes again, with the other evidence too.
    const second = await propose(f.journalist, { rationale: "Registre : transfert du siège le 4 février 2019.", evidenceIds: f.evidence.siege! });
    expect(second.replacedProposalId).toBeNull();
    expect(second.claim.reviewState).toBe("proposed");

    // 4. The editor accepts: the verdict is set with the proposal's rationale and evidence.
    const accepted = await decide(f.editor, second.proposal.id, "accept", { reason: "Bien vu." });
    if (accepted.decision !== "accept") throw new Error("expected an acceptance");
    expect(accepted.claim).toMatchObject({ verdict: "verified", reviewState: "reviewed", verdictRationale: "Registre : transfert du siège le 4 février 2019." });
    expect(accepted.change).toMatchObject({ fromVerdict: null, toVerdict: "verified", proposalId: second.proposal.id, evidenceIds: f.evidence.siege, actor: { id: f.editor.id } });
    expect(accepted.proposal).toMatchObject({ status: "accepted", decisionReason: "Bien vu.", decidedBy: { id: f.editor.id } });
    inbox = await listNotifications(f.journalist);
    expect(inbox.items.map((n) => n.kind)).toEqual(["proposal.accepted", "proposal.rejected"]);
    expect(inbox.items[0]!.message).toContain("Bien vu.");

    // The newsroom's history shows both proposals and the one change.
    const history = await getClaimVerdictHistory(f.editor, { claimId: f.claims.siege.id });
    expect(history.proposals.map((p) => p.status)).toEqual(["rejected", "accepted"]);
    expect(history.changes).toHaveLength(1);
    expect(history.pendingProposal).toBeNull();
    expect(await db.auditLog.count({ where: { action: { in: ["verdict.proposal.reject", "verdict.proposal.accept"] } } })).toBe(2);
  });

  it("lets an editor propose too, and a proposal on a checked claim return it to reviewed when rejected", async () => {
    const produit = f.claims.produit.id;
    const proposal = await propose(f.editor, { claimId: produit, verdict: "outdated", rationale: "Une version 2 est sortie.", evidenceIds: [] });
    expect(proposal.claim).toMatchObject({ reviewState: "proposed", verdict: "verified" });
    const rejected = await decide(f.editor2, proposal.proposal.id, "reject", { reason: "Le produit reste le premier." });
    expect(rejected.claim).toMatchObject({ reviewState: "reviewed", verdict: "verified" });
  });

  it("replaces the proposer's own pending proposal with a revised one", async () => {
    const first = await propose();
    const revised = await propose(f.journalist, { verdict: "partly-true", rationale: "L'année est discutable." });
    expect(revised.replacedProposalId).toBe(first.proposal.id);
    const rows = await db.verdictProposal.findMany({ where: { claimId: f.claims.siege.id }, orderBy: { createdAt: "asc" }, select: { status: true, decisionReason: true } });
    expect(rows).toEqual([
      { status: "withdrawn", decisionReason: "Replaced by a revised proposal." },
      { status: "pending", decisionReason: null },
    ]);
  });

  it("lets the proposer withdraw, returning the claim to where it was", async () => {
    const { proposal } = await propose();
    const notifications = await db.notification.count();
    const result = await withdrawProposal(f.journalist, { proposalId: proposal.id });
    expect(result.proposal.status).toBe("withdrawn");
    expect(result.claim).toMatchObject({ reviewState: "unreviewed", verdict: null });
    expect(await db.auditLog.count({ where: { action: "verdict.proposal.withdraw" } })).toBe(1);
    // Withdrawing tells nobody (the editors were told of the proposal when it was made).
    expect(await db.notification.count()).toBe(notifications);
  });

  it("closes a pending proposal as superseded when an editor sets the verdict directly, and tells the proposer", async () => {
    const { proposal } = await propose();
    const result = await setVerdict(f.editor, {
      claimId: f.claims.siege.id,
      version: await claimVersion(f.claims.siege.id),
      verdict: "misleading",
      rationale: "Le siège est à Nantes, mais seulement depuis 2021.",
      evidenceIds: [f.evidence.siege![0]!],
    });
    expect(result.supersededProposalId).toBe(proposal.id);
    expect(result.claim.reviewState).toBe("reviewed");
    expect(await db.verdictProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: "superseded", decidedById: f.editor.id });
    const [notification] = (await listNotifications(f.journalist)).items;
    expect(notification).toMatchObject({ kind: "proposal.superseded", message: expect.stringContaining("seulement depuis 2021") });
  });

  it("asks the accepting editor for a correction note on a published dossier, then records it", async () => {
    const { proposal } = await propose(f.journalist, { claimId: f.claims.recrutement.id, verdict: "false", rationale: "Le registre du personnel ne montre que cinq embauches.", evidenceIds: f.evidence.recrutement });
    await expectRefusedWithoutWrites(() => decide(f.editor, proposal.id, "accept"), { code: "RULE_VIOLATION", fieldErrors: { correctionNote: [expect.any(String)] } });
    const accepted = await decide(f.editor, proposal.id, "accept", { correctionNote: "Seules cinq embauches sont attestées." });
    expect(accepted).toMatchObject({ readerSlug: "mini", change: { correctionNote: "Seules cinq embauches sont attestées.", toVerdict: "false" } });
  });
});

describe("four eyes through proposals", () => {
  it("stops the claim's author accepting a proposal that verifies or falsifies it, while another editor may", async () => {
    for (const verdict of ["verified", "false"]) {
      const { proposal } = await propose(f.journalist, { claimId: f.claims.chiffre.id, verdict, evidenceIds: f.evidence.chiffre });
      await expectRefusedWithoutWrites(() => decide(f.editor, proposal.id, "accept"), {
        code: "FORBIDDEN",
        message: expect.stringContaining("four eyes"),
        details: { rule: "four-eyes" },
      });
      // Rejecting is not marking: the author may still turn a proposal down.
      await decide(f.editor, proposal.id, "reject", { reason: "Attendons les comptes certifiés." });
    }
    const { proposal } = await propose(f.journalist, { claimId: f.claims.chiffre.id, evidenceIds: f.evidence.chiffre });
    const accepted = await decide(f.editor2, proposal.id, "accept");
    expect(accepted.claim.verdict).toBe("verified");
  });

  it("lets the author of a claim propose verifying it: another person decides", async () => {
    const { proposal } = await propose(f.journalist, { claimId: f.claims.siege.id });
    const accepted = await decide(f.editor, proposal.id, "accept");
    expect(accepted.claim.verdict).toBe("verified");
  });
});

describe("proposals are refused, and nothing is written,", () => {
  it("for anonymous visitors, whatever the call", async () => {
    const { proposal } = await propose();
    const claimId = f.claims.siege.id;
    const version = await claimVersion(claimId);
    await expectRefusedWithoutWrites(() => proposeVerdict(f.anonymous, { claimId, version, verdict: "verified", rationale: "x", evidenceIds: [] }), { code: "UNAUTHENTICATED" });
    await expectRefusedWithoutWrites(() => decideProposal(f.anonymous, { proposalId: proposal.id, claimVersion: version, decision: "accept" }), { code: "UNAUTHENTICATED" });
    await expectRefusedWithoutWrites(() => withdrawProposal(f.anonymous, { proposalId: proposal.id }), { code: "UNAUTHENTICATED" });
    await expectRefusedWithoutWrites(() => getClaimVerdictHistory(f.anonymous, { claimId }), { code: "UNAUTHENTICATED" });
  });

  it("for a system actor proposing: a proposal is a person's", async () => {
    await expectRefusedWithoutWrites(() => propose(f.system as DeskFixture["journalist"]), { code: "FORBIDDEN" });
  });

  it("for journalists accepting or rejecting", async () => {
    const { proposal } = await propose(f.journalist2);
    await expectRefusedWithoutWrites(() => decide(f.journalist, proposal.id, "accept"), { code: "FORBIDDEN", message: expect.stringContaining("Only editors") });
    await expectRefusedWithoutWrites(() => decide(f.journalist, proposal.id, "reject", { reason: "Non." }), { code: "FORBIDDEN" });
  });

  it("for an editor deciding their own proposal", async () => {
    const { proposal } = await propose(f.editor);
    await expectRefusedWithoutWrites(() => decide(f.editor, proposal.id, "accept"), { code: "FORBIDDEN", details: { rule: "own-proposal" } });
  });

  it("for a rejection without a reason", async () => {
    const { proposal } = await propose();
    await expectRefusedWithoutWrites(() => decide(f.editor, proposal.id, "reject", { reason: "  " }), { code: "INVALID_INPUT", fieldErrors: { reason: ["The reason is required."] } });
  });

  it("for a proposal that is no longer pending", async () => {
    const { proposal } = await propose();
    await decide(f.editor, proposal.id, "reject", { reason: "Trop faible." });
    await expectRefusedWithoutWrites(() => decide(f.editor2, proposal.id, "accept"), { code: "CONFLICT", message: expect.stringContaining("no longer pending") });
    await expectRefusedWithoutWrites(() => withdrawProposal(f.journalist, { proposalId: proposal.id }), { code: "CONFLICT" });
  });

  it("for a proposal that does not exist", async () => {
    await expectRefusedWithoutWrites(() => decideProposal(f.editor, { proposalId: "nope", claimVersion: 1, decision: "accept" }), { code: "NOT_FOUND" });
    await expectRefusedWithoutWrites(() => withdrawProposal(f.journalist, { proposalId: "nope" }), { code: "NOT_FOUND" });
  });

  it("for a decision on a claim that changed since the editor looked", async () => {
    const { proposal } = await propose();
    const stale = await claimVersion(f.claims.siege.id);
    await db.claim.update({ where: { id: f.claims.siege.id }, data: { text: "Témoin a son siège à Nantes.", version: { increment: 1 } } });
    await expectRefusedWithoutWrites(() => decideProposal(f.editor, { proposalId: proposal.id, claimVersion: stale, decision: "accept" }), {
      code: "CONFLICT",
      details: { current: { text: "Témoin a son siège à Nantes." }, pendingProposal: { id: proposal.id } },
    });
  });

  it("for a second person's proposal while one is pending, naming it", async () => {
    const { proposal } = await propose(f.journalist);
    await expectRefusedWithoutWrites(() => propose(f.journalist2, { verdict: "false" }), {
      code: "CONFLICT",
      message: expect.stringContaining(f.journalist.name),
      details: { pendingProposal: { id: proposal.id } },
    });
  });

  it("for a proposal made on a stale view of the claim", async () => {
    const version = await claimVersion(f.claims.siege.id);
    await propose(f.journalist2);
    await expectRefusedWithoutWrites(() => propose(f.journalist, { version }), { code: "CONFLICT" });
  });

  it("for a verdict that needs evidence, proposed without any", async () => {
    await expectRefusedWithoutWrites(() => propose(f.journalist, { evidenceIds: [] }), { code: "RULE_VIOLATION", fieldErrors: { evidenceIds: [expect.any(String)] } });
  });

  it("for evidence of another claim, an unknown verdict or a missing rationale", async () => {
    await expectRefusedWithoutWrites(() => propose(f.journalist, { evidenceIds: f.evidence.produit }), { code: "INVALID_INPUT", fieldErrors: { evidenceIds: [expect.any(String)] } });
    await expectRefusedWithoutWrites(() => propose(f.journalist, { verdict: "probably" }), { code: "INVALID_INPUT", fieldErrors: { verdict: [expect.any(String)] } });
    await expectRefusedWithoutWrites(() => propose(f.journalist, { rationale: "" }), { code: "INVALID_INPUT", fieldErrors: { rationale: [expect.any(String)] } });
  });

  it("for someone other than the proposer withdrawing, editors included", async () => {
    const { proposal } = await propose();
    for (const actor of [f.journalist2, f.editor]) {
      await expectRefusedWithoutWrites(() => withdrawProposal(actor, { proposalId: proposal.id }), { code: "FORBIDDEN", details: { rule: "not-proposer" } });
    }
  });

  it("for accepting a proposal whose evidence has since been removed, when the verdict needs evidence", async () => {
    const { proposal } = await propose(f.journalist, { evidenceIds: [f.evidence.siege![1]!] });
    await db.evidence.delete({ where: { id: f.evidence.siege![1]! } });
    await expectRefusedWithoutWrites(() => decide(f.editor, proposal.id, "accept"), { code: "RULE_VIOLATION", details: { rules: ["evidence-required"] } });
  });
});

describe("the newsroom's verdict history", () => {
  it("shows a confidential source by its public description to journalists, by its title to editors", async () => {
    const claimId = f.claims.licenciements.id;
    const forJournalist = await getClaimVerdictHistory(f.journalist, { claimId });
    const forEditor = await getClaimVerdictHistory(f.editor, { claimId });
    expect(forJournalist.evidence[0]!.source).toMatchObject({ label: "Un salarié de l'entreprise", confidential: true });
    expect(forEditor.evidence[0]!.source).toMatchObject({ label: "Chef d'équipe à l'usine de Nantes", confidential: true });
    // The identity itself is never part of this view.
    expect(JSON.stringify(forEditor)).not.toContain("Paul Dupont");
    expect(JSON.stringify(forJournalist)).not.toContain("Chef d'équipe");
  });

  it("says whether a decision needs a correction note", async () => {
    expect((await getClaimVerdictHistory(f.editor, { claimId: f.claims.siege.id })).dossier.correctionNoteRequired).toBe(false);
    expect((await getClaimVerdictHistory(f.editor, { claimId: f.claims.creation.id })).dossier.correctionNoteRequired).toBe(true);
  });

  it("is not found for a claim that does not exist", async () => {
    await expect(getClaimVerdictHistory(f.editor, { claimId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
