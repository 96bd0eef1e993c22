import "server-only";
// "Also editing": each open dossier page sends a heartbeat; whoever sent one recently is shown to
// the others. Presence is not a change to the dossier (not audited).
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { archivedError } from "../newsroom/scope";

/** A heartbeat every 20 s; someone silent for longer than this has left. */
export const PRESENCE_TTL_MS = 60_000;

export interface PresenceView {
  others: { userId: string; name: string; since: string }[];
}

export async function updatePresence(actor: Actor, input: { dossierId: string }): Promise<PresenceView> {
  requirePermission(actor, "newsroom:access");
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in person can be shown as editing.");
  const dossier = await db.dossier.findUnique({ where: { id: input.dossierId }, select: { id: true, slug: true, archivedAt: true } });
  if (!dossier) throw new AppError("NOT_FOUND", "This dossier does not exist (it may have been deleted).");
  if (dossier.archivedAt) throw archivedError(dossier.slug);
  const now = new Date();
  await db.editingPresence.upsert({
    where: { dossierId_userId: { dossierId: dossier.id, userId: actor.id } },
    create: { dossierId: dossier.id, userId: actor.id, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
  const others = await db.editingPresence.findMany({
    where: { dossierId: dossier.id, userId: { not: actor.id }, lastSeenAt: { gte: new Date(now.getTime() - PRESENCE_TTL_MS) }, user: { disabledAt: null } },
    orderBy: { lastSeenAt: "desc" },
    select: { userId: true, lastSeenAt: true, user: { select: { name: true } } },
  });
  return { others: others.map((p) => ({ userId: p.userId, name: p.user.name, since: p.lastSeenAt.toISOString() })) };
}
