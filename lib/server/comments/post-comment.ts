import "server-only";
// Posts a comment on a claim or a source (a new thread) or a reply to a thread, and tells each
// member it mentions (lib/domain/mentions.ts) with a notification linking to the comment. The
// comment, its audit entry and the notifications are written together or not at all.
// Newsroom only: nothing here reaches readers, feeds, exports or webhooks (docs/decisions/110).
import { AppError } from "@/lib/domain/errors";
import { commentPath } from "@/lib/domain/desk-links";
import { findMentions } from "@/lib/domain/mentions";
import type { PostCommentInput } from "@/lib/schemas/comments";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { inDossier } from "../newsroom/scope";
import { createNotification } from "../notifications/notify";
import { findTarget, findThreadTarget, mentionableMembers, whereTarget } from "./discussion-target";

export interface PostCommentResult {
  commentId: string;
  threadId: string;
  /** The members the comment mentions (each told once; never the author). */
  mentioned: { id: string; name: string }[];
  notificationIds: string[];
}

export async function postComment(actor: Actor, data: PostCommentInput): Promise<PostCommentResult> {
  const user = requirePermission(actor, "comment:write", "person");
  return db.$transaction(async (tx) => {
    let threadId: string;
    let target;
    if (data.threadId !== undefined) {
      const found = await findThreadTarget(tx, user, data.threadId);
      if (found.thread.resolvedAt) throw new AppError("CONFLICT", "This thread is resolved: reopen it to reply.");
      threadId = found.thread.id;
      target = found.target;
    } else {
      target = await findTarget(tx, user, data.targetType!, data.targetId!);
      threadId = (await tx.commentThread.create({ data: { dossierId: target.dossier.id, ...whereTarget(target.type, target.id) }, select: { id: true } })).id;
    }
    const comment = await tx.comment.create({ data: { threadId, authorId: user.id, body: data.body }, select: { id: true } });
    const mentioned = findMentions(data.body, await mentionableMembers(tx, target)).filter((m) => m.id !== user.id);
    const notificationIds: string[] = [];
    for (const member of mentioned) {
      notificationIds.push(
        await createNotification(tx, {
          userId: member.id,
          kind: "comment.mention",
          message: `${user.name} mentioned you in a comment on ${target.safeLabel} in “${target.dossier.title}”.`,
          link: commentPath(comment.id),
        }),
      );
    }
    await recordAudit(tx, user, {
      action: "comment.posted",
      entityType: "comment",
      entityId: comment.id,
      ...inDossier(target.dossier),
      after: {
        threadId,
        reply: data.threadId !== undefined,
        [`${target.type}Id`]: target.id,
        body: data.body,
        mentioned: mentioned.map((m) => ({ id: m.id, name: m.name })),
        notificationIds,
      },
    });
    return { commentId: comment.id, threadId, mentioned: mentioned.map((m) => ({ id: m.id, name: m.name })), notificationIds };
  });
}
