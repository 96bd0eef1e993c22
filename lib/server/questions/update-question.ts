import "server-only";
// Rewording, reassigning, answering (by linking the claim that answers it), dropping or
// reopening a question. Only an answered question keeps an answering claim.
import { AppError } from "@/lib/domain/errors";
import type { UpdateQuestionInput } from "@/lib/schemas/records";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion, findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { questionSelect, toQuestionView, type QuestionView } from "./question-view";
import { requireQuestionLinks } from "./question-links";

export async function updateQuestion(actor: Actor, input: UpdateQuestionInput): Promise<{ question: QuestionView; readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.openQuestion.findFirst({ where: { id: input.questionId, dossierId: dossier.id }, select: questionSelect });
    if (!before) throw new AppError("NOT_FOUND", "This question does not exist (it may have been deleted).");
    await assertVersion(tx, { label: "question", entityType: "question", entityId: before.id }, before.version, input.version, () => toQuestionView(before));
    const answered = input.status === "answered";
    await requireQuestionLinks(tx, dossier.id, { ownerId: input.ownerId, answeringClaimId: answered ? input.answeringClaimId : null });
    const after = await tx.openQuestion.update({
      where: { id: before.id, version: input.version },
      data: {
        text: input.text,
        ownerId: input.ownerId,
        status: input.status,
        answeringClaimId: answered ? input.answeringClaimId : null,
        answer: answered ? input.answer : null,
        answeredAt: answered ? (before.status === "answered" && before.answeredAt ? before.answeredAt : new Date()) : null,
        version: { increment: 1 },
      },
      select: questionSelect,
    });
    const question = toQuestionView(after);
    const action = answered && before.status !== "answered" ? "question.answer" : "question.update";
    await recordAudit(tx, actor, { action, entityType: "question", entityId: after.id, ...inDossier(dossier), before: toQuestionView(before), after: question });
    return { question, readerSlug: readerSlugOf(dossier) };
  });
}
