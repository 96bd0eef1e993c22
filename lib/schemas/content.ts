// The content file format (content/dossiers/<slug>/dossier.yaml + article.md), documented in
// docs/content-format.md. The importer parses every file with this schema before writing anything.
//
// Every field a journalist can also edit in the newsroom is validated here with the newsroom's
// own field schema (DossierFields, ClaimFields, SourceFields… from the input schemas), so a file
// can never hold what the newsroom would refuse to save, and the same text is stored the same
// way (trimmed or verbatim). tests/unit/schema-agreement.test.ts proves it field by field. What
// only files have (keys, emails, `decidedAt`, strict YAML booleans, defaults for absent fields)
// is defined here.
import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/domain/slug";
import { DOSSIER_STATUSES } from "@/lib/domain/vocabulary";
import { AnchorFields, ClaimFields, EvidenceFields } from "./claims";
import { DossierFields, articleBody } from "./dossier";
import { choice, dossierSlug, safeString } from "./fields";
import { ANSWER_NEEDS_CLAIM, ANSWER_NEEDS_TEXT, EntityFields, EventFields, QuestionFields, QuoteFields, SPEAKER_REQUIRED } from "./records";
import { SourceFields, needsPublicDescription, publicDescriptionIssue } from "./sources";
import { ExportHeaderSchema } from "./export";
import { VerdictFields } from "./verdicts";

export { articleBody };

export const KEY_MAX = 80;

/** Keys name records inside the file (e.g. lightspeed-round); other records refer to them. */
const key = safeString("The key")
  .max(KEY_MAX, `must be at most ${KEY_MAX} characters`)
  .regex(SLUG_PATTERN, "must be lower-case letters, digits and hyphens (e.g. lightspeed-round)");
/** A content file's day (publishedAt, decidedAt, answeredAt): required where it is used. */
const isoDate = safeString("The date").pipe(z.iso.date("must be a date written YYYY-MM-DD"));
const email = safeString("The email address").pipe(z.email("must be an email address"));
/** YAML booleans (true/false), never "yes" or "on": a typo must not silently mean false. */
const flag = (fallback: boolean) => z.boolean({ error: "must be true or false" }).default(fallback);

export const ContentEntitySchema = z.strictObject({
  key,
  kind: EntityFields.kind,
  name: EntityFields.name,
  description: EntityFields.description,
});

export const ContentSourceSchema = z
  .strictObject({
    key,
    kind: SourceFields.kind,
    title: SourceFields.title,
    url: SourceFields.url,
    publisher: SourceFields.publisher,
    author: SourceFields.author,
    date: SourceFields.date,
    accessedAt: SourceFields.accessedAt,
    reliability: SourceFields.reliability.default("unknown"),
    confidential: flag(false),
    publicDescription: SourceFields.publicDescription,
    identity: SourceFields.identity,
    notes: SourceFields.notes,
  })
  .refine(needsPublicDescription, publicDescriptionIssue);

export const ContentEvidenceSchema = z.strictObject({
  source: key,
  stance: EvidenceFields.stance,
  excerpt: EvidenceFields.excerpt,
  note: EvidenceFields.note,
});

export const ContentVerdictSchema = z.strictObject({
  /** Checked against the installation's vocabulary by the loader (it is configurable). */
  status: VerdictFields.verdict,
  rationale: VerdictFields.rationale,
  decidedAt: isoDate,
  decidedBy: email.optional(),
  /** Required for a change made after publication: readers see it as a correction. */
  correctionNote: VerdictFields.correctionNote,
});

export const ContentClaimSchema = z.strictObject({
  key,
  text: ClaimFields.text,
  anchor: z.strictObject({
    exact: AnchorFields.exact,
    prefix: AnchorFields.prefix,
    suffix: AnchorFields.suffix,
  }),
  hedged: flag(false),
  author: email.optional(),
  evidence: z.array(ContentEvidenceSchema).default([]),
  /** Verdicts in the order they were given; the last one is current. */
  verdicts: z.array(ContentVerdictSchema).default([]),
});

export const ContentQuoteSchema = z
  .strictObject({
    key,
    text: QuoteFields.text,
    language: QuoteFields.language.default("fr"),
    speaker: key.optional(),
    speakerLabel: QuoteFields.speakerLabel,
    date: QuoteFields.date,
    context: QuoteFields.context,
    source: key.optional(),
    onRecord: flag(true),
  })
  .refine((q) => q.speaker || q.speakerLabel, { message: SPEAKER_REQUIRED, path: ["speaker"] });

export const ContentQuestionSchema = z
  .strictObject({
    key,
    text: QuestionFields.text,
    status: QuestionFields.status.default("open"),
    owner: email.optional(),
    answer: QuestionFields.answer,
    answeredBy: key.optional(),
    answeredAt: isoDate.optional(),
  })
  // The newsroom's rules for an answered question (UpdateQuestionSchema), on the file's names.
  .refine((q) => q.status !== "answered" || q.answeredBy, { message: `${ANSWER_NEEDS_CLAIM} (answeredBy: the key of that claim)`, path: ["answeredBy"] })
  .refine((q) => q.status !== "answered" || q.answer, { message: ANSWER_NEEDS_TEXT, path: ["answer"] });

export const ContentEventSchema = z.strictObject({
  key,
  title: EventFields.title,
  description: EventFields.description,
  date: EventFields.date,
  certainty: EventFields.certainty.default("happened"),
  claims: z.array(key).default([]),
  sources: z.array(key).default([]),
});

export const ContentDossierSchema = z
  .strictObject({
    slug: dossierSlug,
    title: DossierFields.title,
    summary: DossierFields.summary,
    language: DossierFields.language.default("fr"),
    status: choice(DOSSIER_STATUSES, "status").default("draft"),
    publishedAt: isoDate.optional(),
    article: safeString("The article file").regex(/^[\w.-]+\.md$/, "must be a Markdown file name in the same folder").default("article.md"),
    entities: z.array(ContentEntitySchema).default([]),
    sources: z.array(ContentSourceSchema).default([]),
    claims: z.array(ContentClaimSchema).default([]),
    quotes: z.array(ContentQuoteSchema).default([]),
    questions: z.array(ContentQuestionSchema).default([]),
    events: z.array(ContentEventSchema).default([]),
    /** Present in an export of the newsroom (docs/content-format.md, "Exports"): record.json holds the rest. */
    export: ExportHeaderSchema.optional(),
  })
  .refine((d) => d.status !== "published" || d.publishedAt, {
    message: "a published dossier needs publishedAt",
    path: ["publishedAt"],
  });

export type ContentDossier = z.infer<typeof ContentDossierSchema>;
export type ContentClaim = z.infer<typeof ContentClaimSchema>;
