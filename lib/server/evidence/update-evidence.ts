import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { UpdateEvidenceInput } from "@/lib/schemas/claims";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion, findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { evidenceSelect, toEvidenceView, type EvidenceView } from "./evidence-view";
import { requireLinkTargets } from "./link-targets";
import { watchRechecks } from "../claims/recheck";

export async function updateEvidence(actor: Actor, input: UpdateEvidenceInput): Promise<{ evidence: EvidenceView; readerSlug: string | null }> {
  requirePermission(actor, "claim:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.evidence.findFirst({ where: { id: input.evidenceId, claim: { dossierId: dossier.id } }, select: evidenceSelect });
    if (!before) throw new AppError("NOT_FOUND", "This evidence does not exist (it may have been deleted).");
    await assertVersion(tx, { label: "evidence", entityType: "evidence", entityId: before.id }, before.version, input.version, () => toEvidenceView(actor, before));
    await requireLinkTargets(tx, dossier.id, before.claimId, input.sourceId);
    const notifyRechecks = await watchRechecks(tx, dossier.id);
    const after = await tx.evidence.update({
      where: { id: before.id, version: input.version },
      data: { sourceId: input.sourceId, stance: input.stance, excerpt: input.excerpt, note: input.note, version: { increment: 1 } },
      select: evidenceSelect,
    });
    const evidence = toEvidenceView(actor, after);
    await recordAudit(tx, actor, { action: "evidence.update", entityType: "evidence", entityId: after.id, ...inDossier(dossier), before: toEvidenceView(actor, before), after: evidence });
    await notifyRechecks(actor);
    return { evidence, readerSlug: readerSlugOf(dossier) };
  });
}
