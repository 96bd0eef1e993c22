import "server-only";
// Creating a notification is part of another use case's change (a proposal decided), so it takes
// that use case's transaction: the decision and its notification are written together or not at all.
import type { Tx } from "../db";

export type NotificationKind =
  | "proposal.accepted"
  | "proposal.rejected"
  | "proposal.superseded"
  | "proposal.new"
  | "claim.assigned"
  | "claim.recheck"
  | "claim.published"
  | "claim.corrected"
  | "update.requested"
  | "comment.mention";

export async function createNotification(tx: Tx, n: { userId: string; kind: NotificationKind; message: string; link: string | null }): Promise<string> {
  const row = await tx.notification.create({ data: { userId: n.userId, kind: n.kind, message: n.message, link: n.link }, select: { id: true } });
  return row.id;
}

/** The roles that decide verdicts and publish (editors and admins): who is told what awaits an editor. */
const EDITOR_ROLES = ["editor", "admin"];

/** Notifies every active editor (and admin) but `except` (the person acting); returns how many. */
export async function notifyEditors(tx: Tx, n: { except: string | null; kind: NotificationKind; message: string; link: string | null }): Promise<number> {
  const editors = await tx.user.findMany({
    where: { role: { in: EDITOR_ROLES }, disabledAt: null, ...(n.except ? { id: { not: n.except } } : {}) },
    select: { id: true },
  });
  if (editors.length === 0) return 0;
  await tx.notification.createMany({ data: editors.map((e) => ({ userId: e.id, kind: n.kind, message: n.message, link: n.link })) });
  return editors.length;
}
