import "server-only";
// What stands between a dossier and publication: the claims not yet checked or with a pending
// proposal (the publish gate), for the newsroom to review before publishing, and what an empty
// dossier lacks (no article text, no claim): it is not ready either.
import { missingContent, type MissingContent } from "@/lib/domain/verdict-rules";
import type { PublishReadinessInput } from "@/lib/schemas/publishing";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { gateOf, loadDossier, toPublishingDossier, type BlockingClaim, type PublishingDossier } from "./publish-gate";

export interface PublishReadiness {
  dossier: PublishingDossier;
  /** No claim blocks publication and nothing is missing. */
  ready: boolean;
  /** What an empty dossier lacks: article text, claims (docs/decisions/111). */
  missing: MissingContent[];
  totalClaims: number;
  /** In article order; pass their ids as acknowledgedClaimIds to override. */
  blockingClaims: BlockingClaim[];
}

export async function getPublishReadiness(actor: Actor, data: PublishReadinessInput): Promise<PublishReadiness> {
  requirePermission(actor, "newsroom:access", "person");
  return db.$transaction(async (tx) => {
    const dossier = await loadDossier(tx, data.dossierId);
    const gate = await gateOf(tx, dossier.id);
    const { body } = await tx.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { body: true } });
    const missing = missingContent({ body, claimCount: gate.totalClaims });
    return { dossier: toPublishingDossier(dossier), ready: gate.ready && missing.length === 0, missing, totalClaims: gate.totalClaims, blockingClaims: gate.blocking };
  });
}
