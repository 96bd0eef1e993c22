import "server-only";
// What the reporting has not answered yet, and who is on it.
import type { CreateQuestionInput } from "@/lib/schemas/records";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { questionSelect, toQuestionView, type QuestionView } from "./question-view";
import { requireQuestionLinks } from "./question-links";

export async function createQuestion(actor: Actor, input: CreateQuestionInput): Promise<{ question: QuestionView; readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    await requireQuestionLinks(tx, dossier.id, input);
    const last = await tx.openQuestion.findFirst({ where: { dossierId: dossier.id }, orderBy: { position: "desc" }, select: { position: true } });
    const row = await tx.openQuestion.create({
      data: { dossierId: dossier.id, text: input.text, ownerId: input.ownerId, status: "open", position: (last?.position ?? -1) + 1 },
      select: questionSelect,
    });
    const question = toQuestionView(row);
    await recordAudit(tx, actor, { action: "question.create", entityType: "question", entityId: row.id, ...inDossier(dossier), after: question });
    return { question, readerSlug: readerSlugOf(dossier) };
  });
}
