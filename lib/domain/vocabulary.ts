// Closed vocabularies of the data model. The database stores these as strings (portable across
// SQLite and PostgreSQL); zod schemas and domain rules use these lists.

export const DOSSIER_STATUSES = ["draft", "published"] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const SOURCE_KINDS = [
  "document",
  "official-record",
  "person",
  "organisation",
  "web-page",
  "press-article",
  "dataset",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const RELIABILITIES = ["high", "medium", "low", "unknown"] as const;
export type Reliability = (typeof RELIABILITIES)[number];

export const STANCES = ["supports", "contradicts", "context"] as const;
export type Stance = (typeof STANCES)[number];

export const ENTITY_KINDS = ["person", "organisation"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const QUESTION_STATUSES = ["open", "answered", "dropped"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const EVENT_CERTAINTIES = ["happened", "reported", "expected"] as const;
export type EventCertainty = (typeof EVENT_CERTAINTIES)[number];

export const REVIEW_STATES = ["unreviewed", "proposed", "reviewed"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const ANCHOR_STATUSES = ["anchored", "orphaned"] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/**
 * "superseded": an editor set the claim's verdict directly while the proposal was pending, so it
 * was neither accepted nor rejected on its merits (docs/fact-checking.md).
 */
export const PROPOSAL_STATUSES = ["pending", "accepted", "rejected", "withdrawn", "superseded"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Languages the content may be written in (BCP 47 primary tags). */
export const CONTENT_LANGUAGES = ["fr", "en"] as const;
