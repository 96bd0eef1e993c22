import "server-only";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { quoteSelect, toQuoteView } from "./quote-view";

export async function deleteQuote(actor: Actor, input: { dossierId: string; quoteId: string }): Promise<{ deleted: string; readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.quote.findFirst({ where: { id: input.quoteId, dossierId: dossier.id }, select: quoteSelect });
    if (!before) throw new AppError("NOT_FOUND", "This quote does not exist (it may have been deleted).");
    await tx.quote.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, { action: "quote.delete", entityType: "quote", entityId: before.id, ...inDossier(dossier), before: toQuoteView(actor, before) });
    return { deleted: before.id, readerSlug: readerSlugOf(dossier) };
  });
}
