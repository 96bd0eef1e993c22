import "server-only";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { evidenceSelect, toEvidenceView } from "./evidence-view";
import { parseIds } from "../verdicts/claim-decision";

export async function deleteEvidence(actor: Actor, input: { dossierId: string; evidenceId: string }): Promise<{ deleted: string; readerSlug: string | null }> {
  requirePermission(actor, "claim:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.evidence.findFirst({ where: { id: input.evidenceId, claim: { dossierId: dossier.id } }, select: evidenceSelect });
    if (!before) throw new AppError("NOT_FOUND", "This evidence does not exist (it may have been deleted).");
    // A verdict's reasoning cites evidence by id: that evidence is part of the fact-check record.
    const citing = await tx.verdictChange.findMany({ where: { claimId: before.claimId }, select: { evidenceIds: true } });
    const pending = await tx.verdictProposal.findMany({ where: { claimId: before.claimId, status: "pending" }, select: { evidenceIds: true } });
    if ([...citing, ...pending].some((v) => parseIds(v.evidenceIds).includes(before.id))) {
      throw new AppError("RULE_VIOLATION", "A verdict on this claim cites this evidence, so it must be kept. Edit its excerpt or note instead.");
    }
    await tx.evidence.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, { action: "evidence.delete", entityType: "evidence", entityId: before.id, ...inDossier(dossier), before: toEvidenceView(actor, before) });
    return { deleted: before.id, readerSlug: readerSlugOf(dossier) };
  });
}
