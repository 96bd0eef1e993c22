import "server-only";
// The journalist chose to drop their autosaved draft and start again from the saved article.
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";

export async function discardDraft(actor: Actor, input: { dossierId: string }): Promise<{ discarded: boolean }> {
  requirePermission(actor, "dossier:edit");
  if (actor.kind !== "user") return { discarded: false };
  const { count } = await db.articleDraft.deleteMany({ where: { dossierId: input.dossierId, userId: actor.id } });
  return { discarded: count > 0 };
}
