import "server-only";
// The proposer takes back their pending proposal; the claim returns to where it was (reviewed if
// it has a verdict, unreviewed if not). Editors reject instead: only the proposer withdraws.
import { AppError } from "@/lib/domain/errors";
import { assertNoRefusal, checkWithdrawal } from "@/lib/domain/verdict-rules";
import type { WithdrawProposalInput } from "@/lib/schemas/verdicts";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { loadClaim, proposalSelect, reviewStateAfter, toClaimState, toProposalView, updateClaimIfCurrent, type ClaimVerdictState, type ProposalView } from "./claim-decision";

export interface WithdrawProposalResult {
  proposal: ProposalView;
  claim: ClaimVerdictState;
}

export async function withdrawProposal(actor: Actor, data: WithdrawProposalInput): Promise<WithdrawProposalResult> {
  const user = requirePermission(actor, "verdict:propose", "person");

  return db.$transaction(async (tx) => {
    const found = await tx.verdictProposal.findUnique({ where: { id: data.proposalId }, select: proposalSelect });
    if (!found) throw new AppError("NOT_FOUND", "This proposal does not exist.");
    assertNoRefusal(checkWithdrawal({ person: user, proposal: found }), { proposal: toProposalView(found) });
    const claim = await loadClaim(tx, found.claimId);
    const after = await updateClaimIfCurrent(tx, claim, { reviewState: reviewStateAfter(claim, "withdraw", claim.verdict !== null) });
    const proposal = await tx.verdictProposal.update({
      where: { id: found.id },
      data: { status: "withdrawn", decidedAt: new Date() },
      select: proposalSelect,
    });
    const view = toProposalView(proposal);
    await recordAudit(tx, user, {
      action: "verdict.proposal.withdraw",
      entityType: "verdictProposal",
      entityId: found.id,
      dossierId: claim.dossierId,
      dossierSlug: claim.dossier.slug,
      before: { proposal: toProposalView(found), claim: toClaimState(claim) },
      after: { proposal: view, claim: after },
    });
    return { proposal: view, claim: after };
  });
}
