// Inputs of search (lib/server/search/*): the newsroom's search page and header box, the
// readers' search page, and "seen before" on a claim. They come from query strings: empty values
// mean "all", and any text is accepted as a query (only its words are searched for).
import { z } from "zod";
import { QUERY_MAX_LENGTH, SEARCH_KINDS } from "@/lib/domain/search";
import { choice, emptyAsAbsent, id, pageNumber, safeString, verdictKey } from "./fields";

export const SEARCH_PAGE_SIZE = 20;

const query = z.preprocess(
  (v) => (v == null ? "" : Array.isArray(v) ? v[0] : v),
  safeString("The search").trim().max(QUERY_MAX_LENGTH, `The search must be at most ${QUERY_MAX_LENGTH} characters.`),
);

const day = (label: string) =>
  z.preprocess(
    emptyAsAbsent,
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date such as 2024-03-31.`)
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `${label} is not a real date.`)
      .optional(),
  );

/** The newsroom's search: words, and filters by kind, dossier, verdict and date. */
export const NewsroomSearchSchema = z
  .object({
    q: query,
    type: z.preprocess(emptyAsAbsent, choice(SEARCH_KINDS, "kind of record").optional()),
    dossier: z.preprocess(emptyAsAbsent, id("dossier").optional()),
    /** A verdict key, or "unchecked" (claims not yet checked). */
    verdict: z.preprocess(emptyAsAbsent, verdictKey.optional()),
    from: day("“From”"),
    to: day("“To”"),
    page: pageNumber(1, 500, "The page"),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "“From” must not be after “To”.", path: ["to"] });
export type NewsroomSearchInput = z.input<typeof NewsroomSearchSchema>;

/** The readers' search over published dossiers. */
export const ReaderSearchSchema = z.object({
  q: query,
  type: z.preprocess(emptyAsAbsent, choice(["claim", "passage", "source", "quote", "question", "event"], "kind of record").optional()),
  page: pageNumber(1, 500, "The page"),
});
export type ReaderSearchInput = z.input<typeof ReaderSearchSchema>;

/** "Seen before": claims of other dossiers like this wording. */
export const SimilarClaimsSchema = z.object({
  text: z.preprocess((v) => (v == null ? "" : v), safeString("The claim").trim().max(2000, "The claim must be at most 2000 characters.")),
  /** The dossier the claim is made in (its own claims are not "seen before"). */
  dossierId: z.preprocess(emptyAsAbsent, id("dossier").optional()),
});
export type SimilarClaimsInput = z.input<typeof SimilarClaimsSchema>;
