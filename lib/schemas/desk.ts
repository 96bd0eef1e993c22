// Inputs of the claims desk (lib/server/desk/*): filters come from a query string, so empty
// values mean "all" and numbers may arrive as text.
import { z } from "zod";
import { REVIEW_STATES } from "@/lib/domain/vocabulary";
import { choice, emptyAsAbsent, id, pageNumber, verdictKey } from "./fields";

/** The verdict filter's value for claims with no verdict yet. */
export const UNCHECKED = "unchecked";

/** Claims needing attention beyond their verdict: a re-check of their verdict, or a lost passage. */
export const DESK_ATTENTION = ["recheck", "orphaned"] as const;

export const DESK_PAGE_SIZE = 25;
export const DESK_PAGE_SIZE_MAX = 100;

/** The claims desk's filters and page (list-desk-claims.ts). */
export const DeskClaimFiltersSchema = z.object({
  /** A verdict key of the vocabulary, or "unchecked" (not yet checked). */
  verdict: z.preprocess(emptyAsAbsent, verdictKey.optional()),
  reviewState: z.preprocess(emptyAsAbsent, choice(REVIEW_STATES, "review state").optional()),
  dossierId: z.preprocess(emptyAsAbsent, id("dossier").optional()),
  /** A user id, "me" (the person asking) or "unassigned". */
  assignee: z.preprocess(emptyAsAbsent, id("assignee").optional()),
  /** "recheck": verdicts given on other words, passage or evidence; "orphaned": claims that lost their passage. */
  attention: z.preprocess(emptyAsAbsent, choice(DESK_ATTENTION, "kind of attention").optional()),
  page: pageNumber(1, 100_000, "The page"),
  pageSize: pageNumber(DESK_PAGE_SIZE, DESK_PAGE_SIZE_MAX, "The page size"),
});
export type DeskClaimFilters = z.input<typeof DeskClaimFiltersSchema>;

/** Verification progress per dossier: all dossiers, or one (get-verification-progress.ts). */
export const VerificationProgressSchema = z.object({
  dossierId: z.preprocess(emptyAsAbsent, id("dossier").optional()),
});
export type VerificationProgressInput = z.infer<typeof VerificationProgressSchema>;
