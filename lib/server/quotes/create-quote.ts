import "server-only";
// Quotes are verbatim: the text is stored exactly as typed (never trimmed inside or retyped).
import type { CreateQuoteInput } from "@/lib/schemas/records";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { quoteSelect, toQuoteView, type QuoteView } from "./quote-view";
import { requireQuoteLinks, speakerLabelWarnings } from "./quote-links";

export async function createQuote(actor: Actor, input: CreateQuoteInput): Promise<{ quote: QuoteView; readerSlug: string | null; warnings: string[] }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    await requireQuoteLinks(tx, dossier.id, input);
    const last = await tx.quote.findFirst({ where: { dossierId: dossier.id }, orderBy: { position: "desc" }, select: { position: true } });
    const { dossierId: _d, ...fields } = input;
    const row = await tx.quote.create({ data: { ...fields, dossierId: dossier.id, position: (last?.position ?? -1) + 1 }, select: quoteSelect });
    const quote = toQuoteView(actor, row);
    await recordAudit(tx, actor, { action: "quote.create", entityType: "quote", entityId: row.id, ...inDossier(dossier), after: quote });
    return { quote, readerSlug: readerSlugOf(dossier), warnings: await speakerLabelWarnings(tx, dossier.id, quote.speakerLabel) };
  });
}
