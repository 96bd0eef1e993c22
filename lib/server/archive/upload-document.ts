import "server-only";
// Attaching a document to a source, or making it a new source: a PDF, an image or an office file,
// typed by its content (file-type), never by its name, within the size limit; stored under its
// SHA-256, with its text extracted (pdf.js page by page for a PDF, mammoth for Word) so evidence
// excerpts can be looked up in it. A file that is refused stores nothing.
import { fileTypeFromBuffer } from "file-type";
import { ACCEPTED_UPLOADS_IN_WORDS, isAcceptedUpload, safeFilename, sizeInWords, UPLOAD_TYPES } from "@/lib/domain/archive";
import { AppError } from "@/lib/domain/errors";
import type { UploadDocumentInput } from "@/lib/schemas/archive";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { pdfPages, tidy } from "../capture/extract-text";
import { uploadMaxBytes } from "../capture/settings";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { storeFile } from "../storage";
import { documentSelect, findSourceInDossier, toDocumentView, type DocumentView } from "./record-views";

const fileError = (message: string) => new AppError("INVALID_INPUT", message, { fieldErrors: { file: [message] } });

async function extractText(mediaType: string, bytes: Uint8Array): Promise<{ text: string; pages: string[] | null; error: string | null }> {
  try {
    if (mediaType === "application/pdf") {
      const { pages } = await pdfPages(bytes);
      const text = pages.join("\n");
      return { text, pages, error: text.trim() ? null : "This PDF has no text layer (a scan?): excerpts cannot be looked up in it." };
    }
    if (mediaType === UPLOAD_TYPES_DOCX) {
      const mammoth = await import("mammoth");
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return { text: tidy(value), pages: null, error: null };
    }
    if (mediaType.startsWith("image/")) return { text: "", pages: null, error: null };
    return { text: "", pages: null, error: `Dossier does not extract text from a ${UPLOAD_TYPES[mediaType]?.label ?? mediaType}: excerpts cannot be looked up in it.` };
  } catch (error) {
    console.warn(`No text could be extracted from an uploaded ${mediaType}`, error);
    const reason = error instanceof Error && /password/i.test(error.message) ? "it is protected by a password" : "it could not be read";
    return { text: "", pages: null, error: `No text was extracted: ${reason}.` };
  }
}

const UPLOAD_TYPES_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function uploadDocument(actor: Actor, input: UploadDocumentInput): Promise<{ document: DocumentView; sourceId: string; readerSlug: string | null }> {
  requirePermission(actor, "source:edit");
  const max = uploadMaxBytes();
  if (input.bytes.byteLength > max) throw fileError(`This file is ${sizeInWords(input.bytes.byteLength)}: uploads are limited to ${sizeInWords(max)}.`);
  const detected = await fileTypeFromBuffer(input.bytes);
  const mediaType = detected?.mime ?? "unknown";
  if (!isAcceptedUpload(mediaType)) {
    const what = detected ? `a ${detected.ext.toUpperCase()} file (${detected.mime})` : "not a file type Dossier recognises";
    throw fileError(`By its content, this file is ${what}, whatever its name says. Dossier accepts ${ACCEPTED_UPLOADS_IN_WORDS}.`);
  }
  // Check the dossier and source before the slow part (text extraction).
  const dossier = await findDossier(db, input.dossierId);
  if (input.sourceId) await findSourceInDossier(db, dossier.id, input.sourceId);
  const extracted = await extractText(mediaType, input.bytes);
  const filename = safeFilename(input.filename, `document.${UPLOAD_TYPES[mediaType]!.extension}`);
  const stored = await storeFile(input.bytes, mediaType);
  return db.$transaction(async (tx) => {
    let sourceId = input.sourceId;
    let createdSource = false;
    if (sourceId) {
      await findSourceInDossier(tx, dossier.id, sourceId);
    } else {
      const last = await tx.source.findFirst({ where: { dossierId: dossier.id }, orderBy: { position: "desc" }, select: { position: true } });
      const source = await tx.source.create({
        data: {
          dossierId: dossier.id,
          kind: input.newSourceKind,
          title: input.newSourceTitle!,
          confidential: input.newSourceConfidential,
          publicDescription: input.newSourcePublicDescription,
          position: (last?.position ?? -1) + 1,
        },
        select: { id: true, kind: true, title: true, confidential: true, publicDescription: true },
      });
      sourceId = source.id;
      createdSource = true;
      await recordAudit(tx, actor, { action: "source.create", entityType: "source", entityId: source.id, ...inDossier(dossier), after: source });
    }
    const row = await tx.document.create({
      data: {
        dossierId: dossier.id,
        sourceId,
        filename,
        mediaType,
        size: stored.size,
        sha256: stored.sha256,
        text: extracted.text,
        pageTexts: extracted.pages ? JSON.stringify(extracted.pages) : null,
        pageCount: extracted.pages?.length ?? null,
        textError: extracted.error,
        uploadedById: actor.kind === "user" ? actor.id : null,
      },
      select: documentSelect,
    });
    await recordAudit(tx, actor, {
      action: "document.upload",
      entityType: "document",
      entityId: row.id,
      ...inDossier(dossier),
      after: { sourceId, mediaType, size: stored.size, sha256: stored.sha256 },
    });
    return { document: toDocumentView(row), sourceId, readerSlug: createdSource ? readerSlugOf(dossier) : null };
  });
}
