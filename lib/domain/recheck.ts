// No verdict outlives the text it checked. Every verdict decision records what it checked — the
// claim's wording, its passage, how many times it was re-attached by hand, and the evidence it
// cites (source, stance, excerpt) — and a claim *needs a re-check* whenever what it is now differs
// from that record in words (typography aside, lib/domain/text-normalization.ts). The state is
// derived from this comparison, never stored as a flag that could drift: a save that changes the
// words back clears it, and only a new decision (a verdict set, a proposal accepted, a re-check
// confirmed) records a new baseline.
import { sameWords } from "./text-normalization";

/** The version of the record's shape (stored as JSON with each decision). */
export const CHECKED_FORMAT = 1;

export interface CheckedEvidence {
  id: string;
  sourceId: string;
  /** supports | contradicts | context */
  stance: string;
  excerpt: string;
}

/** What one verdict decision checked (VerdictChange.checked). */
export interface CheckedState {
  format: typeof CHECKED_FORMAT;
  claimText: string;
  /** The passage of the article the claim was anchored to. */
  passage: string;
  /** Claim.anchorRevision: each re-attachment to a passage by hand counts one. */
  anchorRevision: number;
  /** The evidence the decision cites, as it was. */
  evidence: CheckedEvidence[];
}

/** The claim as it is now. */
export interface ClaimNow {
  text: string;
  passage: string;
  anchorRevision: number;
  /** Every evidence link of the claim now. */
  evidence: CheckedEvidence[];
}

export type RecheckChange =
  | { reason: "wording"; before: string; after: string }
  | { reason: "passage"; before: string; after: string }
  | { reason: "reattached" }
  | { reason: "evidence-removed"; evidenceId: string; before: CheckedEvidence }
  | { reason: "evidence-changed"; evidenceId: string; fields: ("source" | "stance" | "excerpt")[]; before: CheckedEvidence; after: CheckedEvidence };

export type RecheckReason = RecheckChange["reason"];

/** The record a decision stores: the claim now, with the evidence it cites. */
export function checkedStateOf(claim: ClaimNow, citedEvidenceIds: readonly string[]): CheckedState {
  const cited = new Set(citedEvidenceIds);
  return {
    format: CHECKED_FORMAT,
    claimText: claim.text,
    passage: claim.passage,
    anchorRevision: claim.anchorRevision,
    evidence: claim.evidence.filter((e) => cited.has(e.id)).map((e) => ({ id: e.id, sourceId: e.sourceId, stance: e.stance, excerpt: e.excerpt })),
  };
}

/**
 * What changed since the decision, in the order an editor reads it. Empty: the verdict still
 * applies. A decision without a record (made before records were kept) cannot be compared: it is
 * taken as applying to the claim as it is.
 */
export function recheckChanges(checked: CheckedState | null, now: ClaimNow): RecheckChange[] {
  if (!checked) return [];
  const changes: RecheckChange[] = [];
  if (!sameWords(checked.claimText, now.text)) changes.push({ reason: "wording", before: checked.claimText, after: now.text });
  if (!sameWords(checked.passage, now.passage)) changes.push({ reason: "passage", before: checked.passage, after: now.passage });
  if (checked.anchorRevision !== now.anchorRevision) changes.push({ reason: "reattached" });
  const current = new Map(now.evidence.map((e) => [e.id, e]));
  for (const before of checked.evidence) {
    const after = current.get(before.id);
    if (!after) {
      changes.push({ reason: "evidence-removed", evidenceId: before.id, before });
      continue;
    }
    const fields: ("source" | "stance" | "excerpt")[] = [];
    if (after.sourceId !== before.sourceId) fields.push("source");
    if (after.stance !== before.stance) fields.push("stance");
    if (!sameWords(after.excerpt, before.excerpt)) fields.push("excerpt");
    if (fields.length) changes.push({ reason: "evidence-changed", evidenceId: before.id, fields, before, after });
  }
  return changes;
}

/** Reads a stored record; anything unreadable or of an unknown format counts as no record. */
export function parseChecked(json: string | null | undefined): CheckedState | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Partial<CheckedState>;
    if (value.format !== CHECKED_FORMAT || typeof value.claimText !== "string" || typeof value.passage !== "string" || !Array.isArray(value.evidence)) return null;
    return { format: CHECKED_FORMAT, claimText: value.claimText, passage: value.passage, anchorRevision: typeof value.anchorRevision === "number" ? value.anchorRevision : 0, evidence: value.evidence };
  } catch {
    return null;
  }
}

const REASON_WORDS: Record<RecheckReason, string> = {
  wording: "the claim was reworded",
  passage: "the words of its passage changed",
  reattached: "it was re-attached to another passage",
  "evidence-removed": "evidence its verdict cites was removed",
  "evidence-changed": "evidence its verdict cites was edited",
};

/** "the claim was reworded, and evidence its verdict cites was edited" */
export function describeRecheck(changes: readonly RecheckChange[]): string {
  const reasons = [...new Set(changes.map((c) => REASON_WORDS[c.reason]))];
  if (reasons.length <= 1) return reasons[0] ?? "";
  return `${reasons.slice(0, -1).join(", ")} and ${reasons[reasons.length - 1]}`;
}
