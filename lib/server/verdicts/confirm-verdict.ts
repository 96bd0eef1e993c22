import "server-only";
// An editor re-checks a claim whose words, passage or cited evidence changed since its verdict:
// the verdict stays, with its rationale kept or amended and the evidence it rests on chosen again.
// The re-check is a line of the verdict history (kind "recheck") recording what it checked, so the
// claim no longer needs one and stops blocking the publish gate. Same rules as setting the verdict
// (lib/domain/verdict-rules.ts checkRecheckConfirmation); to change the verdict, set another.
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { assertNoRefusal, checkRecheckConfirmation, correctionNoteRequired } from "@/lib/domain/verdict-rules";
import type { ConfirmVerdictInput } from "@/lib/schemas/verdicts";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { recheckOf, recheckSelect } from "../claims/recheck";
import { db } from "../db";
import { assertVersion } from "../newsroom/scope";
import { claimVersionCheck, loadClaim, resolveEvidenceIds, toClaimState, toDossierLink, writeVerdict, type ClaimVerdictState, type DossierLink, type VerdictChangeView } from "./claim-decision";

export interface ConfirmVerdictResult {
  claim: ClaimVerdictState;
  /** The re-check line appended to the verdict history. */
  change: VerdictChangeView;
  dossier: DossierLink;
  /** A re-check changes the working copy only: readers see it once an editor publishes the update. */
  readerSlug: null;
}

export async function confirmVerdict(actor: Actor, input: ConfirmVerdictInput): Promise<ConfirmVerdictResult> {
  const user = requirePermission(actor, "verdict:set", "person");
  const vocabulary = verdictVocabulary();

  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, input.claimId);
    const stale = claimVersionCheck(claim);
    await assertVersion(tx, stale.what, claim.version, input.version, stale.current, stale.options);
    const state = await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: recheckSelect });
    const changes = recheckOf(state);
    const evidenceIds = await resolveEvidenceIds(tx, claim.id, input.evidenceIds);
    assertNoRefusal(
      checkRecheckConfirmation(
        {
          decider: user,
          needsRecheck: changes.length > 0,
          verdict: claim.verdict,
          rationale: input.rationale,
          previousRationale: claim.verdictRationale,
          evidenceCount: evidenceIds.length,
          claim: { authorId: claim.authorId },
          dossier: claim.dossier,
          correctionNote: input.correctionNote,
        },
        vocabulary,
      ),
      { recheck: changes },
    );
    const amended = (claim.verdictRationale ?? "").trim() !== input.rationale.trim();
    const { claim: after, change } = await writeVerdict(tx, user, claim, {
      verdict: claim.verdict!,
      rationale: input.rationale,
      evidenceIds,
      // A note only where readers were told something that is now amended.
      correctionNote: amended && correctionNoteRequired(claim.dossier) ? input.correctionNote : null,
      proposalId: null,
      event: "recheck",
    });
    await recordAudit(tx, user, {
      action: "verdict.recheck",
      entityType: "claim",
      entityId: claim.id,
      dossierId: claim.dossierId,
      dossierSlug: claim.dossier.slug,
      before: { ...toClaimState(claim), recheck: changes },
      after: { ...after, change },
    });
    return { claim: after, change, dossier: toDossierLink(claim.dossier), readerSlug: null };
  });
}
