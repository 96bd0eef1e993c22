import "server-only";
// Marks one of the person's notifications read, or all of them. Someone else's notification is
// "not found", exactly like one that does not exist. Marking an already-read one changes nothing.
import { AppError } from "@/lib/domain/errors";
import type { MarkNotificationReadInput } from "@/lib/schemas/notifications";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";

export interface MarkNotificationReadResult {
  /** How many notifications this call marked read (0 when they already were). */
  marked: number;
  unreadCount: number;
}

export async function markNotificationRead(actor: Actor, data: MarkNotificationReadInput): Promise<MarkNotificationReadResult> {
  const user = requirePermission(actor, "newsroom:access", "person");

  return db.$transaction(async (tx) => {
    const now = new Date();
    let marked: number;
    if (data.notificationId !== undefined) {
      const found = await tx.notification.findFirst({ where: { id: data.notificationId, userId: user.id }, select: { id: true, readAt: true } });
      if (!found) throw new AppError("NOT_FOUND", "This notification does not exist.");
      marked = found.readAt ? 0 : (await tx.notification.updateMany({ where: { id: found.id, readAt: null }, data: { readAt: now } })).count;
      if (marked > 0) {
        await recordAudit(tx, user, { action: "notification.read", entityType: "notification", entityId: found.id, before: { readAt: null }, after: { readAt: now } });
      }
    } else {
      marked = (await tx.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: now } })).count;
      if (marked > 0) {
        await recordAudit(tx, user, { action: "notification.read-all", entityType: "user", entityId: user.id, after: { marked, readAt: now } });
      }
    }
    const unreadCount = await tx.notification.count({ where: { userId: user.id, readAt: null } });
    return { marked, unreadCount };
  });
}
