import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { UpdateQuoteInput } from "@/lib/schemas/records";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion, findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { quoteSelect, toQuoteView, type QuoteView } from "./quote-view";
import { requireQuoteLinks, speakerLabelWarnings } from "./quote-links";

export async function updateQuote(actor: Actor, input: UpdateQuoteInput): Promise<{ quote: QuoteView; readerSlug: string | null; warnings: string[] }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.quote.findFirst({ where: { id: input.quoteId, dossierId: dossier.id }, select: quoteSelect });
    if (!before) throw new AppError("NOT_FOUND", "This quote does not exist (it may have been deleted).");
    await assertVersion(tx, { label: "quote", entityType: "quote", entityId: before.id }, before.version, input.version, () => toQuoteView(actor, before));
    await requireQuoteLinks(tx, dossier.id, input);
    const { dossierId: _d, quoteId: _q, version: _v, ...fields } = input;
    const after = await tx.quote.update({ where: { id: before.id, version: input.version }, data: { ...fields, version: { increment: 1 } }, select: quoteSelect });
    const quote = toQuoteView(actor, after);
    await recordAudit(tx, actor, { action: "quote.update", entityType: "quote", entityId: after.id, ...inDossier(dossier), before: toQuoteView(actor, before), after: quote });
    return { quote, readerSlug: readerSlugOf(dossier), warnings: await speakerLabelWarnings(tx, dossier.id, quote.speakerLabel) };
  });
}
