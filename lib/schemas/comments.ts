// Inputs of the newsroom's discussions on claims and sources (lib/server/comments/*,
// docs/decisions/110): one schema for the comment box, its server action and the tests.
import { z } from "zod";
import { choice, emptyAsAbsent, id, requiredText } from "./fields";

/** The longest comment, in characters. */
export const COMMENT_MAX = 5000;

export const commentBody = requiredText("The comment", COMMENT_MAX);

/** What a discussion is about. */
export const COMMENT_TARGETS = ["claim", "source"] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

/** A new thread on a claim or a source (`targetType`, `targetId`), or a reply to a thread (`threadId`). */
export const PostCommentSchema = z
  .object({
    threadId: z.preprocess(emptyAsAbsent, id("thread").optional()),
    targetType: z.preprocess(emptyAsAbsent, choice(COMMENT_TARGETS, "subject for the comment").optional()),
    targetId: z.preprocess(emptyAsAbsent, id("claim or source").optional()),
    body: commentBody,
  })
  .refine((v) => (v.threadId !== undefined) !== (v.targetType !== undefined || v.targetId !== undefined) && (v.threadId !== undefined || (v.targetType !== undefined && v.targetId !== undefined)), {
    message: "Reply to one thread, or start one on a claim or a source.",
    path: ["threadId"],
  });
export type PostCommentInput = z.infer<typeof PostCommentSchema>;

export const ResolveThreadSchema = z.object({
  threadId: id("thread"),
  /** true: resolve; false: reopen. */
  resolved: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "Say whether to resolve or reopen the thread." })),
});
export type ResolveThreadInput = z.infer<typeof ResolveThreadSchema>;

export const ListCommentsSchema = z.object({
  targetType: choice(COMMENT_TARGETS, "What the comments are about"),
  targetId: id("claim or source"),
});
export type ListCommentsInput = z.input<typeof ListCommentsSchema>;

export const FindCommentSchema = z.object({ commentId: id("comment") });
export type FindCommentInput = z.input<typeof FindCommentSchema>;
