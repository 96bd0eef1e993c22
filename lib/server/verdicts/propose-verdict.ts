import "server-only";
// A journalist (or editor) proposes a verdict, with a rationale and evidence; an editor will
// accept or reject it (decide-proposal.ts). One pending proposal per claim: the proposer's own new
// proposal replaces their pending one (a revision: the old one is withdrawn), while someone else's
// is refused until the pending one is decided or withdrawn, so no proposal silently buries another.
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { assertNoRefusal, checkProposal, pendingProposalRefusal, refusalError } from "@/lib/domain/verdict-rules";
import { verdictLabel } from "@/lib/domain/verdicts";
import type { ProposeVerdictInput } from "@/lib/schemas/verdicts";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion } from "../newsroom/scope";
import { deskClaimPath } from "@/lib/domain/desk-links";
import { notifyEditors } from "../notifications/notify";
import {
  claimExcerpt,
  claimVersionCheck,
  loadClaim,
  proposalSelect,
  resolveEvidenceIds,
  reviewStateAfter,
  toClaimState,
  toProposalView,
  updateClaimIfCurrent,
  type ClaimVerdictState,
  type ProposalView,
} from "./claim-decision";

export interface ProposeVerdictResult {
  proposal: ProposalView;
  /** The proposer's earlier pending proposal this one replaced (now "withdrawn"), if any. */
  replacedProposalId: string | null;
  claim: ClaimVerdictState;
}

export async function proposeVerdict(actor: Actor, data: ProposeVerdictInput): Promise<ProposeVerdictResult> {
  const user = requirePermission(actor, "verdict:propose", "person");
  const vocabulary = verdictVocabulary();

  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, data.claimId);
    const stale = claimVersionCheck(claim);
    await assertVersion(tx, stale.what, claim.version, data.version, stale.current, stale.options);
    const evidenceIds = await resolveEvidenceIds(tx, claim.id, data.evidenceIds);
    assertNoRefusal(checkProposal({ proposer: user, verdict: data.verdict, rationale: data.rationale, evidenceCount: evidenceIds.length }, vocabulary));

    const pending = claim.proposals[0] ?? null;
    const blocked = pendingProposalRefusal({
      proposer: user,
      pending: pending && { proposedById: pending.proposedById, proposerName: pending.proposedBy.name, verdictLabel: verdictLabel(pending.verdict, "en", vocabulary) },
    });
    if (blocked) throw refusalError([blocked], { pendingProposal: toProposalView(pending!) });
    const now = new Date();
    if (pending) {
      await tx.verdictProposal.update({
        where: { id: pending.id },
        data: { status: "withdrawn", decisionReason: "Replaced by a revised proposal.", decidedAt: now },
      });
    }
    const proposal = await tx.verdictProposal.create({
      data: { claimId: claim.id, verdict: data.verdict, rationale: data.rationale, evidenceIds: JSON.stringify(evidenceIds), proposedById: user.id, createdAt: now },
      select: proposalSelect,
    });
    const after = await updateClaimIfCurrent(tx, claim, { reviewState: reviewStateAfter(claim, "propose", claim.verdict !== null) });

    const view = toProposalView(proposal);
    // Editors decide proposals: tell them one is waiting (not for a revision: they were told).
    if (!pending) {
      await notifyEditors(tx, {
        except: user.id,
        kind: "proposal.new",
        message: `${user.name} proposes to mark “${claimExcerpt(claim.text)}” as ${verdictLabel(data.verdict, "en", vocabulary)} (${claim.dossier.title}). An editor accepts or rejects it.`,
        link: deskClaimPath(claim.id),
      });
    }
    await recordAudit(tx, user, {
      action: "verdict.propose",
      entityType: "verdictProposal",
      entityId: proposal.id,
      dossierId: claim.dossierId,
      dossierSlug: claim.dossier.slug,
      before: { claim: toClaimState(claim), pendingProposal: pending ? toProposalView(pending) : null },
      after: { proposal: view, replacedProposalId: pending?.id ?? null, claim: after },
    });
    return { proposal: view, replacedProposalId: pending?.id ?? null, claim: after };
  });
}
