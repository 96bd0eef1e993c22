import "server-only";
// Closing a dossier page (or signing out) removes the "also editing" mark at once, rather than
// after the heartbeat expires.
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";

export async function leavePresence(actor: Actor, input: { dossierId: string }): Promise<{ left: boolean }> {
  requirePermission(actor, "newsroom:access");
  if (actor.kind !== "user") return { left: false };
  const { count } = await db.editingPresence.deleteMany({ where: { dossierId: input.dossierId, userId: actor.id } });
  return { left: count > 0 };
}
