import "server-only";
// An editor sets a claim's verdict with a written rationale and the evidence it rests on.
// Rules (lib/domain/verdict-rules.ts): editors only; evidence for verdicts that need it; four
// eyes; a correction note once the dossier has been published; the claim version the editor saw.
// A pending proposal on the claim is closed as "superseded" (neither accepted nor rejected on its
// merits) and its author is told, with the editor's rationale.
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { deskClaimPath } from "@/lib/domain/desk-links";
import { assertNoRefusal, checkVerdictDecision, correctionNoteRequired } from "@/lib/domain/verdict-rules";
import { verdictLabel } from "@/lib/domain/verdicts";
import type { SetVerdictInput } from "@/lib/schemas/verdicts";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion, readerSlugOf } from "../newsroom/scope";
import { createNotification } from "../notifications/notify";
import {
  claimExcerpt,
  claimVersionCheck,
  loadClaim,
  resolveEvidenceIds,
  toClaimState,
  toDossierLink,
  writeVerdict,
  type ClaimVerdictState,
  type DossierLink,
  type VerdictChangeView,
} from "./claim-decision";

export interface SetVerdictResult {
  claim: ClaimVerdictState;
  /** The entry appended to the claim's verdict history. */
  change: VerdictChangeView;
  /** The pending proposal this decision closed as "superseded", if there was one. */
  supersededProposalId: string | null;
  dossier: DossierLink;
  /** Pass to revalidateReaderPages() after success; null when readers cannot see the dossier. */
  readerSlug: string | null;
}

export async function setVerdict(actor: Actor, data: SetVerdictInput): Promise<SetVerdictResult> {
  const user = requirePermission(actor, "verdict:set", "person");
  const vocabulary = verdictVocabulary();

  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, data.claimId);
    const stale = claimVersionCheck(claim);
    await assertVersion(tx, stale.what, claim.version, data.version, stale.current, stale.options);
    const evidenceIds = await resolveEvidenceIds(tx, claim.id, data.evidenceIds);
    assertNoRefusal(
      checkVerdictDecision(
        {
          decider: user,
          via: "direct",
          verdict: data.verdict,
          rationale: data.rationale,
          evidenceCount: evidenceIds.length,
          claim: { authorId: claim.authorId },
          dossier: claim.dossier,
          correctionNote: data.correctionNote,
        },
        vocabulary,
      ),
    );

    const needsNote = correctionNoteRequired(claim.dossier);
    const { claim: after, change } = await writeVerdict(tx, user, claim, {
      verdict: data.verdict,
      rationale: data.rationale,
      evidenceIds,
      // A note on a never-published dossier would be a "correction" of nothing readers saw.
      correctionNote: needsNote ? (data.correctionNote ?? null) : null,
      proposalId: null,
      event: "set",
    });

    const pending = claim.proposals[0] ?? null;
    if (pending) {
      await tx.verdictProposal.update({
        where: { id: pending.id },
        data: { status: "superseded", decidedById: user.id, decisionReason: data.rationale, decidedAt: new Date(change.createdAt) },
      });
      if (pending.proposedById !== user.id) {
        await createNotification(tx, {
          userId: pending.proposedById,
          kind: "proposal.superseded",
          message: `${user.name} set the verdict of “${claimExcerpt(claim.text)}” to ${verdictLabel(data.verdict, "en", vocabulary)} directly, which closed your proposal (${verdictLabel(pending.verdict, "en", vocabulary)}). Rationale: ${data.rationale}`,
          link: deskClaimPath(claim.id),
        });
      }
    }

    await recordAudit(tx, user, {
      action: "verdict.set",
      entityType: "claim",
      entityId: claim.id,
      dossierId: claim.dossierId,
      dossierSlug: claim.dossier.slug,
      before: toClaimState(claim),
      after: { ...after, change, supersededProposalId: pending?.id ?? null },
    });

    return { claim: after, change, supersededProposalId: pending?.id ?? null, dossier: toDossierLink(claim.dossier), readerSlug: readerSlugOf(claim.dossier) };
  });
}
