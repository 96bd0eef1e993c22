// The fact-check desk's pure rules, case by case and over the whole matrix of roles × verdicts.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { refusalMessage, roleHasPermission } from "@/lib/domain/permissions";
import {
  blockingReasons,
  checkProposal,
  checkProposalDecision,
  checkPublication,
  checkVerdictDecision,
  checkWithdrawal,
  correctionNoteRequired,
  missingContent,
  nextReviewState,
  publishGate,
  refusalError,
  reviewStateFor,
  verdictNeedsEvidence,
  verdictNeedsSecondPerson,
  type VerdictDecision,
} from "@/lib/domain/verdict-rules";
import { DEFAULT_VERDICTS, type VerdictDefinition } from "@/lib/domain/verdicts";
import { REVIEW_STATES } from "@/lib/domain/vocabulary";

const journalist = { id: "j1", role: "journalist" };
const editor = { id: "e1", role: "editor" };
const otherEditor = { id: "e2", role: "editor" };
const admin = { id: "a1", role: "admin" };
const stranger = { id: "x1", role: "reader" };

const draft = { status: "draft", publishedAt: null };
const published = { status: "published", publishedAt: new Date("2024-01-10") };
const unpublished = { status: "draft", publishedAt: new Date("2024-01-10") };

/** Written out by hand on purpose: the rules must agree with the documented methodology. */
const NEEDS_EVIDENCE = ["verified", "partly-true", "misleading", "false"];
const FOUR_EYES = ["verified", "false"];

function decision(overrides: Partial<VerdictDecision> = {}): VerdictDecision {
  return {
    decider: editor,
    via: "direct",
    verdict: "verified",
    rationale: "The register confirms it.",
    evidenceCount: 1,
    claim: { authorId: journalist.id },
    dossier: draft,
    correctionNote: null,
    ...overrides,
  };
}

const rules = (refusals: { rule: string }[]) => refusals.map((r) => r.rule);

// Whether a role may act at all is the use case's one check, requirePermission (its refusals are
// worded here); the rules below judge the decision itself.
describe("who may propose and set verdicts", () => {
  const may = (permission: Parameters<typeof roleHasPermission>[1]) => [journalist, editor, admin, stranger].map((p) => roleHasPermission(p.role, permission));

  it("lets editors and admins set verdicts, not journalists or unknown roles", () => {
    expect(may("verdict:set")).toEqual([false, true, true, false]);
  });

  it("lets every newsroom role propose, and nobody else", () => {
    expect(may("verdict:propose")).toEqual([true, true, true, false]);
  });

  it("lets editors and admins publish, not journalists", () => {
    expect(may("dossier:publish")).toEqual([false, true, true, false]);
  });

  it("tells a refused member who can do it instead", () => {
    expect(refusalMessage("verdict:set")).toContain("Propose one instead");
    expect(refusalMessage("verdict:set")).toContain("Only editors");
    expect(refusalMessage("dossier:publish")).toMatch(/^Only editors can publish/);
    expect(refusalMessage("verdict:propose")).toContain("cannot propose");
    expect(refusalMessage("user:manage")).toContain("(user:manage)");
  });
});

describe("evidence", () => {
  it("is needed exactly for verified, partly true, misleading and false", () => {
    expect(DEFAULT_VERDICTS.filter((v) => verdictNeedsEvidence(v.key, DEFAULT_VERDICTS)).map((v) => v.key)).toEqual(NEEDS_EVIDENCE);
    expect(verdictNeedsEvidence("not-a-verdict", DEFAULT_VERDICTS)).toBe(false);
  });

  it("refuses a verdict that needs evidence without any, for a direct decision and a proposal", () => {
    for (const v of DEFAULT_VERDICTS) {
      const direct = checkVerdictDecision(decision({ verdict: v.key, evidenceCount: 0, claim: { authorId: null } }), DEFAULT_VERDICTS);
      const proposal = checkProposal({ proposer: journalist, verdict: v.key, rationale: "Because.", evidenceCount: 0 }, DEFAULT_VERDICTS);
      const expected = NEEDS_EVIDENCE.includes(v.key) ? ["evidence-required"] : [];
      expect(rules(direct), v.key).toEqual(expected);
      expect(rules(proposal), v.key).toEqual(expected);
      if (expected.length) {
        expect(direct[0]).toMatchObject({ code: "RULE_VIOLATION", field: "evidenceIds" });
        expect(proposal[0]).toMatchObject({ code: "RULE_VIOLATION", field: "evidenceIds" });
      }
    }
  });

  it("accepts every verdict with one evidence link", () => {
    for (const v of DEFAULT_VERDICTS) {
      expect(checkVerdictDecision(decision({ verdict: v.key, claim: { authorId: null } }), DEFAULT_VERDICTS)).toEqual([]);
    }
  });

  it("follows the installation's vocabulary, not the default one", () => {
    const custom: VerdictDefinition[] = [
      { key: "documented", label: { fr: "Documenté", en: "Documented" }, description: { fr: "d", en: "d" }, rating: 4, needsEvidence: true, tone: "positive" },
      { key: "verified", label: { fr: "Vérifié", en: "Verified" }, description: { fr: "d", en: "d" }, rating: 5, needsEvidence: false, tone: "positive" },
    ];
    expect(rules(checkVerdictDecision(decision({ verdict: "documented", evidenceCount: 0 }), custom))).toEqual(["evidence-required"]);
    expect(rules(checkVerdictDecision(decision({ verdict: "verified", evidenceCount: 0 }), custom))).toEqual([]);
    expect(rules(checkVerdictDecision(decision({ verdict: "false" }), custom))).toEqual(["unknown-verdict"]);
  });
});

describe("four eyes", () => {
  it("applies to verified and false in the default vocabulary", () => {
    expect(DEFAULT_VERDICTS.filter(verdictNeedsSecondPerson).map((v) => v.key)).toEqual(FOUR_EYES);
  });

  it("defaults to the two ends of the rating scale and may be configured per verdict", () => {
    expect(verdictNeedsSecondPerson({ rating: 5 })).toBe(true);
    expect(verdictNeedsSecondPerson({ rating: 1 })).toBe(true);
    expect(verdictNeedsSecondPerson({ rating: 3 })).toBe(false);
    expect(verdictNeedsSecondPerson({ rating: -1 })).toBe(false);
    expect(verdictNeedsSecondPerson({ rating: 3, fourEyes: true })).toBe(true);
    expect(verdictNeedsSecondPerson({ rating: 5, fourEyes: false })).toBe(false);
  });

  it("stops the author marking their own claim verified or false, directly or by accepting a proposal", () => {
    for (const via of ["direct", "proposal"] as const) {
      for (const v of DEFAULT_VERDICTS) {
        const mine = checkVerdictDecision(decision({ via, verdict: v.key, claim: { authorId: editor.id } }), DEFAULT_VERDICTS);
        expect(rules(mine), `${via} ${v.key}`).toEqual(FOUR_EYES.includes(v.key) ? ["four-eyes"] : []);
        const theirs = checkVerdictDecision(decision({ via, verdict: v.key, claim: { authorId: otherEditor.id } }), DEFAULT_VERDICTS);
        expect(theirs, `${via} ${v.key}`).toEqual([]);
      }
    }
    const accepted = checkVerdictDecision(decision({ via: "proposal", verdict: "false", claim: { authorId: editor.id } }), DEFAULT_VERDICTS);
    expect(accepted[0]).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("accept a proposal") });
  });

  it("says only that, even when other fields are also wrong", () => {
    const refusals = checkVerdictDecision(decision({ claim: { authorId: editor.id }, rationale: "", evidenceCount: 0, dossier: published }), DEFAULT_VERDICTS);
    expect(rules(refusals)).toEqual(["four-eyes"]);
  });

  it("cannot be checked for a claim without a known author, so it does not refuse", () => {
    expect(checkVerdictDecision(decision({ claim: { authorId: null } }), DEFAULT_VERDICTS)).toEqual([]);
  });

  it("does not stop the author proposing: another person decides", () => {
    expect(checkProposal({ proposer: journalist, verdict: "verified", rationale: "My own claim, checked.", evidenceCount: 1 }, DEFAULT_VERDICTS)).toEqual([]);
  });
});

describe("rationale and vocabulary", () => {
  it("refuses a blank rationale", () => {
    for (const rationale of ["", "   \n"]) {
      expect(checkVerdictDecision(decision({ rationale }), DEFAULT_VERDICTS)).toEqual([expect.objectContaining({ rule: "rationale-required", field: "rationale" })]);
      expect(rules(checkProposal({ proposer: journalist, verdict: "outdated", rationale, evidenceCount: 0 }, DEFAULT_VERDICTS))).toEqual(["rationale-required"]);
    }
  });

  it("refuses an unknown verdict and lists the newsroom's verdicts", () => {
    const [refusal] = checkVerdictDecision(decision({ verdict: "pants-on-fire" }), DEFAULT_VERDICTS);
    expect(refusal).toMatchObject({ rule: "unknown-verdict", code: "INVALID_INPUT", field: "verdict" });
    expect(refusal!.message).toContain("verified, partly-true, misleading, false, unverifiable, outdated");
  });

  it("reports every fixable problem at once", () => {
    const refusals = checkVerdictDecision(decision({ rationale: "", evidenceCount: 0, dossier: published }), DEFAULT_VERDICTS);
    expect(rules(refusals)).toEqual(["rationale-required", "evidence-required", "correction-note-required"]);
  });

  it("does not point at a form field the editor cannot fix when accepting a proposal", () => {
    const refusals = checkVerdictDecision(decision({ via: "proposal", evidenceCount: 0, claim: { authorId: null } }), DEFAULT_VERDICTS);
    expect(refusals).toEqual([expect.objectContaining({ rule: "evidence-required" })]);
    expect(refusals[0]!.field).toBeUndefined();
  });
});

describe("corrections after publication", () => {
  it("are needed while the dossier is published and after it was unpublished, not before the first publication", () => {
    expect(correctionNoteRequired(draft)).toBe(false);
    expect(correctionNoteRequired(published)).toBe(true);
    expect(correctionNoteRequired(unpublished)).toBe(true);
  });

  it("refuses a verdict change on a published dossier without a note, and accepts it with one", () => {
    for (const dossier of [published, unpublished]) {
      expect(checkVerdictDecision(decision({ dossier, correctionNote: " " }), DEFAULT_VERDICTS)).toEqual([
        expect.objectContaining({ rule: "correction-note-required", code: "RULE_VIOLATION", field: "correctionNote" }),
      ]);
      expect(checkVerdictDecision(decision({ dossier, correctionNote: "Now confirmed by the register." }), DEFAULT_VERDICTS)).toEqual([]);
    }
    expect(checkVerdictDecision(decision({ dossier: draft, correctionNote: null }), DEFAULT_VERDICTS)).toEqual([]);
  });

  it("asks the accepting editor for the note when a proposal changes a published claim", () => {
    expect(rules(checkVerdictDecision(decision({ via: "proposal", dossier: published }), DEFAULT_VERDICTS))).toEqual(["correction-note-required"]);
  });
});

describe("deciding and withdrawing proposals", () => {
  const pending = { status: "pending", proposedById: journalist.id };

  it("lets an editor accept, and reject with a reason", () => {
    expect(checkProposalDecision({ decider: editor, proposal: pending, decision: "accept" })).toEqual([]);
    expect(checkProposalDecision({ decider: editor, proposal: pending, decision: "reject", reason: "The source is too weak." })).toEqual([]);
  });

  it("refuses a rejection without a reason", () => {
    for (const reason of [undefined, null, "", "  "]) {
      expect(checkProposalDecision({ decider: editor, proposal: pending, decision: "reject", reason })).toEqual([
        expect.objectContaining({ rule: "reason-required", field: "reason" }),
      ]);
    }
  });

  it("refuses deciding one's own proposal", () => {
    expect(rules(checkProposalDecision({ decider: editor, proposal: { status: "pending", proposedById: editor.id }, decision: "accept" }))).toEqual(["own-proposal"]);
  });

  it("refuses deciding or withdrawing a proposal that is no longer pending", () => {
    for (const status of ["accepted", "rejected", "withdrawn", "superseded"]) {
      const [refusal] = checkProposalDecision({ decider: editor, proposal: { status, proposedById: journalist.id }, decision: "accept" });
      expect(refusal).toMatchObject({ rule: "proposal-closed", code: "CONFLICT", message: expect.stringContaining(status) });
      expect(rules(checkWithdrawal({ person: journalist, proposal: { status, proposedById: journalist.id } }))).toEqual(["proposal-closed"]);
    }
  });

  it("lets only the proposer withdraw", () => {
    expect(checkWithdrawal({ person: journalist, proposal: pending })).toEqual([]);
    expect(rules(checkWithdrawal({ person: editor, proposal: pending }))).toEqual(["not-proposer"]);
  });
});

describe("review state", () => {
  it("goes unreviewed → proposed → reviewed", () => {
    expect(nextReviewState("unreviewed", "propose", { hasVerdict: false })).toEqual({ ok: true, state: "proposed" });
    expect(nextReviewState("proposed", "accept", { hasVerdict: true })).toEqual({ ok: true, state: "reviewed" });
  });

  it("returns a rejected or withdrawn proposal's claim to where it was", () => {
    for (const event of ["reject", "withdraw"] as const) {
      expect(nextReviewState("proposed", event, { hasVerdict: false })).toEqual({ ok: true, state: "unreviewed" });
      expect(nextReviewState("proposed", event, { hasVerdict: true })).toEqual({ ok: true, state: "reviewed" });
    }
  });

  it("reviews a claim set directly from any state, and lets a reviewed claim get a new proposal", () => {
    for (const state of REVIEW_STATES) {
      expect(nextReviewState(state, "set", { hasVerdict: false })).toEqual({ ok: true, state: "reviewed" });
      expect(nextReviewState(state, "propose", { hasVerdict: true })).toEqual({ ok: true, state: "proposed" });
    }
  });

  it("agrees with the state the claim's facts imply after every event", () => {
    // After propose: a pending proposal; after set/accept: a verdict, none pending; after
    // reject/withdraw: none pending, verdict unchanged.
    for (const hasVerdict of [false, true]) {
      expect(nextReviewState("unreviewed", "propose", { hasVerdict })).toEqual({ ok: true, state: reviewStateFor({ hasVerdict, hasPendingProposal: true }) });
      expect(nextReviewState("proposed", "accept", { hasVerdict: true })).toEqual({ ok: true, state: reviewStateFor({ hasVerdict: true, hasPendingProposal: false }) });
      for (const event of ["reject", "withdraw"] as const) {
        expect(nextReviewState("proposed", event, { hasVerdict })).toEqual({ ok: true, state: reviewStateFor({ hasVerdict, hasPendingProposal: false }) });
      }
    }
    expect(reviewStateFor({ hasVerdict: false, hasPendingProposal: false })).toBe("unreviewed");
    expect(reviewStateFor({ hasVerdict: true, hasPendingProposal: true })).toBe("proposed");
  });

  it("refuses closing a proposal on a claim that has none pending", () => {
    for (const state of ["unreviewed", "reviewed"] as const) {
      for (const event of ["accept", "reject", "withdraw"] as const) {
        const result = nextReviewState(state, event, { hasVerdict: state === "reviewed" });
        expect(result).toMatchObject({ ok: false, refusal: { rule: "review-transition", code: "CONFLICT" } });
      }
    }
  });
});

describe("the publish gate", () => {
  const claims = [
    { id: "a", verdict: "verified", hasPendingProposal: false, needsRecheck: false },
    { id: "b", verdict: null, hasPendingProposal: false, needsRecheck: false },
    { id: "c", verdict: "false", hasPendingProposal: true, needsRecheck: false },
    { id: "d", verdict: null, hasPendingProposal: true, needsRecheck: false },
  ];

  it("blocks on claims not yet checked and on pending proposals, saying why", () => {
    expect(claims.map(blockingReasons)).toEqual([[], ["not-yet-checked"], ["pending-proposal"], ["not-yet-checked", "pending-proposal"]]);
    const gate = publishGate(claims);
    expect(gate.ready).toBe(false);
    expect(gate.blocking.map((c) => c.id)).toEqual(["b", "c", "d"]);
  });

  it("blocks on a verdict that awaits a re-check, until an editor confirms or changes it", () => {
    const stale = { id: "e", verdict: "verified", hasPendingProposal: false, needsRecheck: true };
    expect(blockingReasons(stale)).toEqual(["needs-recheck"]);
    expect(publishGate([claims[0]!, stale]).blocking.map((c) => c.id)).toEqual(["e"]);
    // A claim without a verdict is "not yet checked", whatever a stale record says.
    expect(blockingReasons({ ...stale, verdict: null })).toEqual(["not-yet-checked"]);
  });

  it("is open when every claim is checked with no pending proposal, and for a dossier without claims", () => {
    expect(publishGate([claims[0]!]).ready).toBe(true);
    expect(publishGate([]).ready).toBe(true);
    expect(checkPublication({ blocking: [] })).toEqual({ ok: true, overridden: false });
  });

  it("refuses to publish with blocking claims and lists them", () => {
    const result = checkPublication({ blocking: [{ id: "b" }, { id: "c" }] });
    expect(result).toMatchObject({ ok: false, refusal: { rule: "publish-blocked", message: expect.stringContaining("2 claims are") }, unacknowledgedClaimIds: ["b", "c"] });
  });

  it("lets an editor override with a written reason covering the claims they saw", () => {
    expect(checkPublication({ blocking: [{ id: "b" }], override: { reason: "Breaking news: claim b is attributed.", blockingClaimIds: ["b"] } })).toEqual({ ok: true, overridden: true });
  });

  it("refuses an override without a reason", () => {
    expect(checkPublication({ blocking: [{ id: "b" }], override: { reason: "  ", blockingClaimIds: ["b"] } })).toMatchObject({
      ok: false,
      refusal: { rule: "override-reason-required", field: "overrideReason" },
    });
  });

  it("refuses an override that does not cover a claim which started blocking since", () => {
    expect(checkPublication({ blocking: [{ id: "b" }, { id: "d" }], override: { reason: "Deadline.", blockingClaimIds: ["b"] } })).toMatchObject({
      ok: false,
      refusal: { rule: "override-outdated", code: "CONFLICT" },
      unacknowledgedClaimIds: ["d"],
    });
  });
});

describe("refusals as errors", () => {
  it("reports every field problem in one error, as a rule violation when a rule is broken", () => {
    const error = refusalError(checkVerdictDecision(decision({ rationale: "", evidenceCount: 0, dossier: published }), DEFAULT_VERDICTS));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("RULE_VIOLATION");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["rationale", "evidenceIds", "correctionNote"]);
    expect(error.details).toEqual({ rules: ["rationale-required", "evidence-required", "correction-note-required"] });
  });

  it("is plain invalid input when only input is wrong", () => {
    expect(refusalError(checkVerdictDecision(decision({ rationale: "" }), DEFAULT_VERDICTS)).code).toBe("INVALID_INPUT");
  });

  it("lets a forbidden or conflicting refusal stand alone, with its rule and extra details", () => {
    const error = refusalError(
      [
        { rule: "rationale-required", code: "INVALID_INPUT", field: "rationale", message: "r" },
        { rule: "four-eyes", code: "FORBIDDEN", message: "four eyes" },
      ],
      { claimId: "c1" },
    );
    expect(error).toMatchObject({ code: "FORBIDDEN", message: "four eyes", details: { rule: "four-eyes", claimId: "c1" } });
    expect(error.fieldErrors).toBeUndefined();
  });

  it("shows the four-eyes refusal of a direct verdict next to the verdict chosen, and an accepted proposal's without a field", () => {
    const direct = refusalError(checkVerdictDecision(decision({ verdict: "verified", claim: { authorId: editor.id } }), DEFAULT_VERDICTS));
    expect(direct.code).toBe("FORBIDDEN");
    expect(direct.fieldErrors).toEqual({ verdict: [expect.stringContaining("You wrote this claim")] });
    const accepting = refusalError(checkVerdictDecision(decision({ via: "proposal", verdict: "verified", claim: { authorId: editor.id } }), DEFAULT_VERDICTS));
    expect(accepting.fieldErrors).toBeUndefined();
  });
});

describe("an empty dossier", () => {
  it("lacks article text (spaces are none) and claims, each said", () => {
    expect(missingContent({ body: "", claimCount: 0 })).toEqual(["article", "claims"]);
    expect(missingContent({ body: " \n\t\n", claimCount: 2 })).toEqual(["article"]);
    expect(missingContent({ body: "La mairie a signé.", claimCount: 0 })).toEqual(["claims"]);
    expect(missingContent({ body: "La mairie a signé.", claimCount: 1 })).toEqual([]);
  });
});
