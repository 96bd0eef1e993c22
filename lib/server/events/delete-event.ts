import "server-only";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { eventSelect, toEventView } from "./event-view";

export async function deleteEvent(actor: Actor, input: { dossierId: string; eventId: string }): Promise<{ deleted: string; readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.timelineEvent.findFirst({ where: { id: input.eventId, dossierId: dossier.id }, select: eventSelect });
    if (!before) throw new AppError("NOT_FOUND", "This event does not exist (it may have been deleted).");
    await tx.timelineEvent.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, { action: "event.delete", entityType: "event", entityId: before.id, ...inDossier(dossier), before: toEventView(before) });
    return { deleted: before.id, readerSlug: readerSlugOf(dossier) };
  });
}
