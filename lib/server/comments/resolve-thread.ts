import "server-only";
// Resolves a thread (the discussion is settled: shown collapsed, every comment still readable) or
// reopens it. Asking for what already is changes nothing and records nothing.
import type { ResolveThreadInput } from "@/lib/schemas/comments";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { inDossier } from "../newsroom/scope";
import { findThreadTarget } from "./discussion-target";

export interface ResolveThreadResult {
  threadId: string;
  resolved: boolean;
  /** Whether this call changed it. */
  changed: boolean;
}

export async function resolveThread(actor: Actor, data: ResolveThreadInput): Promise<ResolveThreadResult> {
  const user = requirePermission(actor, "comment:write", "person");
  return db.$transaction(async (tx) => {
    const { thread, target } = await findThreadTarget(tx, user, data.threadId);
    if ((thread.resolvedAt !== null) === data.resolved) return { threadId: thread.id, resolved: data.resolved, changed: false };
    const now = new Date();
    // Only the state it was read in: a colleague resolving at the same moment is not recorded twice.
    const { count } = await tx.commentThread.updateMany({
      where: { id: thread.id, resolvedAt: data.resolved ? null : { not: null } },
      data: data.resolved ? { resolvedAt: now, resolvedById: user.id } : { resolvedAt: null, resolvedById: null },
    });
    if (count === 0) return { threadId: thread.id, resolved: data.resolved, changed: false };
    await recordAudit(tx, user, {
      action: data.resolved ? "comment.resolved" : "comment.reopened",
      entityType: "comment-thread",
      entityId: thread.id,
      ...inDossier(target.dossier),
      before: { resolvedAt: thread.resolvedAt },
      after: { resolvedAt: data.resolved ? now : null, [`${target.type}Id`]: target.id },
    });
    return { threadId: thread.id, resolved: data.resolved, changed: true };
  });
}
