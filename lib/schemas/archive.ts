// Inputs about the record: capturing a source, uploading a document, choosing what readers see,
// reading a stored file.
import { z } from "zod";
import { SOURCE_KINDS } from "@/lib/domain/vocabulary";
import { CAPTURE_FILES } from "@/lib/domain/archive";
import { checkbox, choice, fileName, id, optionalId, optionalText } from "./fields";

export const ArchiveSourceSchema = z.object({ dossierId: id("dossier"), sourceId: id("source") });
export type ArchiveSourceInput = z.infer<typeof ArchiveSourceSchema>;

export const SourceArchiveSchema = z.object({ dossierId: id("dossier"), sourceId: id("source") });
export type SourceArchiveInput = z.infer<typeof SourceArchiveSchema>;

export const CaptureIdSchema = z.object({ dossierId: id("dossier"), captureId: id("capture") });
export type CaptureIdInput = z.infer<typeof CaptureIdSchema>;

export const DocumentIdSchema = z.object({ dossierId: id("dossier"), documentId: id("document") });
export type DocumentIdInput = z.infer<typeof DocumentIdSchema>;

/**
 * An upload, from a multipart form: the file, and either the source it belongs to or the title of
 * a new source it becomes. The bytes' type and size are checked by the use case (by content).
 */
export const UploadDocumentSchema = z
  .object({
    dossierId: id("dossier"),
    sourceId: optionalId("source"),
    newSourceTitle: optionalText("Title of the new source", 300),
    newSourceKind: choice(SOURCE_KINDS, "kind of source").default("document"),
    newSourceConfidential: checkbox,
    newSourcePublicDescription: optionalText("Public description", 300),
    filename: fileName("Choose a file to upload."),
    bytes: z.instanceof(Uint8Array, { error: "Choose a file to upload." }).refine((b) => b.byteLength > 0, "This file is empty."),
  })
  .refine((v) => v.sourceId !== null || v.newSourceTitle !== null, { message: "Give the new source a title.", path: ["newSourceTitle"] })
  .refine((v) => v.sourceId !== null || !v.newSourceConfidential || v.newSourcePublicDescription !== null, {
    message: "A confidential source needs a public description: what readers see instead of its identity.",
    path: ["newSourcePublicDescription"],
  });
export type UploadDocumentInput = z.infer<typeof UploadDocumentSchema>;

export const SetReaderCopySchema = z.object({
  dossierId: id("dossier"),
  kind: choice(["capture", "document"] as const, "kind of record"),
  recordId: id("record"),
  shown: checkbox,
});
export type SetReaderCopyInput = z.infer<typeof SetReaderCopySchema>;

export const ClaimExcerptsSchema = z.object({ dossierId: id("dossier"), claimId: id("claim") });
export type ClaimExcerptsInput = z.infer<typeof ClaimExcerptsSchema>;

/** A stored file from its address: /api/files/capture/<id>/warc, /api/files/document/<id>. */
export const StoredFileSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("capture"), id: id("capture"), file: z.enum(CAPTURE_FILES, { error: "Unknown file." }) }),
  z.object({ kind: z.literal("document"), id: id("document"), file: z.literal("original").default("original") }),
]);
export type StoredFileInput = z.infer<typeof StoredFileSchema>;
