import "server-only";
// A claim made from a passage of the article: the passage's TextQuote selector (plus offsets) is
// stored, and the claim starts unchecked.
import type { CreateClaimInput } from "@/lib/schemas/claims";
import { actorId, requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossierWithArticle, inDossier, readerSlugOf } from "../newsroom/scope";
import { claimSelect, toClaimView, type ClaimView } from "./claim-view";
import { anchoredColumns, locateSelection } from "./locate-selection";
import { renumberClaims } from "./reanchor";

export async function createClaim(actor: Actor, input: CreateClaimInput): Promise<{ claim: ClaimView; readerSlug: string | null }> {
  requirePermission(actor, "claim:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossierWithArticle(tx, input.dossierId);
    const anchor = await locateSelection(tx, dossier.id, dossier.body, input.selection);
    const created = await tx.claim.create({
      data: {
        dossierId: dossier.id,
        text: input.text,
        hedged: input.hedged,
        ...anchoredColumns(anchor),
        authorId: actorId(actor),
      },
      select: { id: true },
    });
    await renumberClaims(tx, dossier.id);
    const claim = toClaimView(await tx.claim.findUniqueOrThrow({ where: { id: created.id }, select: claimSelect }));
    await recordAudit(tx, actor, { action: "claim.create", entityType: "claim", entityId: claim.id, ...inDossier(dossier), after: claim });
    return { claim, readerSlug: readerSlugOf(dossier) };
  });
}
