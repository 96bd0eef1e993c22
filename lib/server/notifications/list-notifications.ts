import "server-only";
// A person's own notifications (proposal accepted, rejected or superseded, with the editor's
// reason and a link), newest first, with the unread count for a badge.
import { ListNotificationsSchema, type ListNotificationsInput } from "@/lib/schemas/notifications";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { parseInput } from "@/lib/schemas/parse";

export interface NotificationView {
  id: string;
  /** proposal.accepted | proposal.rejected | proposal.superseded | claim.assigned */
  kind: string;
  message: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage {
  items: NotificationView[];
  /** Notifications on all pages (unread only, when asked). */
  total: number;
  unreadCount: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export async function listNotifications(actor: Actor, input: ListNotificationsInput = {}): Promise<NotificationPage> {
  const user = requirePermission(actor, "newsroom:access", "person");
  // The notifications page passes its query string as it came: this is the one parse (docs/decisions/104).
  const data = parseInput(ListNotificationsSchema, input);
  // The person is the scope: nobody reads another's notifications.
  const where = { userId: user.id, ...(data.unreadOnly ? { readAt: null } : {}) };
  return db.$transaction(async (tx) => {
    const total = await tx.notification.count({ where });
    const unreadCount = await tx.notification.count({ where: { userId: user.id, readAt: null } });
    const rows = await tx.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (data.page - 1) * data.pageSize,
      take: data.pageSize,
      select: { id: true, kind: true, message: true, link: true, readAt: true, createdAt: true },
    });
    return {
      items: rows.map((n) => ({ ...n, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })),
      total,
      unreadCount,
      page: data.page,
      pageSize: data.pageSize,
      pageCount: Math.max(1, Math.ceil(total / data.pageSize)),
    };
  });
}
