import "server-only";
// One uploaded document as the newsroom reads it: its record and its text, page by page for a PDF.
import { AppError } from "@/lib/domain/errors";
import type { DocumentIdInput } from "@/lib/schemas/archive";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { findDossier } from "../newsroom/scope";
import { sourceLabel } from "../sources/confidentiality";
import { archiveSourceSelect, documentSelect, pagesOf, toDocumentView, type DocumentView } from "./record-views";

export interface DocumentDetail {
  document: DocumentView;
  source: { id: string; label: string; confidential: boolean };
  text: string;
  pages: string[] | null;
}

export async function getDocument(actor: Actor, input: DocumentIdInput): Promise<DocumentDetail> {
  requirePermission(actor, "newsroom:access");
  const dossier = await findDossier(db, input.dossierId);
  const row = await db.document.findFirst({
    where: { id: input.documentId, dossierId: dossier.id },
    select: { ...documentSelect, text: true, pageTexts: true, source: { select: archiveSourceSelect } },
  });
  if (!row) throw new AppError("NOT_FOUND", "This document does not exist.");
  const { text, pageTexts, source, ...rest } = row;
  return { document: toDocumentView(rest), source: { id: source.id, label: sourceLabel(actor, source), confidential: source.confidential }, text, pages: pagesOf(pageTexts) };
}
