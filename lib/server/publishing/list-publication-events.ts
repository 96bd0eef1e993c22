import "server-only";
// A dossier's publication record: every publication and unpublication, who did it and when, and
// for a publication that overrode the publish gate, the editor's written reason and the claims
// that were blocking (docs/fact-checking.md). Newest first.
import type { PublishReadinessInput } from "@/lib/schemas/publishing";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { parseIds, type PersonRef } from "../verdicts/claim-decision";
import { loadDossier } from "./publish-gate";

export interface PublicationEventView {
  id: string;
  /** publish | unpublish | request-update */
  action: string;
  /** The published version a publication created. */
  versionNumber: number | null;
  /** A publication's note for readers; a request's message. */
  message: string | null;
  actor: PersonRef | null;
  createdAt: string;
  /** Set when an editor published despite blocking claims. */
  overrideReason: string | null;
  /** The claims that were blocking when the override was given, with their text today. */
  blockingClaims: { id: string; text: string }[];
}

export async function listPublicationEvents(actor: Actor, data: PublishReadinessInput): Promise<PublicationEventView[]> {
  requirePermission(actor, "newsroom:access", "person");
  return db.$transaction(async (tx) => {
    const dossier = await loadDossier(tx, data.dossierId);
    const events = await tx.publicationEvent.findMany({
      where: { dossierId: dossier.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, action: true, versionNumber: true, message: true, overrideReason: true, blockingClaimIds: true, createdAt: true, actor: { select: { id: true, name: true } } },
    });
    const ids = [...new Set(events.flatMap((e) => parseIds(e.blockingClaimIds)))];
    // Scoped to the dossier: the ids come from our own records, but a claim may since be deleted.
    const claims = ids.length ? await tx.claim.findMany({ where: { id: { in: ids }, dossierId: dossier.id }, select: { id: true, text: true } }) : [];
    const textOf = new Map(claims.map((c) => [c.id, c.text]));
    return events.map((e) => ({
      id: e.id,
      action: e.action,
      versionNumber: e.versionNumber,
      message: e.message,
      actor: e.actor,
      createdAt: e.createdAt.toISOString(),
      overrideReason: e.overrideReason,
      blockingClaims: parseIds(e.blockingClaimIds).map((id) => ({ id, text: textOf.get(id) ?? "(a claim since deleted)" })),
    }));
  });
}
