import "server-only";
// The claim's wording and whether the article hedges it ("reportedly", "according to…").
// Its verdict is not edited here (the fact-check desk sets it).
import { AppError } from "@/lib/domain/errors";
import type { UpdateClaimInput } from "@/lib/schemas/claims";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion, findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { claimSelect, toClaimView, type ClaimView } from "./claim-view";
import { watchRechecks } from "./recheck";

export async function updateClaim(actor: Actor, input: UpdateClaimInput): Promise<{ claim: ClaimView; readerSlug: string | null }> {
  requirePermission(actor, "claim:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.claim.findFirst({ where: { id: input.claimId, dossierId: dossier.id }, select: claimSelect });
    if (!before) throw new AppError("NOT_FOUND", "This claim does not exist (it may have been deleted).");
    await assertVersion(tx, { label: "claim", entityType: "claim", entityId: before.id }, before.version, input.version, () => toClaimView(before));
    const notifyRechecks = await watchRechecks(tx, dossier.id);
    const after = await tx.claim.update({
      where: { id: before.id, version: input.version },
      data: { text: input.text, hedged: input.hedged, version: { increment: 1 } },
      select: claimSelect,
    });
    const claim = toClaimView(after);
    await recordAudit(tx, actor, { action: "claim.update", entityType: "claim", entityId: claim.id, ...inDossier(dossier), before: toClaimView(before), after: claim });
    await notifyRechecks(actor);
    return { claim, readerSlug: readerSlugOf(dossier) };
  });
}
