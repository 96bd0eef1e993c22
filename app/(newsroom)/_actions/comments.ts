"use server";
import { defineAction } from "@/lib/http/action";
import { PostCommentSchema, ResolveThreadSchema } from "@/lib/schemas/comments";
import { postComment } from "@/lib/server/comments/post-comment";
import { resolveThread } from "@/lib/server/comments/resolve-thread";

export const postCommentAction = defineAction(PostCommentSchema, postComment);
export const resolveThreadAction = defineAction(ResolveThreadSchema, resolveThread);
