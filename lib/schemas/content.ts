// The content file format (content/dossiers/<slug>/dossier.yaml + article.md), documented in
// docs/content-format.md. The importer parses every file with this schema before writing anything.
import { z } from "zod";
import { isValidEdtf, EDTF_HELP } from "@/lib/domain/edtf";
import { SLUG_PATTERN } from "@/lib/domain/slug";
import { VERDICT_KEY_PATTERN } from "@/lib/domain/verdicts";
import {
  CONTENT_LANGUAGES,
  DOSSIER_STATUSES,
  ENTITY_KINDS,
  EVENT_CERTAINTIES,
  QUESTION_STATUSES,
  RELIABILITIES,
  SOURCE_KINDS,
  STANCES,
} from "@/lib/domain/vocabulary";

/** Keys name records inside the file; the dossier's slug is one too (a public address). */
const key = z.string().regex(SLUG_PATTERN, "must be lower-case letters, digits and hyphens (e.g. lightspeed-round)");
const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);
const optionalText = z.string().trim().min(1).optional();
const isoDate = z.iso.date("must be a date written YYYY-MM-DD");
const edtfDate = z.string().refine(isValidEdtf, { message: `is not a valid date. ${EDTF_HELP}` });
/** Checked against the installation's vocabulary by the loader (it is configurable). */
const verdictKey = z.string().regex(VERDICT_KEY_PATTERN, "must be a verdict key such as verified");
const email = z.email("must be an email address");

export const ContentEntitySchema = z.strictObject({
  key,
  kind: z.enum(ENTITY_KINDS),
  name: text("name"),
  description: z.string().trim().default(""),
});

export const ContentSourceSchema = z
  .strictObject({
    key,
    kind: z.enum(SOURCE_KINDS),
    title: text("title"),
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    publisher: optionalText,
    author: optionalText,
    date: edtfDate.optional(),
    accessedAt: isoDate.optional(),
    reliability: z.enum(RELIABILITIES).default("unknown"),
    confidential: z.boolean().default(false),
    publicDescription: optionalText,
    identity: optionalText,
    notes: optionalText,
  })
  .refine((s) => !s.confidential || s.publicDescription, {
    message: "a confidential source needs a publicDescription (what readers see instead of its identity)",
    path: ["publicDescription"],
  });

export const ContentEvidenceSchema = z.strictObject({
  source: key,
  stance: z.enum(STANCES),
  excerpt: z.string().trim().default(""),
  note: optionalText,
});

export const ContentVerdictSchema = z.strictObject({
  status: verdictKey,
  rationale: text("rationale"),
  decidedAt: isoDate,
  decidedBy: email.optional(),
  /** Required for a change made after publication: readers see it as a correction. */
  correctionNote: optionalText,
});

export const ContentClaimSchema = z.strictObject({
  key,
  text: text("text"),
  anchor: z.strictObject({
    exact: text("anchor.exact"),
    prefix: z.string().optional(),
    suffix: z.string().optional(),
  }),
  hedged: z.boolean().default(false),
  author: email.optional(),
  evidence: z.array(ContentEvidenceSchema).default([]),
  /** Verdicts in the order they were given; the last one is current. */
  verdicts: z.array(ContentVerdictSchema).default([]),
});

export const ContentQuoteSchema = z
  .strictObject({
    key,
    text: text("text"),
    language: z.enum(CONTENT_LANGUAGES).default("fr"),
    speaker: key.optional(),
    speakerLabel: optionalText,
    date: edtfDate.optional(),
    context: z.string().trim().default(""),
    source: key.optional(),
    onRecord: z.boolean().default(true),
  })
  .refine((q) => q.speaker || q.speakerLabel, {
    message: "a quote needs a speaker (an entity key) or a speakerLabel",
    path: ["speaker"],
  });

export const ContentQuestionSchema = z
  .strictObject({
    key,
    text: text("text"),
    status: z.enum(QUESTION_STATUSES).default("open"),
    owner: email.optional(),
    answer: optionalText,
    answeredBy: key.optional(),
    answeredAt: isoDate.optional(),
  })
  .refine((q) => q.status !== "answered" || q.answer, {
    message: "an answered question needs an answer",
    path: ["answer"],
  });

export const ContentEventSchema = z.strictObject({
  key,
  title: text("title"),
  description: z.string().trim().default(""),
  date: edtfDate,
  certainty: z.enum(EVENT_CERTAINTIES).default("happened"),
  claims: z.array(key).default([]),
  sources: z.array(key).default([]),
});

export const ContentDossierSchema = z
  .strictObject({
    slug: key,
    title: text("title"),
    summary: z.string().trim().default(""),
    language: z.enum(CONTENT_LANGUAGES).default("fr"),
    status: z.enum(DOSSIER_STATUSES).default("draft"),
    publishedAt: isoDate.optional(),
    article: z.string().regex(/^[\w.-]+\.md$/, "must be a Markdown file name in the same folder").default("article.md"),
    entities: z.array(ContentEntitySchema).default([]),
    sources: z.array(ContentSourceSchema).default([]),
    claims: z.array(ContentClaimSchema).default([]),
    quotes: z.array(ContentQuoteSchema).default([]),
    questions: z.array(ContentQuestionSchema).default([]),
    events: z.array(ContentEventSchema).default([]),
  })
  .refine((d) => d.status !== "published" || d.publishedAt, {
    message: "a published dossier needs publishedAt",
    path: ["publishedAt"],
  });

export type ContentDossier = z.infer<typeof ContentDossierSchema>;
export type ContentClaim = z.infer<typeof ContentClaimSchema>;
