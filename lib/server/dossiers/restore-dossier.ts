import "server-only";
// An admin brings an archived dossier back into the newsroom, exactly as it was archived: a
// draft (it was unpublished before being archived), with every record and its whole history.
// Publishing it again is the desk's decision, through the publish gate.
import { AppError } from "@/lib/domain/errors";
import type { RestoreDossierInput } from "@/lib/schemas/dossier";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";

export async function restoreDossier(actor: Actor, input: RestoreDossierInput): Promise<{ slug: string; title: string; readerSlug: null }> {
  requirePermission(actor, "dossier:restore");
  return db.$transaction(async (tx) => {
    const dossier = await tx.dossier.findUnique({ where: { id: input.dossierId }, select: { id: true, slug: true, title: true, archivedAt: true, archivedById: true, archiveReason: true } });
    if (!dossier) throw new AppError("NOT_FOUND", "This dossier does not exist.");
    if (!dossier.archivedAt) throw new AppError("RULE_VIOLATION", `“${dossier.title}” is not archived: it is already in the newsroom.`);
    await tx.dossier.update({ where: { id: dossier.id }, data: { archivedAt: null, archivedById: null, archiveReason: null } });
    await recordAudit(tx, actor, {
      action: "dossier.restore",
      entityType: "dossier",
      entityId: dossier.id,
      dossierId: dossier.id,
      dossierSlug: dossier.slug,
      before: { archivedAt: dossier.archivedAt.toISOString(), archivedById: dossier.archivedById, reason: dossier.archiveReason },
      after: { archived: false },
    });
    return { slug: dossier.slug, title: dossier.title, readerSlug: null };
  });
}
