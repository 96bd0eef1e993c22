// Inputs that change a dossier itself: its details, its article, drafts and revisions.
import { z } from "zod";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "@/lib/domain/slug";
import { CONTENT_LANGUAGES } from "@/lib/domain/vocabulary";
import { checkbox, choice, id, requiredText, text, version } from "./fields";

export const ARTICLE_MAX = 400_000;

const slug = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string()
    .trim()
    .max(SLUG_MAX_LENGTH, `The web address must be at most ${SLUG_MAX_LENGTH} characters.`)
    .regex(SLUG_PATTERN, "Use lower-case letters, digits and hyphens only, e.g. city-hall-contracts.")
    .optional(),
);

const details = {
  title: requiredText("Title", 200),
  summary: text("Summary", 1000),
  language: choice(CONTENT_LANGUAGES, "language"),
};

export const CreateDossierSchema = z.object({ ...details, slug });
export type CreateDossierInput = z.infer<typeof CreateDossierSchema>;

export const UpdateDossierSchema = z.object({ dossierId: id("dossier"), version, ...details });
export type UpdateDossierInput = z.infer<typeof UpdateDossierSchema>;

const body = z.preprocess((v) => (v == null ? "" : v), z.string().max(ARTICLE_MAX, `The article must be at most ${ARTICLE_MAX.toLocaleString("en")} characters.`));

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

export const DeleteDossierSchema = z.object({ dossierId: id("dossier") });
