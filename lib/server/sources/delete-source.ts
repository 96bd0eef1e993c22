import "server-only";
// A source that evidence cites cannot be deleted on its own (the claim would lose its support
// silently); quotes keep their text and lose the link; timeline events lose the link.
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { sourceAuditSnapshot, sourceSelect, stripCounts } from "./confidentiality";

export async function deleteSource(actor: Actor, input: { dossierId: string; sourceId: string }): Promise<{ deleted: string; readerSlug: string | null }> {
  requirePermission(actor, "source:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.source.findFirst({ where: { id: input.sourceId, dossierId: dossier.id }, select: { ...sourceSelect, identity: true, notes: true } });
    if (!before) throw new AppError("NOT_FOUND", "This source does not exist (it may have been deleted).");
    const cited = before._count.evidence;
    if (cited > 0) {
      throw new AppError("RULE_VIOLATION", `This source is cited as evidence ${cited === 1 ? "once" : `${cited} times`}. Remove that evidence from its claims first.`);
    }
    // Captures and documents are the record of what the newsroom saw: never dropped with a source.
    const [captures, documents] = await Promise.all([tx.capture.count({ where: { sourceId: before.id } }), tx.document.count({ where: { sourceId: before.id } })]);
    if (captures + documents > 0) {
      throw new AppError("RULE_VIOLATION", "This source has archived captures or uploaded documents, which are kept as the record of what the newsroom saw: it cannot be deleted.");
    }
    await tx.source.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, { action: "source.delete", entityType: "source", entityId: before.id, ...inDossier(dossier), before: sourceAuditSnapshot(stripCounts(before)) });
    return { deleted: before.id, readerSlug: readerSlugOf(dossier) };
  });
}
