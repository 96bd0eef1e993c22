import "server-only";
// The unread count in the newsroom's header, on every page: one indexed count, not a page of
// notifications.
import type { Actor } from "../actor";
import { db } from "../db";
import { requireUser } from "../require-user";

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  const user = requireUser(actor, "newsroom:access");
  return db.notification.count({ where: { userId: user.id, readAt: null } });
}
