import "server-only";
// The unread count in the newsroom's header, on every page: one indexed count, not a page of
// notifications.
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  const user = requirePermission(actor, "newsroom:access", "person");
  return db.notification.count({ where: { userId: user.id, readAt: null } });
}
