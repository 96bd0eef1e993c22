import "server-only";
// Deleting a whole draft dossier (editors and admins). A published dossier is never deleted from
// under its readers: it must be unpublished first. The audit trail survives the dossier
// (AuditLog.dossierId is set null; dossierSlug still names it).
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";

export async function deleteDossier(actor: Actor, input: { dossierId: string }): Promise<{ deleted: string; readerSlug: null }> {
  requirePermission(actor, "dossier:delete");
  return db.$transaction(async (tx) => {
    const dossier = await tx.dossier.findUnique({
      where: { id: input.dossierId },
      select: { id: true, slug: true, title: true, status: true, version: true, _count: { select: { claims: true, sources: true, revisions: true } } },
    });
    if (!dossier) throw new AppError("NOT_FOUND", "This dossier does not exist (it may have been deleted).");
    if (dossier.status === "published") {
      throw new AppError("RULE_VIOLATION", "This dossier is published: unpublish it before deleting it, so readers are not left with a broken link.");
    }
    const { _count, ...kept } = dossier;
    // Record first: the entry keeps the slug once the dossier row (and its id) is gone.
    await recordAudit(tx, actor, { action: "dossier.delete", entityType: "dossier", entityId: dossier.id, dossierId: dossier.id, dossierSlug: dossier.slug, before: { ...kept, counts: _count } });
    // Evidence must go before sources (a cited source cannot be deleted on its own).
    await tx.evidence.deleteMany({ where: { claim: { dossierId: dossier.id } } });
    await tx.dossier.delete({ where: { id: dossier.id } });
    return { deleted: dossier.slug, readerSlug: null };
  });
}
