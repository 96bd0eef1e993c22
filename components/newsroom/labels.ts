// Words the newsroom UI shows for the data model's closed vocabularies.
import { CONTENT_LANGUAGES, ENTITY_KINDS, EVENT_CERTAINTIES, QUESTION_STATUSES, RELIABILITIES, REVIEW_STATES, SOURCE_KINDS, STANCES } from "@/lib/domain/vocabulary";
import { ROLES } from "@/lib/domain/permissions";
import { en } from "@/lib/i18n/catalogs/en";

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((value) => ({ value, label: labels[value] }));

export const LANGUAGE_LABELS: Record<(typeof CONTENT_LANGUAGES)[number], string> = { fr: "French", en: "English" };
/** Source kinds and stances read as on the reader's side: one English wording, in the catalog (decision 112). */
const fromCatalog = <K extends string>(keys: readonly K[], words: Record<string, string>) => Object.fromEntries(keys.map((k) => [k, words[k] ?? k])) as Record<K, string>;
export const SOURCE_KIND_LABELS = fromCatalog(SOURCE_KINDS, en.sources.kinds);
export const RELIABILITY_LABELS: Record<(typeof RELIABILITIES)[number], string> = { high: "High", medium: "Medium", low: "Low", unknown: "Unknown" };
export const STANCE_LABELS = fromCatalog(STANCES, en.claimPage.stances);
export const ENTITY_KIND_LABELS: Record<(typeof ENTITY_KINDS)[number], string> = { person: "Person", organisation: "Organisation" };
export const QUESTION_STATUS_LABELS: Record<(typeof QUESTION_STATUSES)[number], string> = { open: "Open", answered: "Answered", dropped: "Dropped" };
export const CERTAINTY_LABELS: Record<(typeof EVENT_CERTAINTIES)[number], string> = { happened: "Happened", reported: "Reported", expected: "Expected" };
export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = { journalist: "Journalist", editor: "Editor", admin: "Admin" };
/** Where a claim stands at the fact-check desk (lib/domain/verdict-rules.ts reviewStateFor). */
export const REVIEW_STATE_LABELS: Record<(typeof REVIEW_STATES)[number], string> = { unreviewed: "Not reviewed", proposed: "Proposal pending", reviewed: "Reviewed" };
export const PROPOSAL_STATUS_LABELS: Record<string, string> = {
  pending: "Pending",
  accepted: "Accepted",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  superseded: "Superseded",
};
export const BLOCKING_REASON_LABELS: Record<string, string> = { "not-yet-checked": "not yet checked", "pending-proposal": "a proposal is pending", "needs-recheck": "needs a re-check (its verdict was given on other words or evidence)" };

export const LANGUAGE_OPTIONS = options(CONTENT_LANGUAGES, LANGUAGE_LABELS);
export const SOURCE_KIND_OPTIONS = options(SOURCE_KINDS, SOURCE_KIND_LABELS);
export const RELIABILITY_OPTIONS = options(RELIABILITIES, RELIABILITY_LABELS);
export const STANCE_OPTIONS = options(STANCES, STANCE_LABELS);
export const ENTITY_KIND_OPTIONS = options(ENTITY_KINDS, ENTITY_KIND_LABELS);
export const QUESTION_STATUS_OPTIONS = options(QUESTION_STATUSES, QUESTION_STATUS_LABELS);
export const CERTAINTY_OPTIONS = options(EVENT_CERTAINTIES, CERTAINTY_LABELS);
export const ROLE_OPTIONS = options(ROLES, ROLE_LABELS);
export const REVIEW_STATE_OPTIONS = options(REVIEW_STATES, REVIEW_STATE_LABELS);

export const label = (labels: Record<string, string>, key: string | null | undefined): string => (key ? (labels[key] ?? key) : "");

/** In British English unless a page in the member's language passes its Intl locale (INTL_LOCALE). */
export function formatDateTime(iso: string, intlLocale = "en-GB"): string {
  return new Date(iso).toLocaleString(intlLocale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
