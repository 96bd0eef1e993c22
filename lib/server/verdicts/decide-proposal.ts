import "server-only";
// An editor accepts or rejects a pending proposal. Accepting IS setting the verdict: the same
// rules (evidence, four eyes — the claim's author cannot accept "verified" on their own claim —,
// correction note once published) and the same write as set-verdict.ts, with the proposal's
// verdict, rationale and evidence. Rejecting needs a reason. Either way the proposer is notified
// with the editor's reason and a link to the claim.
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { AppError } from "@/lib/domain/errors";
import { deskClaimPath } from "@/lib/domain/desk-links";
import { assertNoRefusal, checkProposalDecision, checkVerdictDecision, correctionNoteRequired } from "@/lib/domain/verdict-rules";
import { verdictLabel } from "@/lib/domain/verdicts";
import type { DecideProposalInput } from "@/lib/schemas/verdicts";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion, readerSlugOf } from "../newsroom/scope";
import { createNotification } from "../notifications/notify";
import {
  claimExcerpt,
  claimVersionCheck,
  loadClaim,
  parseIds,
  proposalSelect,
  reviewStateAfter,
  toClaimState,
  toDossierLink,
  toProposalView,
  updateClaimIfCurrent,
  writeVerdict,
  type ClaimVerdictState,
  type DossierLink,
  type ProposalView,
  type VerdictChangeView,
} from "./claim-decision";

export type DecideProposalResult =
  | {
      decision: "accept";
      proposal: ProposalView;
      claim: ClaimVerdictState;
      /** The entry appended to the claim's verdict history (its proposalId is this proposal). */
      change: VerdictChangeView;
      /** Evidence ids of the proposal no longer attached to the claim, left out of the change. */
      droppedEvidenceIds: string[];
      notificationId: string;
      dossier: DossierLink;
      /** Pass to revalidateReaderPages() after success; null when readers cannot see the dossier. */
      readerSlug: string | null;
    }
  | {
      decision: "reject";
      proposal: ProposalView;
      claim: ClaimVerdictState;
      notificationId: string;
      dossier: DossierLink;
      /** Always null: a rejection changes nothing readers see. */
      readerSlug: null;
    };

export async function decideProposal(actor: Actor, data: DecideProposalInput): Promise<DecideProposalResult> {
  const user = requirePermission(actor, "verdict:set", "person");
  const vocabulary = verdictVocabulary();

  return db.$transaction(async (tx) => {
    const found = await tx.verdictProposal.findUnique({ where: { id: data.proposalId }, select: proposalSelect });
    if (!found) throw new AppError("NOT_FOUND", "This proposal does not exist.");
    assertNoRefusal(checkProposalDecision({ decider: user, proposal: found, decision: data.decision, reason: data.reason }), { proposal: toProposalView(found) });
    const claim = await loadClaim(tx, found.claimId);
    const stale = claimVersionCheck(claim);
    await assertVersion(tx, stale.what, claim.version, data.claimVersion, stale.current, stale.options);
    const label = verdictLabel(found.verdict, "en", vocabulary);
    const excerpt = claimExcerpt(claim.text);
    const link = deskClaimPath(claim.id);

    if (data.decision === "reject") {
      const after = await updateClaimIfCurrent(tx, claim, { reviewState: reviewStateAfter(claim, "reject", claim.verdict !== null) });
      const proposal = await tx.verdictProposal.update({
        where: { id: found.id },
        data: { status: "rejected", decidedById: user.id, decisionReason: data.reason, decidedAt: new Date() },
        select: proposalSelect,
      });
      const notificationId = await createNotification(tx, {
        userId: found.proposedById,
        kind: "proposal.rejected",
        message: `${user.name} rejected your proposal to mark “${excerpt}” as ${label}. Reason: ${data.reason}`,
        link,
      });
      const view = toProposalView(proposal);
      await recordAudit(tx, user, {
        action: "verdict.proposal.reject",
        entityType: "verdictProposal",
        entityId: found.id,
        dossierId: claim.dossierId,
        dossierSlug: claim.dossier.slug,
        before: { proposal: toProposalView(found), claim: toClaimState(claim) },
        after: { proposal: view, claim: after },
      });
      return { decision: "reject", proposal: view, claim: after, notificationId, dossier: toDossierLink(claim.dossier), readerSlug: null };
    }

    // Evidence removed since the proposal was made cannot support the verdict any more.
    const offered = parseIds(found.evidenceIds);
    const attached = new Set(
      (await tx.evidence.findMany({ where: { id: { in: offered }, claimId: claim.id }, select: { id: true } })).map((e) => e.id),
    );
    const evidenceIds = offered.filter((id) => attached.has(id));
    assertNoRefusal(
      checkVerdictDecision(
        {
          decider: user,
          via: "proposal",
          verdict: found.verdict,
          rationale: found.rationale,
          evidenceCount: evidenceIds.length,
          claim: { authorId: claim.authorId },
          dossier: claim.dossier,
          correctionNote: data.correctionNote,
        },
        vocabulary,
      ),
      { proposal: toProposalView(found) },
    );
    const { claim: after, change } = await writeVerdict(tx, user, claim, {
      verdict: found.verdict,
      rationale: found.rationale,
      evidenceIds,
      correctionNote: correctionNoteRequired(claim.dossier) ? (data.correctionNote ?? null) : null,
      proposalId: found.id,
      event: "accept",
    });
    const proposal = await tx.verdictProposal.update({
      where: { id: found.id },
      data: { status: "accepted", decidedById: user.id, decisionReason: data.reason ?? null, decidedAt: new Date(change.createdAt) },
      select: proposalSelect,
    });
    const notificationId = await createNotification(tx, {
      userId: found.proposedById,
      kind: "proposal.accepted",
      message: `${user.name} accepted your proposal to mark “${excerpt}” as ${label}.${data.reason ? ` Reason: ${data.reason}` : ""}`,
      link,
    });
    const view = toProposalView(proposal);
    const droppedEvidenceIds = offered.filter((id) => !attached.has(id));
    await recordAudit(tx, user, {
      action: "verdict.proposal.accept",
      entityType: "verdictProposal",
      entityId: found.id,
      dossierId: claim.dossierId,
      dossierSlug: claim.dossier.slug,
      before: { proposal: toProposalView(found), claim: toClaimState(claim) },
      after: { proposal: view, claim: after, change, droppedEvidenceIds },
    });
    return {
      decision: "accept",
      proposal: view,
      claim: after,
      change,
      droppedEvidenceIds,
      notificationId,
      dossier: toDossierLink(claim.dossier),
      readerSlug: readerSlugOf(claim.dossier),
    };
  });
}
