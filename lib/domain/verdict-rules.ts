// The fact-check desk's rules (issue 5), pure: who may propose or set which verdict, evidence,
// four eyes, corrections after publication, review-state transitions and the publish gate.
// lib/server applies them inside its transactions; docs/fact-checking.md explains them to a
// newsroom. The verdict vocabulary is configurable, so every rule that needs it takes it as a
// parameter (the installation's comes from verdictVocabulary() in lib/config).
import { AppError } from "./errors";
import { CLAIMREVIEW_SCALE, findVerdict, type VerdictDefinition } from "./verdicts";
import type { ReviewState } from "./vocabulary";

/**
 * The person acting at the desk: rules only need who they are. Whether their role may do it at
 * all is the use case's one permission check (requirePermission), made before these rules run.
 */
export interface DeskPerson {
  id: string;
}

export type RuleName =
  | "unknown-verdict"
  | "rationale-required"
  | "evidence-required"
  | "four-eyes"
  | "correction-note-required"
  | "own-proposal"
  | "proposal-pending"
  | "proposal-closed"
  | "reason-required"
  | "not-proposer"
  | "review-transition"
  | "publish-blocked"
  | "override-reason-required"
  | "override-outdated"
  | "recheck-not-needed"
  | "note-required"
  | "nothing-to-publish"
  | "working-copy-changed";

export interface Refusal {
  rule: RuleName;
  code: "FORBIDDEN" | "RULE_VIOLATION" | "INVALID_INPUT" | "CONFLICT";
  message: string;
  /** The form field the person can fix, when there is one. */
  field?: string;
}

// ───────────────────────────── The vocabulary's rules ─────────────────────────────

/** Verdicts that may only be given with at least one evidence link (the vocabulary says which). */
export function verdictNeedsEvidence(verdict: string, vocabulary: readonly VerdictDefinition[]): boolean {
  return findVerdict(verdict, vocabulary)?.needsEvidence ?? false;
}

/**
 * Four eyes: verdicts the claim's own author may not give. The vocabulary may say so per verdict
 * (`fourEyes`); otherwise the two ends of the scale need a second person, because they are the
 * verdicts that settle a claim ("verified" and "false" in the default vocabulary).
 */
export function verdictNeedsSecondPerson(definition: Pick<VerdictDefinition, "rating" | "fourEyes">): boolean {
  return definition.fourEyes ?? (definition.rating === CLAIMREVIEW_SCALE.best || definition.rating === CLAIMREVIEW_SCALE.worst);
}

/**
 * A verdict decision needs a correction note once readers may have seen the claim: while the
 * dossier is published, and also after it was unpublished (publishedAt is kept), otherwise
 * "unpublish, change the verdict, republish" would change what readers were told without a trace.
 */
export function correctionNoteRequired(dossier: { status: string; publishedAt: Date | string | null }): boolean {
  return dossier.status === "published" || dossier.publishedAt !== null;
}

const blank = (text: string | null | undefined): boolean => !text || text.trim() === "";

function unknownVerdict(verdict: string, vocabulary: readonly VerdictDefinition[]): Refusal {
  return {
    rule: "unknown-verdict",
    code: "INVALID_INPUT",
    field: "verdict",
    message: `"${verdict}" is not a verdict of this newsroom (choose one of: ${vocabulary.map((v) => v.key).join(", ")}).`,
  };
}

// ───────────────────────────── Setting a verdict ─────────────────────────────

export interface VerdictDecision {
  decider: DeskPerson;
  /** "direct": the editor sets it; "proposal": the editor accepts someone's proposal. */
  via: "direct" | "proposal";
  verdict: string;
  rationale: string;
  /** Evidence links of this claim the decision rests on (already checked to belong to it). */
  evidenceCount: number;
  claim: { authorId: string | null };
  dossier: { status: string; publishedAt: Date | string | null };
  correctionNote?: string | null;
}

/**
 * Every reason this decision may not be recorded, most fundamental first. An empty list means it
 * may. Four eyes covers accepting a proposal too: the author accepting a "verified" proposal on
 * their own claim is the author marking it verified.
 */
export function checkVerdictDecision(d: VerdictDecision, vocabulary: readonly VerdictDefinition[]): Refusal[] {
  const definition = findVerdict(d.verdict, vocabulary);
  if (!definition) return [unknownVerdict(d.verdict, vocabulary)];

  const refusals: Refusal[] = [];
  const label = definition.label.en;
  if (d.claim.authorId !== null && d.claim.authorId === d.decider.id && verdictNeedsSecondPerson(definition)) {
    // Nothing else matters if this person may not decide at all: say only that.
    return [
      {
        rule: "four-eyes",
        code: "FORBIDDEN",
        // Choosing another verdict is what the person can still do; accepting has no field.
        ...(d.via === "direct" ? { field: "verdict" } : {}),
        message:
          d.via === "direct"
            ? `You wrote this claim, so you cannot mark it "${label}": another editor must (four eyes).`
            : `You wrote this claim, so you cannot accept a proposal to mark it "${label}": another editor must (four eyes).`,
      },
    ];
  }
  if (blank(d.rationale)) {
    refusals.push({
      rule: "rationale-required",
      code: "INVALID_INPUT",
      ...(d.via === "direct" ? { field: "rationale" } : {}),
      message: "Write the rationale: readers see why the claim got this verdict.",
    });
  }
  if (definition.needsEvidence && d.evidenceCount < 1) {
    refusals.push({
      rule: "evidence-required",
      code: "RULE_VIOLATION",
      ...(d.via === "direct" ? { field: "evidenceIds" } : {}),
      message:
        d.via === "direct"
          ? `"${label}" needs at least one evidence link: choose the evidence the verdict rests on.`
          : `"${label}" needs at least one evidence link, and none of the proposal's evidence is still attached to the claim. Reject it, or set the verdict yourself with evidence.`,
    });
  }
  if (correctionNoteRequired(d.dossier) && blank(d.correctionNote)) {
    refusals.push({
      rule: "correction-note-required",
      code: "RULE_VIOLATION",
      field: "correctionNote",
      message: "This dossier has been published: write a correction note. Readers see it, dated, in the corrections log.",
    });
  }
  return refusals;
}

// ───────────────────────────── Re-checks ─────────────────────────────

export interface RecheckConfirmation {
  decider: DeskPerson;
  /** The claim needs a re-check now (lib/domain/recheck.ts). */
  needsRecheck: boolean;
  /** The claim's current verdict, confirmed as it is. */
  verdict: string | null;
  rationale: string;
  previousRationale: string | null;
  evidenceCount: number;
  claim: { authorId: string | null };
  dossier: { status: string; publishedAt: Date | string | null };
  correctionNote?: string | null;
}

/**
 * An editor confirms a claim's verdict after its text or evidence changed: the same rules as
 * setting it (evidence, four eyes), on a claim that needs a re-check. Keeping the rationale
 * corrects nothing readers were told, so no correction note is needed; amending it on a published
 * dossier is a correction like any other and needs one. To change the verdict, set a new one.
 */
export function checkRecheckConfirmation(d: RecheckConfirmation, vocabulary: readonly VerdictDefinition[]): Refusal[] {
  if (!d.needsRecheck || d.verdict === null) {
    return [{ rule: "recheck-not-needed", code: "CONFLICT", message: d.verdict === null ? "This claim has no verdict to confirm: set one." : "This claim does not need a re-check: its verdict was given on its current text and evidence." }];
  }
  const amended = (d.previousRationale ?? "").trim() !== d.rationale.trim();
  return checkVerdictDecision(
    { decider: d.decider, via: "direct", verdict: d.verdict, rationale: d.rationale, evidenceCount: d.evidenceCount, claim: d.claim, dossier: d.dossier, correctionNote: d.correctionNote },
    vocabulary,
  ).filter((r) => amended || r.rule !== "correction-note-required");
}

// ───────────────────────────── Imported verdicts ─────────────────────────────

/** A verdict as content files record it (lib/schemas/content.ts). */
export interface FileVerdict {
  status: string;
  rationale: string;
  /** YYYY-MM-DD */
  decidedAt: string;
  decidedBy?: string;
  correctionNote?: string | null;
}

/**
 * The newsroom's verdict rules, applied to the verdicts of a claim in content files: evidence for
 * verdicts that need it, four eyes (the claim's author cannot give verified or false), and the
 * corrections rule — once the dossier has been published (`publishedAt`, whatever its status now),
 * every verdict decided after that day needs a correction note, the first one included: readers
 * would otherwise be shown a correction without a word of explanation.
 */
export function importedVerdictRefusals(
  claim: { author?: string; evidence: readonly unknown[]; verdicts: readonly FileVerdict[] },
  dossier: { publishedAt: string | null },
  vocabulary: readonly VerdictDefinition[],
): { index: number; field: "status" | "decidedBy" | "correctionNote"; message: string }[] {
  const out: { index: number; field: "status" | "decidedBy" | "correctionNote"; message: string }[] = [];
  claim.verdicts.forEach((v, index) => {
    const definition = findVerdict(v.status, vocabulary);
    if (!definition) return; // reported by the loader, with the vocabulary's keys
    if (definition.needsEvidence && claim.evidence.length === 0) out.push({ index, field: "status", message: `"${v.status}" needs at least one evidence entry on the claim` });
    if (claim.author && v.decidedBy && claim.author === v.decidedBy && verdictNeedsSecondPerson(definition)) {
      out.push({ index, field: "decidedBy", message: `${v.decidedBy} wrote this claim, so cannot mark it "${definition.label.en}": another editor must (four eyes)` });
    }
    if (dossier.publishedAt && v.decidedAt > dossier.publishedAt && blank(v.correctionNote)) {
      out.push({ index, field: "correctionNote", message: `decided after the dossier's publication (${dossier.publishedAt}): a correction note for readers is required` });
    }
  });
  return out;
}

// ───────────────────────────── Proposals ─────────────────────────────

export interface VerdictProposalDraft {
  proposer: DeskPerson;
  verdict: string;
  rationale: string;
  evidenceCount: number;
}

/** A proposal must be acceptable as it stands: same vocabulary, rationale and evidence rules. */
export function checkProposal(p: VerdictProposalDraft, vocabulary: readonly VerdictDefinition[]): Refusal[] {
  const definition = findVerdict(p.verdict, vocabulary);
  if (!definition) return [unknownVerdict(p.verdict, vocabulary)];
  const refusals: Refusal[] = [];
  if (blank(p.rationale)) {
    refusals.push({ rule: "rationale-required", code: "INVALID_INPUT", field: "rationale", message: "Write the rationale for your proposal." });
  }
  if (definition.needsEvidence && p.evidenceCount < 1) {
    refusals.push({
      rule: "evidence-required",
      code: "RULE_VIOLATION",
      field: "evidenceIds",
      message: `"${definition.label.en}" needs at least one evidence link: choose the evidence your proposal rests on.`,
    });
  }
  return refusals;
}

export interface ProposalState {
  status: string;
  proposedById: string;
}

function closedProposal(status: string): Refusal {
  return { rule: "proposal-closed", code: "CONFLICT", message: `This proposal is no longer pending (it was ${status}).` };
}

/** Accept or reject: an editor, not the proposer, on a pending proposal; a rejection says why. */
export function checkProposalDecision(d: {
  decider: DeskPerson;
  proposal: ProposalState;
  decision: "accept" | "reject";
  reason?: string | null;
}): Refusal[] {
  if (d.proposal.status !== "pending") return [closedProposal(d.proposal.status)];
  if (d.proposal.proposedById === d.decider.id) {
    // A proposal asks someone else to look: deciding one's own would defeat that.
    return [
      {
        rule: "own-proposal",
        code: "FORBIDDEN",
        message: "You made this proposal, so another editor must decide it. You can withdraw it, or set the verdict directly.",
      },
    ];
  }
  if (d.decision === "reject" && blank(d.reason)) {
    return [{ rule: "reason-required", code: "INVALID_INPUT", field: "reason", message: "Say why you reject the proposal: the journalist sees your reason." }];
  }
  return [];
}

/** Only the proposer withdraws; an editor rejects instead. */
export function checkWithdrawal(d: { person: DeskPerson; proposal: ProposalState }): Refusal[] {
  if (d.proposal.status !== "pending") return [closedProposal(d.proposal.status)];
  if (d.proposal.proposedById !== d.person.id) {
    return [{ rule: "not-proposer", code: "FORBIDDEN", message: "Only the person who made a proposal can withdraw it; an editor can reject it." }];
  }
  return [];
}

/** The pending proposal a new one meets: who made it, and what it proposes (for the message). */
export interface PendingProposal {
  proposedById: string;
  proposerName: string;
  verdictLabel: string;
}

/**
 * One pending proposal per claim: the proposer's own is replaced by their new one (a revision),
 * someone else's blocks a new one until an editor decides it or its author withdraws it, so no
 * proposal silently buries another.
 */
export function pendingProposalRefusal(d: { proposer: DeskPerson; pending: PendingProposal | null }): Refusal | null {
  if (!d.pending || d.pending.proposedById === d.proposer.id) return null;
  return {
    rule: "proposal-pending",
    code: "CONFLICT",
    message: `${d.pending.proposerName} already proposed “${d.pending.verdictLabel}” for this claim. Wait for an editor's decision, or ask them to withdraw it.`,
  };
}

/** What a person may do at a claim's desk (the claim page shows exactly these forms). */
export interface ClaimDeskAbilities {
  /** They wrote the claim: four eyes applies to their decisions on it. */
  isAuthor: boolean;
  /** The pending proposal is theirs (they may revise or withdraw it). */
  pendingIsMine: boolean;
  /** Set the verdict directly (and confirm it after a re-check). */
  setVerdict: boolean;
  /** Propose a verdict, or revise their own pending proposal. */
  propose: boolean;
  /** Accept or reject the pending proposal (someone else's). */
  decide: boolean;
  /** Withdraw the pending proposal (their own). */
  withdraw: boolean;
}

/**
 * The desk's rules for one person and one claim, as the forms need them. The role's permissions
 * come from the caller (the use case: requirePermission's table, API-token scope included); the
 * rest is the rules the use cases apply: own proposal (checkProposalDecision, checkWithdrawal),
 * someone else's pending proposal (pendingProposalRefusal).
 */
export function claimDeskAbilities(d: {
  person: DeskPerson;
  permissions: { setVerdict: boolean; propose: boolean };
  claim: { authorId: string | null };
  pending: { proposedById: string } | null;
}): ClaimDeskAbilities {
  const pendingIsMine = d.pending !== null && d.pending.proposedById === d.person.id;
  const blocked = d.pending !== null && pendingProposalRefusal({ proposer: d.person, pending: { ...d.pending, proposerName: "", verdictLabel: "" } }) !== null;
  return {
    isAuthor: d.claim.authorId !== null && d.claim.authorId === d.person.id,
    pendingIsMine,
    setVerdict: d.permissions.setVerdict,
    propose: d.permissions.propose && !blocked,
    decide: d.permissions.setVerdict && d.pending !== null && !pendingIsMine,
    withdraw: d.permissions.propose && pendingIsMine,
  };
}

// ───────────────────────────── Review state ─────────────────────────────

export type ReviewEvent = "propose" | "set" | "accept" | "reject" | "withdraw";

/**
 * unreviewed → proposed → reviewed. A direct verdict reviews the claim from any state; closing a
 * proposal without accepting it (rejected, withdrawn) returns the claim to where it was: reviewed
 * if it has a verdict, unreviewed if not.
 */
export function nextReviewState(
  current: ReviewState,
  event: ReviewEvent,
  claim: { hasVerdict: boolean },
): { ok: true; state: ReviewState } | { ok: false; refusal: Refusal } {
  switch (event) {
    case "propose":
      return { ok: true, state: "proposed" };
    case "set":
      return { ok: true, state: "reviewed" };
    case "accept":
    case "reject":
    case "withdraw":
      if (current !== "proposed") {
        return {
          ok: false,
          refusal: { rule: "review-transition", code: "CONFLICT", message: `This claim has no pending proposal to ${event} (it is ${current}).` },
        };
      }
      if (event === "accept") return { ok: true, state: "reviewed" };
      return { ok: true, state: claim.hasVerdict ? "reviewed" : "unreviewed" };
  }
}

/**
 * The review state a claim's facts imply: "proposed" while a proposal is pending, otherwise
 * "reviewed" once it has a verdict. The desk keeps Claim.reviewState equal to this; readers of
 * the data (the desk list, progress) use it so a stale column cannot mislead them.
 */
export function reviewStateFor(claim: { hasVerdict: boolean; hasPendingProposal: boolean }): ReviewState {
  if (claim.hasPendingProposal) return "proposed";
  return claim.hasVerdict ? "reviewed" : "unreviewed";
}

// ───────────────────────────── The publish gate ─────────────────────────────

export type BlockingReason = "not-yet-checked" | "pending-proposal" | "needs-recheck";

export interface GateClaim {
  id: string;
  verdict: string | null;
  hasPendingProposal: boolean;
  /** Its verdict was given on other words, passage or evidence (lib/domain/recheck.ts). */
  needsRecheck: boolean;
}

type GateFacts = Pick<GateClaim, "verdict" | "hasPendingProposal" | "needsRecheck">;

/** Why a claim keeps its dossier from being published (empty: it does not). */
export function blockingReasons(claim: GateFacts): BlockingReason[] {
  const reasons: BlockingReason[] = [];
  if (claim.verdict === null) reasons.push("not-yet-checked");
  else if (claim.needsRecheck) reasons.push("needs-recheck");
  if (claim.hasPendingProposal) reasons.push("pending-proposal");
  return reasons;
}

export const isBlocking = (claim: GateFacts): boolean => blockingReasons(claim).length > 0;

/** The claims that block publication, in the order given, each with its reasons. */
export function publishGate<T extends GateClaim>(claims: readonly T[]): { ready: boolean; blocking: (T & { reasons: BlockingReason[] })[] } {
  const blocking = claims.flatMap((c) => {
    const reasons = blockingReasons(c);
    return reasons.length ? [{ ...c, reasons }] : [];
  });
  return { ready: blocking.length === 0, blocking };
}

/** What an empty dossier lacks before it can be called ready to publish. */
export type MissingContent = "article" | "claims";

/**
 * An empty dossier is not ready to publish (docs/decisions/111): it needs article text (not only
 * spaces) and at least one claim, since a dossier is an article with the claims behind it. The
 * publish gate above judges the claims it has; this says what is not there at all.
 */
export function missingContent(d: { body: string; claimCount: number }): MissingContent[] {
  const missing: MissingContent[] = [];
  if (blank(d.body)) missing.push("article");
  if (d.claimCount === 0) missing.push("claims");
  return missing;
}

export interface PublishOverride {
  reason: string;
  /** The blocking claims the editor was shown when deciding to override. */
  blockingClaimIds: readonly string[];
}

/**
 * Publishing is refused while claims block it, unless an editor overrides with a written reason.
 * An override covers the blocking claims the editor saw: a claim that started blocking since then
 * refuses the publication, so nobody overrides what they did not see.
 */
export function checkPublication(d: { blocking: readonly { id: string }[]; override?: PublishOverride | null }): { ok: true; overridden: boolean } | { ok: false; refusal: Refusal; unacknowledgedClaimIds: string[] } {
  if (d.blocking.length === 0) return { ok: true, overridden: false };
  const n = d.blocking.length;
  const claims = n === 1 ? "1 claim is" : `${n} claims are`;
  if (!d.override) {
    return {
      ok: false,
      refusal: {
        rule: "publish-blocked",
        code: "RULE_VIOLATION",
        message: `This dossier cannot be published yet: ${claims} not yet checked, waiting for a re-check or with a pending proposal. Review them, or override with a written reason.`,
      },
      unacknowledgedClaimIds: d.blocking.map((c) => c.id),
    };
  }
  if (blank(d.override.reason)) {
    return {
      ok: false,
      refusal: { rule: "override-reason-required", code: "INVALID_INPUT", field: "overrideReason", message: "Write why you publish despite the blocking claims: the reason is recorded." },
      unacknowledgedClaimIds: [],
    };
  }
  const seen = new Set(d.override.blockingClaimIds);
  const unacknowledged = d.blocking.filter((c) => !seen.has(c.id)).map((c) => c.id);
  if (unacknowledged.length > 0) {
    return {
      ok: false,
      refusal: {
        rule: "override-outdated",
        code: "CONFLICT",
        message: `${unacknowledged.length === 1 ? "A claim has" : `${unacknowledged.length} claims have`} started blocking publication since you looked. Review the list again before overriding.`,
      },
      unacknowledgedClaimIds: unacknowledged,
    };
  }
  return { ok: true, overridden: true };
}

/**
 * An update after the first publication carries the editor's note when readers are told something
 * different about a claim (lib/domain/published-version.ts noteRequirement); the first
 * publication needs none.
 */
export function checkUpdateNote(d: { firstPublication: boolean; noteRequired: boolean; note: string | null | undefined; reasons?: readonly string[] }): Refusal | null {
  if (d.firstPublication || !d.noteRequired || !blank(d.note)) return null;
  const what = d.reasons?.length ? ` (${d.reasons.join("; ")})` : "";
  return {
    rule: "note-required",
    code: "INVALID_INPUT",
    field: "note",
    message: `Write the note for readers: this update changes what they are told about a claim${what}. It is shown with “Updated on …”.`,
  };
}

// ───────────────────────────── Refusals as errors ─────────────────────────────

/**
 * One AppError for a list of refusals: a FORBIDDEN or CONFLICT refusal stands alone (fixing
 * other fields would not help), next to its own field when it has one (four eyes: the verdict
 * chosen); otherwise every field problem is reported at once, so a form can show them all.
 */
export function refusalError(refusals: readonly Refusal[], details?: Record<string, unknown>): AppError {
  if (refusals.length === 0) throw new Error("refusalError needs at least one refusal");
  const alone = refusals.find((r) => r.code === "FORBIDDEN" || r.code === "CONFLICT");
  if (alone) {
    return new AppError(alone.code, alone.message, {
      ...(alone.field ? { fieldErrors: { [alone.field]: [alone.message] } } : {}),
      details: { rule: alone.rule, ...details },
    });
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const r of refusals) if (r.field) (fieldErrors[r.field] ??= []).push(r.message);
  const code = refusals.some((r) => r.code === "RULE_VIOLATION") ? "RULE_VIOLATION" : "INVALID_INPUT";
  return new AppError(code, refusals.map((r) => r.message).join(" "), {
    ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}),
    details: { rules: refusals.map((r) => r.rule), ...details },
  });
}

/** Throws the refusals' error, if any. */
export function assertNoRefusal(refusals: readonly Refusal[], details?: Record<string, unknown>): void {
  if (refusals.length > 0) throw refusalError(refusals, details);
}
