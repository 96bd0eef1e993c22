import "server-only";
// A claim's or a source's discussion as the newsroom sees it: its threads, oldest first, each with
// its comments in order; resolved ones included (the page collapses them). Also who may be
// mentioned in it, for the comment box.
import { compareText } from "@/lib/domain/collation";
import { ListCommentsSchema, type ListCommentsInput } from "@/lib/schemas/comments";
import { parseInput } from "@/lib/schemas/parse";
import { can, requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { findTarget, mentionableMembers, whereTarget } from "./discussion-target";

export interface CommentView {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface ThreadView {
  id: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
  comments: CommentView[];
}

export interface DiscussionView {
  targetType: "claim" | "source";
  targetId: string;
  threads: ThreadView[];
  /** Whether this person may post, reply, resolve and reopen. */
  canWrite: boolean;
  /** Active members who may read this discussion, by name: whom a comment may mention. */
  mentionable: { id: string; name: string }[];
}

export async function listComments(actor: Actor, input: ListCommentsInput): Promise<DiscussionView> {
  const user = requirePermission(actor, "newsroom:access", "person");
  const data = parseInput(ListCommentsSchema, input);
  return db.$transaction(async (tx) => {
    const target = await findTarget(tx, user, data.targetType, data.targetId);
    const threads = await tx.commentThread.findMany({
      where: whereTarget(target.type, target.id),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        resolvedAt: true,
        resolvedBy: { select: { name: true } },
        comments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } } },
      },
    });
    const members = await mentionableMembers(tx, target);
    return {
      targetType: target.type,
      targetId: target.id,
      threads: threads.map((t) => ({
        id: t.id,
        resolvedAt: t.resolvedAt?.toISOString() ?? null,
        resolvedByName: t.resolvedBy?.name ?? null,
        comments: t.comments.map((c) => ({ id: c.id, authorId: c.author.id, authorName: c.author.name, body: c.body, createdAt: c.createdAt.toISOString() })),
      })),
      canWrite: can(user, "comment:write"),
      mentionable: members
        .filter((m) => m.id !== user.id)
        .map((m) => ({ id: m.id, name: m.name }))
        .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id)),
    };
  });
}
