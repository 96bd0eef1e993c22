// The newsroom's view of a claim's fact-check record as one story, oldest first: every proposal
// made, every verdict decided (directly or by accepting a proposal), and every proposal closed
// without becoming the verdict (rejected, withdrawn, superseded). Readers see only the decisions
// (lib/server/reader); the newsroom sees how each was reached.
import type { CheckedState } from "./recheck";

export interface TimelinePerson {
  id: string;
  name: string;
}

export interface TimelineChange {
  id: string;
  /** "recheck": the verdict confirmed after the claim's text or evidence changed. */
  kind: "verdict" | "recheck";
  /** What the decision checked (lib/domain/recheck.ts); null when not recorded. */
  checked: CheckedState | null;
  fromVerdict: string | null;
  toVerdict: string | null;
  rationale: string;
  evidenceIds: string[];
  /** Set when the dossier had been published: readers see it in the corrections log. */
  correctionNote: string | null;
  /** The proposal this change accepted, if any. */
  proposalId: string | null;
  actor: TimelinePerson | null;
  createdAt: string;
}

export interface TimelineProposal {
  id: string;
  verdict: string;
  rationale: string;
  evidenceIds: string[];
  /** pending | accepted | rejected | withdrawn | superseded */
  status: string;
  proposedBy: TimelinePerson;
  decidedBy: TimelinePerson | null;
  decisionReason: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export type DeskTimelineEntry =
  | { kind: "proposed"; at: string; proposal: TimelineProposal }
  /** A verdict decision; `proposal` is the one it accepted, if any. */
  | { kind: "decided"; at: string; change: TimelineChange; proposal: TimelineProposal | null }
  | { kind: "closed"; at: string; outcome: "rejected" | "withdrawn" | "superseded"; proposal: TimelineProposal };

const CLOSED = new Set(["rejected", "withdrawn", "superseded"]);

/**
 * At one instant several things can happen together; they are told in the order they make sense:
 * a proposal withdrawn or rejected, then the one replacing it, then the decision, then a proposal
 * that decision superseded.
 */
function rank(entry: DeskTimelineEntry): number {
  if (entry.kind === "closed") return entry.outcome === "superseded" ? 3 : 0;
  return entry.kind === "proposed" ? 1 : 2;
}

export function deskTimeline(changes: readonly TimelineChange[], proposals: readonly TimelineProposal[]): DeskTimelineEntry[] {
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const entries: DeskTimelineEntry[] = [
    ...proposals.map((proposal): DeskTimelineEntry => ({ kind: "proposed", at: proposal.createdAt, proposal })),
    ...changes.map((change): DeskTimelineEntry => ({
      kind: "decided",
      at: change.createdAt,
      change,
      proposal: change.proposalId ? (byId.get(change.proposalId) ?? null) : null,
    })),
    ...proposals.flatMap((proposal): DeskTimelineEntry[] =>
      CLOSED.has(proposal.status) ? [{ kind: "closed", at: proposal.decidedAt ?? proposal.createdAt, outcome: proposal.status as "rejected" | "withdrawn" | "superseded", proposal }] : [],
    ),
  ];
  // Stable: entries of the same kind keep the order they were given in (oldest first).
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || rank(a.entry) - rank(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}
