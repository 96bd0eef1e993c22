import "server-only";
// Re-attaches a claim (typically an orphaned one) to a newly selected passage of the article.
import { AppError } from "@/lib/domain/errors";
import type { ReattachClaimInput } from "@/lib/schemas/claims";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion, findDossierWithArticle, inDossier, readerSlugOf } from "../newsroom/scope";
import { claimSelect, toClaimView, type ClaimView } from "./claim-view";
import { anchoredColumns, locateSelection } from "./locate-selection";
import { renumberClaims } from "./reanchor";
import { watchRechecks } from "./recheck";

export async function reattachClaim(actor: Actor, input: ReattachClaimInput): Promise<{ claim: ClaimView; readerSlug: string | null }> {
  requirePermission(actor, "claim:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossierWithArticle(tx, input.dossierId);
    const before = await tx.claim.findFirst({ where: { id: input.claimId, dossierId: dossier.id }, select: claimSelect });
    if (!before) throw new AppError("NOT_FOUND", "This claim does not exist (it may have been deleted).");
    await assertVersion(tx, { label: "claim", entityType: "claim", entityId: before.id }, before.version, input.version, () => toClaimView(before));
    const anchor = await locateSelection(tx, dossier.id, dossier.body, input.selection, before.id);
    const notifyRechecks = await watchRechecks(tx, dossier.id);
    await tx.claim.update({
      where: { id: before.id, version: input.version },
      data: {
        ...anchoredColumns(anchor),
        // A verdict was given on the passage it had: the new one must be re-checked.
        anchorRevision: { increment: 1 },
        version: { increment: 1 },
      },
    });
    await renumberClaims(tx, dossier.id);
    const claim = toClaimView(await tx.claim.findUniqueOrThrow({ where: { id: before.id }, select: claimSelect }));
    await recordAudit(tx, actor, { action: "claim.reattach", entityType: "claim", entityId: claim.id, ...inDossier(dossier), before: toClaimView(before), after: claim });
    await notifyRechecks(actor);
    return { claim, readerSlug: readerSlugOf(dossier) };
  });
}
