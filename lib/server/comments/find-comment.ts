import "server-only";
// Where a comment is (a notification's link, /newsroom/comments/<id>): the claim's or source's
// page in its dossier. A stable address that does not depend on the dossier's slug. A comment on a
// confidential source is not there for a role that may not read it.
import { AppError } from "@/lib/domain/errors";
import { FindCommentSchema, type FindCommentInput } from "@/lib/schemas/comments";
import { parseInput } from "@/lib/schemas/parse";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { findThreadTarget } from "./discussion-target";

export interface CommentLocation {
  commentId: string;
  dossierSlug: string;
  targetType: "claim" | "source";
  targetId: string;
}

export async function findComment(actor: Actor, input: FindCommentInput): Promise<CommentLocation> {
  const user = requirePermission(actor, "newsroom:access", "person");
  const data = parseInput(FindCommentSchema, input);
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: data.commentId }, select: { id: true, threadId: true } });
    if (!comment) throw new AppError("NOT_FOUND", "This comment does not exist.");
    const { target } = await findThreadTarget(tx, user, comment.threadId);
    return { commentId: comment.id, dossierSlug: target.dossier.slug, targetType: target.type, targetId: target.id };
  });
}
