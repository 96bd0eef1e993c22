import "server-only";
// Creating a notification is part of another use case's change (a proposal decided), so it takes
// that use case's transaction: the decision and its notification are written together or not at all.
import type { Tx } from "../db";

export type NotificationKind = "proposal.accepted" | "proposal.rejected" | "proposal.superseded" | "claim.assigned";

export async function createNotification(tx: Tx, n: { userId: string; kind: NotificationKind; message: string; link: string | null }): Promise<string> {
  const row = await tx.notification.create({ data: { userId: n.userId, kind: n.kind, message: n.message, link: n.link }, select: { id: true } });
  return row.id;
}
