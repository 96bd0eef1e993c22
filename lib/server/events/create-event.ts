import "server-only";
// A timeline event with an uncertain date kept in its real precision (EDTF), sorted by the
// earliest and latest instants it may mean.
import type { CreateEventInput } from "@/lib/schemas/records";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { eventSelect, toEventView, type EventView } from "./event-view";
import { eventBounds, replaceEventLinks } from "./event-links";

export async function createEvent(actor: Actor, input: CreateEventInput): Promise<{ event: EventView; readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const row = await tx.timelineEvent.create({
      data: { dossierId: dossier.id, title: input.title, description: input.description, date: input.date, certainty: input.certainty, ...eventBounds(input.date) },
      select: { id: true },
    });
    await replaceEventLinks(tx, dossier.id, row.id, input);
    const event = toEventView(await tx.timelineEvent.findUniqueOrThrow({ where: { id: row.id }, select: eventSelect }));
    await recordAudit(tx, actor, { action: "event.create", entityType: "event", entityId: row.id, ...inDossier(dossier), after: event });
    return { event, readerSlug: readerSlugOf(dossier) };
  });
}
