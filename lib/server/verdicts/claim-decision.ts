import "server-only";
// What the verdict use cases share: reading a claim with its pending proposal, the optimistic
// version check, evidence that must belong to the claim, writing a verdict (set directly or by
// accepting a proposal: the same code, so the same effects) and the views they return.
// Not a use case: every function takes the caller's transaction.
import type { TimelineChange, TimelinePerson, TimelineProposal } from "@/lib/domain/desk-timeline";
import { AppError } from "@/lib/domain/errors";
import { checkedStateOf, parseChecked } from "@/lib/domain/recheck";
import { nextReviewState, type ReviewEvent } from "@/lib/domain/verdict-rules";
import type { ReviewState } from "@/lib/domain/vocabulary";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserActor } from "../actor";
import type { Tx } from "../db";
import { archivedError } from "../newsroom/scope";
import { enqueueVerdictChanged } from "../webhooks/outbox";

export type PersonRef = TimelinePerson;

/** A verdict proposal as the newsroom sees it (the desk timeline's shape, plus its claim). */
export type ProposalView = TimelineProposal & { claimId: string };

/** An entry of a claim's verdict history as the newsroom sees it (with its claim). */
export type VerdictChangeView = TimelineChange & { claimId: string };

/** A claim's verdict as the desk shows it (dates as ISO strings: safe to hand to any component). */
export interface ClaimVerdictState {
  id: string;
  dossierId: string;
  text: string;
  /** null: not yet checked. */
  verdict: string | null;
  verdictRationale: string | null;
  verdictSetAt: string | null;
  reviewState: ReviewState;
  version: number;
}

/** The dossier a decision was made in, as its result names it (links, revalidation). */
export interface DossierLink {
  id: string;
  slug: string;
  title: string;
  status: string;
}

const person = { select: { id: true, name: true } } as const;

export const proposalSelect = {
  id: true,
  claimId: true,
  verdict: true,
  rationale: true,
  evidenceIds: true,
  status: true,
  proposedById: true,
  proposedBy: person,
  decidedBy: person,
  decisionReason: true,
  decidedAt: true,
  createdAt: true,
} satisfies Prisma.VerdictProposalSelect;
type ProposalRow = Prisma.VerdictProposalGetPayload<{ select: typeof proposalSelect }>;

export const verdictChangeSelect = {
  id: true,
  claimId: true,
  fromVerdict: true,
  toVerdict: true,
  rationale: true,
  evidenceIds: true,
  correctionNote: true,
  proposalId: true,
  kind: true,
  checked: true,
  actor: person,
  createdAt: true,
} satisfies Prisma.VerdictChangeSelect;
type VerdictChangeRow = Prisma.VerdictChangeGetPayload<{ select: typeof verdictChangeSelect }>;

const claimForDecisionSelect = {
  id: true,
  dossierId: true,
  text: true,
  verdict: true,
  verdictRationale: true,
  verdictSetAt: true,
  reviewState: true,
  version: true,
  authorId: true,
  dossier: { select: { id: true, slug: true, title: true, status: true, publishedAt: true } },
  // At most one is pending (propose-verdict keeps it so); ordered so the oldest would win anyway.
  proposals: { where: { status: "pending" }, orderBy: { createdAt: "asc" }, take: 1, select: proposalSelect },
} satisfies Prisma.ClaimSelect;
export type ClaimForDecision = Prisma.ClaimGetPayload<{ select: typeof claimForDecisionSelect }>;

/** The id lists stored as JSON (evidence of a verdict or proposal, claims blocking a publication). */
export const parseIds = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
};

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function toClaimState(c: Pick<ClaimForDecision, "id" | "dossierId" | "text" | "verdict" | "verdictRationale" | "verdictSetAt" | "reviewState" | "version">): ClaimVerdictState {
  return {
    id: c.id,
    dossierId: c.dossierId,
    text: c.text,
    verdict: c.verdict,
    verdictRationale: c.verdictRationale,
    verdictSetAt: iso(c.verdictSetAt),
    reviewState: c.reviewState as ReviewState,
    version: c.version,
  };
}

export function toProposalView(p: ProposalRow): ProposalView {
  return {
    id: p.id,
    claimId: p.claimId,
    verdict: p.verdict,
    rationale: p.rationale,
    evidenceIds: parseIds(p.evidenceIds),
    status: p.status,
    proposedBy: p.proposedBy,
    decidedBy: p.decidedBy,
    decisionReason: p.decisionReason,
    decidedAt: iso(p.decidedAt),
    createdAt: p.createdAt.toISOString(),
  };
}

export function toVerdictChangeView(c: VerdictChangeRow): VerdictChangeView {
  const { checked, ...rest } = c;
  return { ...rest, kind: c.kind === "recheck" ? "recheck" : "verdict", checked: parseChecked(checked), evidenceIds: parseIds(c.evidenceIds), createdAt: c.createdAt.toISOString() };
}

export function toDossierLink(d: ClaimForDecision["dossier"]): DossierLink {
  return { id: d.id, slug: d.slug, title: d.title, status: d.status };
}

export async function loadClaim(tx: Tx, claimId: string): Promise<ClaimForDecision> {
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: claimForDecisionSelect });
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist (it may have been deleted).");
  // The desk never decides on a claim of an archived dossier (restore the dossier first).
  const { archivedAt } = await tx.dossier.findUniqueOrThrow({ where: { id: claim.dossierId }, select: { archivedAt: true } });
  if (archivedAt) throw archivedError(claim.dossier.slug);
  return claim;
}

function staleClaim(claim: ClaimForDecision, yours: number | null): AppError {
  return new AppError(
    "CONFLICT",
    `This claim changed since you opened it${yours === null ? "" : ` (you had version ${yours}, it is now at ${claim.version})`}. Look at its current state, then decide again.`,
    { details: { current: toClaimState(claim), pendingProposal: claim.proposals[0] ? toProposalView(claim.proposals[0]) : null } },
  );
}

/**
 * A desk decision checks the claim version the person saw with assertVersion (newsroom/scope.ts),
 * like every other change: these are its arguments for a claim, and what a refusal says and shows.
 */
export function claimVersionCheck(claim: ClaimForDecision) {
  return {
    what: { label: "claim", entityType: "claim", entityId: claim.id },
    current: () => toClaimState(claim),
    options: {
      then: "Look at its current state, then decide again.",
      details: { pendingProposal: claim.proposals[0] ? toProposalView(claim.proposals[0]) : null },
    },
  };
}

/** The given evidence ids, each checked to be one of this claim's evidence links. */
export async function resolveEvidenceIds(tx: Tx, claimId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  // Scope in the where: an evidence id of another claim (or dossier) is simply not found.
  const found = await tx.evidence.findMany({ where: { id: { in: [...ids] }, claimId }, select: { id: true } });
  const known = new Set(found.map((e) => e.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const message =
      unknown.length === 1
        ? "One of the evidence links you chose is not attached to this claim (it may have been removed). Choose again."
        : `${unknown.length} of the evidence links you chose are not attached to this claim (they may have been removed). Choose again.`;
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { evidenceIds: [message] }, details: { unknownEvidenceIds: unknown } });
  }
  return [...ids];
}

/** The review state after an event, from the claim's actual pending proposal and verdict. */
export function reviewStateAfter(claim: ClaimForDecision, event: ReviewEvent, hasVerdictAfter: boolean): ReviewState {
  // A pending proposal is what makes a claim "proposed", whatever the stored column says (a
  // re-import, for one, rewrites reviewState without looking at proposals).
  const current: ReviewState = claim.proposals.length > 0 ? "proposed" : (claim.reviewState as ReviewState);
  const next = nextReviewState(current, event, { hasVerdict: hasVerdictAfter });
  if (!next.ok) throw new AppError(next.refusal.code, next.refusal.message, { details: { rule: next.refusal.rule } });
  return next.state;
}

/**
 * Updates the claim only if nobody changed it since it was read (same version), bumping the
 * version; a concurrent change makes the whole transaction fail with CONFLICT.
 */
export async function updateClaimIfCurrent(tx: Tx, claim: ClaimForDecision, data: Prisma.ClaimUpdateManyMutationInput): Promise<ClaimVerdictState> {
  const { count } = await tx.claim.updateMany({ where: { id: claim.id, version: claim.version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw staleClaim(await loadClaim(tx, claim.id), null);
  return toClaimState(await loadClaim(tx, claim.id));
}

/**
 * What a decision on the claim checks: its wording, passage and re-attachments now, and the
 * evidence it cites (lib/domain/recheck.ts). Stored with the decision, so the claim needs a
 * re-check as soon as any of it changes in words.
 */
export async function checkedNow(tx: Tx, claimId: string, evidenceIds: readonly string[]): Promise<string> {
  const now = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { text: true, anchorExact: true, anchorRevision: true, evidence: { orderBy: { createdAt: "asc" }, select: { id: true, sourceId: true, stance: true, excerpt: true } } },
  });
  return JSON.stringify(checkedStateOf({ text: now.text, passage: now.anchorExact, anchorRevision: now.anchorRevision, evidence: now.evidence }, evidenceIds));
}

/** Records a verdict: appends the history entry and updates the claim, at one instant. */
export async function writeVerdict(
  tx: Tx,
  user: UserActor,
  claim: ClaimForDecision,
  v: { verdict: string; rationale: string; evidenceIds: string[]; correctionNote: string | null; proposalId: string | null; event: "set" | "accept" | "recheck" },
): Promise<{ claim: ClaimVerdictState; change: VerdictChangeView }> {
  const now = new Date();
  // A re-check confirms the verdict and leaves a pending proposal pending (an editor decides it).
  const reviewState = v.event === "recheck" ? (claim.proposals.length > 0 ? "proposed" : "reviewed") : reviewStateAfter(claim, v.event, true);
  const checked = await checkedNow(tx, claim.id, v.evidenceIds);
  const after = await updateClaimIfCurrent(tx, claim, {
    verdict: v.verdict,
    verdictRationale: v.rationale,
    verdictSetAt: now,
    verdictSetById: user.id,
    reviewState,
  });
  const change = await tx.verdictChange.create({
    data: {
      claimId: claim.id,
      fromVerdict: claim.verdict,
      toVerdict: v.verdict,
      rationale: v.rationale,
      evidenceIds: JSON.stringify(v.evidenceIds),
      correctionNote: v.correctionNote,
      proposalId: v.proposalId,
      kind: v.event === "recheck" ? "recheck" : "verdict",
      checked,
      actorId: user.id,
      createdAt: now,
    },
    select: verdictChangeSelect,
  });
  // The outbox: webhook subscribers learn of a new verdict in this same transaction (not of a re-check).
  if (v.event !== "recheck") {
    await enqueueVerdictChanged(
      tx,
      { id: claim.dossier.id, slug: claim.dossier.slug, title: claim.dossier.title, published: claim.dossier.status === "published" },
      { id: claim.id, text: claim.text, fromVerdict: claim.verdict, toVerdict: v.verdict },
      now,
    );
  }
  return { claim: after, change: toVerdictChangeView(change) };
}

/** A short quotation of the claim for messages. */
export function claimExcerpt(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
