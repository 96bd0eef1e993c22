import "server-only";
// Evidence links a claim to a source with the source's stance and the excerpt that matters.
// Both must belong to the same dossier: ids from a request never reach another dossier.
import { AppError } from "@/lib/domain/errors";
import type { CreateEvidenceInput } from "@/lib/schemas/claims";
import { actorId, requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { evidenceSelect, toEvidenceView, type EvidenceView } from "./evidence-view";
import { requireLinkTargets } from "./link-targets";

export async function createEvidence(actor: Actor, input: CreateEvidenceInput): Promise<{ evidence: EvidenceView; readerSlug: string | null }> {
  requirePermission(actor, "claim:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    await requireLinkTargets(tx, dossier.id, input.claimId, input.sourceId);
    const duplicate = await tx.evidence.findFirst({ where: { claimId: input.claimId, sourceId: input.sourceId, stance: input.stance }, select: { id: true } });
    if (duplicate) {
      throw new AppError("INVALID_INPUT", "This source is already linked to this claim with this stance.", {
        fieldErrors: { sourceId: ["Already linked with this stance: edit the existing evidence instead."] },
      });
    }
    const row = await tx.evidence.create({
      data: { claimId: input.claimId, sourceId: input.sourceId, stance: input.stance, excerpt: input.excerpt, note: input.note, createdById: actorId(actor) },
      select: evidenceSelect,
    });
    const evidence = toEvidenceView(actor, row);
    await recordAudit(tx, actor, { action: "evidence.create", entityType: "evidence", entityId: row.id, ...inDossier(dossier), after: evidence });
    return { evidence, readerSlug: readerSlugOf(dossier) };
  });
}
