import "server-only";
// What stands between a dossier and publication: the claims not yet checked or with a pending
// proposal (the publish gate), for the newsroom to review before publishing.
import type { PublishReadinessInput } from "@/lib/schemas/publishing";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { gateOf, loadDossier, toPublishingDossier, type BlockingClaim, type PublishingDossier } from "./publish-gate";

export interface PublishReadiness {
  dossier: PublishingDossier;
  /** No claim blocks publication. */
  ready: boolean;
  totalClaims: number;
  /** In article order; pass their ids as acknowledgedClaimIds to override. */
  blockingClaims: BlockingClaim[];
}

export async function getPublishReadiness(actor: Actor, data: PublishReadinessInput): Promise<PublishReadiness> {
  requirePermission(actor, "newsroom:access", "person");
  return db.$transaction(async (tx) => {
    const dossier = await loadDossier(tx, data.dossierId);
    const gate = await gateOf(tx, dossier.id);
    return { dossier: toPublishingDossier(dossier), ready: gate.ready, totalClaims: gate.totalClaims, blockingClaims: gate.blocking };
  });
}
