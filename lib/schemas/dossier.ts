// Inputs that change a dossier itself: its details, its article, drafts and revisions.
import { z } from "zod";
import { CONTENT_LANGUAGES } from "@/lib/domain/vocabulary";
import { checkbox, choice, dossierSlug, fileName, id, optionalText, requiredText, text, verbatimText, version } from "./fields";
import { ARTICLE_MAX } from "./limits";

export { ARTICLE_MAX };

/** Empty: propose one from the title. */
const slug = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), dossierSlug.optional());

/** A dossier's own fields, as the newsroom edits them and content files write them (lib/schemas/content.ts). */
export const DossierFields = {
  title: requiredText("Title", 200),
  summary: text("Summary", 1000),
  language: choice(CONTENT_LANGUAGES, "language"),
};
const details = DossierFields;

export const CreateDossierSchema = z.object({ ...details, slug });
export type CreateDossierInput = z.infer<typeof CreateDossierSchema>;

export const UpdateDossierSchema = z.object({ dossierId: id("dossier"), version, ...details });
export type UpdateDossierInput = z.infer<typeof UpdateDossierSchema>;

/** The article's Markdown, kept as typed (the same limit for an article.md file). */
export const articleBody = z.preprocess((v) => (v == null ? "" : v), verbatimText("The article", ARTICLE_MAX));
const body = articleBody;

export const SaveArticleSchema = z.object({
  dossierId: id("dossier"),
  version,
  body,
  note: text("Note", 200),
  /** The journalist saw which published claims this save orphans, and saves anyway (absent: no). */
  confirmOrphans: checkbox.optional(),
});
export type SaveArticleInput = z.infer<typeof SaveArticleSchema>;

export const SaveDraftSchema = z.object({ dossierId: id("dossier"), baseVersion: version, body });
export type SaveDraftInput = z.infer<typeof SaveDraftSchema>;

export const DossierRefSchema = z.object({ dossierId: id("dossier") });

export const RestoreRevisionSchema = z.object({
  dossierId: id("dossier"),
  version,
  number: z.coerce.number({ error: "Choose a revision." }).int().min(1, "Choose a revision."),
  confirmOrphans: checkbox.optional(),
});

/** Archive a dossier (or delete one that holds nothing): lib/server/dossiers/delete-dossier.ts. */
export const DeleteDossierSchema = z.object({
  dossierId: id("dossier"),
  /** Why, kept with the archived dossier and in the audit log (optional). */
  reason: optionalText("The reason", 2000),
});
export type DeleteDossierInput = { dossierId: string; reason?: string | null };

/** An admin brings an archived dossier back (as a draft): restore-dossier.ts. */
export const RestoreDossierSchema = z.object({ dossierId: id("dossier") });
export type RestoreDossierInput = z.infer<typeof RestoreDossierSchema>;

/** A Word document to start the article from (multipart form: the file). Its type is checked by content. */
export const ConvertWordDocumentSchema = z.object({
  dossierId: id("dossier"),
  filename: fileName("Choose a Word file (.docx)."),
  bytes: z.instanceof(Uint8Array, { error: "Choose a Word file (.docx)." }).refine((b) => b.byteLength > 0, "This file is empty."),
});
export type ConvertWordDocumentInput = z.infer<typeof ConvertWordDocumentSchema>;
