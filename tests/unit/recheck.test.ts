import { describe, expect, it } from "vitest";
import { checkedStateOf, describeRecheck, parseChecked, recheckChanges, type ClaimNow } from "@/lib/domain/recheck";
import { DEFAULT_VERDICTS } from "@/lib/domain/verdicts";
import { checkRecheckConfirmation, checkUpdateNote, importedVerdictRefusals } from "@/lib/domain/verdict-rules";

const now: ClaimNow = {
  text: "Mistral AI a levé 105 millions d'euros.",
  passage: "Début juin 2023, Mistral AI a levé 105 millions d'euros",
  anchorRevision: 0,
  evidence: [
    { id: "e1", sourceId: "s1", stance: "supports", excerpt: "Levée de 105 millions d'euros." },
    { id: "e2", sourceId: "s2", stance: "context", excerpt: "Lightspeed mène le tour." },
  ],
};
const checked = checkedStateOf(now, ["e1"]);

describe("needs re-check: what a verdict checked against the claim now", () => {
  it("records the wording, passage, re-attachments and only the cited evidence", () => {
    expect(checked).toEqual({ format: 1, claimText: now.text, passage: now.passage, anchorRevision: 0, evidence: [now.evidence[0]] });
    expect(recheckChanges(checked, now)).toEqual([]);
  });

  it("flags a changed passage, a reworded claim and a re-attachment", () => {
    expect(recheckChanges(checked, { ...now, passage: now.passage.replace("105", "15") })).toEqual([{ reason: "passage", before: now.passage, after: now.passage.replace("105", "15") }]);
    expect(recheckChanges(checked, { ...now, text: "Mistral AI a levé 15 millions." }).map((c) => c.reason)).toEqual(["wording"]);
    expect(recheckChanges(checked, { ...now, anchorRevision: 1 }).map((c) => c.reason)).toEqual(["reattached"]);
  });

  it("flags cited evidence removed, or edited in its stance, excerpt or source; ignores evidence the verdict does not cite", () => {
    expect(recheckChanges(checked, { ...now, evidence: [now.evidence[1]!] })).toEqual([{ reason: "evidence-removed", evidenceId: "e1", before: now.evidence[0] }]);
    const flipped = { ...now, evidence: [{ ...now.evidence[0]!, stance: "contradicts", sourceId: "s9" }, now.evidence[1]!] };
    expect(recheckChanges(checked, flipped)).toEqual([expect.objectContaining({ reason: "evidence-changed", fields: ["source", "stance"] })]);
    expect(recheckChanges(checked, { ...now, evidence: [{ ...now.evidence[0]!, excerpt: "Autre chose." }] })).toEqual([expect.objectContaining({ fields: ["excerpt"] })]);
    expect(recheckChanges(checked, { ...now, evidence: [now.evidence[0]!, { ...now.evidence[1]!, stance: "contradicts" }] })).toEqual([]);
  });

  it("ignores typographic-only differences everywhere it compares", () => {
    const retyped = {
      ...now,
      text: "Mistral AI a levé 105\u00A0millions d’euros.",
      passage: "Début juin 2023, Mistral AI a levé 105\u202Fmillions d’euros",
      evidence: [{ ...now.evidence[0]!, excerpt: "Levée de 105 millions d’euros." }],
    };
    expect(recheckChanges(checked, retyped)).toEqual([]);
  });

  it("takes a decision without a record (or an unreadable one) as applying to the claim as it is", () => {
    expect(recheckChanges(null, { ...now, text: "Autre." })).toEqual([]);
    expect(parseChecked("not json")).toBeNull();
    expect(parseChecked(JSON.stringify({ format: 99 }))).toBeNull();
    expect(parseChecked(JSON.stringify(checked))).toEqual(checked);
  });

  it("says in words what changed", () => {
    expect(describeRecheck([{ reason: "wording", before: "a", after: "b" }, { reason: "reattached" }])).toBe("the claim was reworded and it was re-attached to another passage");
  });
});

describe("confirming a verdict after a re-check", () => {
  const editor = { id: "ed", role: "editor" };
  const base = { decider: editor, needsRecheck: true, verdict: "verified", rationale: "Toujours vrai.", previousRationale: "Toujours vrai.", evidenceCount: 1, claim: { authorId: "j" }, dossier: { status: "published", publishedAt: new Date() } };
  it("needs no correction note when the rationale is kept, one when it is amended on a published dossier", () => {
    expect(checkRecheckConfirmation(base, DEFAULT_VERDICTS)).toEqual([]);
    expect(checkRecheckConfirmation({ ...base, rationale: "Amendée." }, DEFAULT_VERDICTS).map((r) => r.rule)).toEqual(["correction-note-required"]);
    expect(checkRecheckConfirmation({ ...base, rationale: "Amendée.", correctionNote: "Pourquoi." }, DEFAULT_VERDICTS)).toEqual([]);
  });
  it("is for a claim that needs it, with the evidence and four eyes of setting the verdict", () => {
    expect(checkRecheckConfirmation({ ...base, needsRecheck: false }, DEFAULT_VERDICTS).map((r) => r.rule)).toEqual(["recheck-not-needed"]);
    expect(checkRecheckConfirmation({ ...base, evidenceCount: 0 }, DEFAULT_VERDICTS).map((r) => r.rule)).toEqual(["evidence-required"]);
    expect(checkRecheckConfirmation({ ...base, claim: { authorId: "ed" } }, DEFAULT_VERDICTS).map((r) => r.rule)).toEqual(["four-eyes"]);
  });
});

describe("the note on an update", () => {
  it("is required for an update that changes what readers are told about a claim, never for the first publication", () => {
    expect(checkUpdateNote({ firstPublication: false, noteRequired: true, note: " " })).toMatchObject({ rule: "note-required", field: "note" });
    expect(checkUpdateNote({ firstPublication: false, noteRequired: true, note: "Montant corrigé." })).toBeNull();
    expect(checkUpdateNote({ firstPublication: false, noteRequired: false, note: null })).toBeNull();
    expect(checkUpdateNote({ firstPublication: true, noteRequired: true, note: null })).toBeNull();
  });
});

describe("imported verdicts follow the newsroom's rules", () => {
  const claim = { author: "julie@example.com", evidence: [{}], verdicts: [{ status: "verified", rationale: "Vu.", decidedAt: "2024-02-01", decidedBy: "julie@example.com" }] };
  it("applies four eyes, and the corrections rule to a first verdict decided after publication", () => {
    expect(importedVerdictRefusals(claim, { publishedAt: "2024-01-10" }, DEFAULT_VERDICTS).map((r) => [r.index, r.field])).toEqual([
      [0, "decidedBy"],
      [0, "correctionNote"],
    ]);
    expect(importedVerdictRefusals({ ...claim, verdicts: [{ ...claim.verdicts[0]!, decidedBy: "ed@example.com", correctionNote: "Ajouté." }] }, { publishedAt: "2024-01-10" }, DEFAULT_VERDICTS)).toEqual([]);
    expect(importedVerdictRefusals({ ...claim, evidence: [], verdicts: [{ status: "verified", rationale: "Vu.", decidedAt: "2024-01-01" }] }, { publishedAt: null }, DEFAULT_VERDICTS).map((r) => r.field)).toEqual(["status"]);
  });
});
