import "server-only";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { questionSelect, toQuestionView } from "./question-view";

export async function deleteQuestion(actor: Actor, input: { dossierId: string; questionId: string }): Promise<{ deleted: string; readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.openQuestion.findFirst({ where: { id: input.questionId, dossierId: dossier.id }, select: questionSelect });
    if (!before) throw new AppError("NOT_FOUND", "This question does not exist (it may have been deleted).");
    await tx.openQuestion.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, { action: "question.delete", entityType: "question", entityId: before.id, ...inDossier(dossier), before: toQuestionView(before) });
    return { deleted: before.id, readerSlug: readerSlugOf(dossier) };
  });
}
