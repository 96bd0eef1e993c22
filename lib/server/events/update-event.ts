import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { UpdateEventInput } from "@/lib/schemas/records";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion, findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { eventSelect, toEventView, type EventView } from "./event-view";
import { eventBounds, replaceEventLinks } from "./event-links";

export async function updateEvent(actor: Actor, input: UpdateEventInput): Promise<{ event: EventView; readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.timelineEvent.findFirst({ where: { id: input.eventId, dossierId: dossier.id }, select: eventSelect });
    if (!before) throw new AppError("NOT_FOUND", "This event does not exist (it may have been deleted).");
    await assertVersion(tx, { label: "event", entityType: "event", entityId: before.id }, before.version, input.version, () => toEventView(before));
    await tx.timelineEvent.update({
      where: { id: before.id, version: input.version },
      data: { title: input.title, description: input.description, date: input.date, certainty: input.certainty, ...eventBounds(input.date), version: { increment: 1 } },
    });
    await replaceEventLinks(tx, dossier.id, before.id, input);
    const event = toEventView(await tx.timelineEvent.findUniqueOrThrow({ where: { id: before.id }, select: eventSelect }));
    await recordAudit(tx, actor, { action: "event.update", entityType: "event", entityId: event.id, ...inDossier(dossier), before: toEventView(before), after: event });
    return { event, readerSlug: readerSlugOf(dossier) };
  });
}
