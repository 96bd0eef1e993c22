// The desk's input schemas accept what a form posts and what an API client sends, and name the
// field at fault otherwise.
import { describe, expect, it } from "vitest";
import { DeskClaimFiltersSchema } from "@/lib/schemas/desk";
import { MarkNotificationReadSchema } from "@/lib/schemas/notifications";
import { PublishDossierSchema } from "@/lib/schemas/publishing";
import { DecideProposalSchema, SetVerdictSchema } from "@/lib/schemas/verdicts";

const fieldsAtFault = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("set verdict input", () => {
  const base = { claimId: "c1", version: 3, verdict: "verified", rationale: "Le registre le confirme." };

  it("takes a form's strings: version as text, one checkbox as one id, an empty note as none", () => {
    const parsed = SetVerdictSchema.parse({ ...base, version: "3", evidenceIds: "e1", correctionNote: "  " });
    expect(parsed).toEqual({ ...base, version: 3, evidenceIds: ["e1"], correctionNote: null });
  });

  it("takes an API's list of ids, dropping duplicates and keeping the order, and no list as none", () => {
    expect(SetVerdictSchema.parse({ ...base, evidenceIds: ["e2", "e1", "e2"] }).evidenceIds).toEqual(["e2", "e1"]);
    expect(SetVerdictSchema.parse(base).evidenceIds).toEqual([]);
  });

  it("trims the rationale and refuses a blank one, a bad version or a malformed verdict key", () => {
    expect(SetVerdictSchema.parse({ ...base, rationale: "  Confirmé.  " }).rationale).toBe("Confirmé.");
    expect(fieldsAtFault(SetVerdictSchema.safeParse({ ...base, rationale: " ", version: "3a", verdict: "Vérifié" }))).toEqual(["version", "verdict", "rationale"]);
    expect(fieldsAtFault(SetVerdictSchema.safeParse({ ...base, version: 0 }))).toEqual(["version"]);
  });

  it("refuses an over-long correction note with its limit", () => {
    const result = SetVerdictSchema.safeParse({ ...base, correctionNote: "x".repeat(2001) });
    expect(result.error?.issues[0]?.message).toBe("The correction note must be at most 2000 characters.");
  });
});

describe("decide proposal input", () => {
  it("requires a reason to reject, not to accept", () => {
    expect(DecideProposalSchema.safeParse({ decision: "accept", proposalId: "p1", claimVersion: "2" }).success).toBe(true);
    const rejected = DecideProposalSchema.safeParse({ decision: "reject", proposalId: "p1", claimVersion: 2, reason: "" });
    expect(fieldsAtFault(rejected)).toEqual(["reason"]);
  });

  it("says to choose when the decision is missing or unknown", () => {
    const result = DecideProposalSchema.safeParse({ decision: "maybe", proposalId: "p1", claimVersion: 2 });
    expect(result.error?.issues[0]?.message).toBe('Choose "accept" or "reject".');
  });
});

describe("publish input", () => {
  it("takes no override, or a reason with the acknowledged claims", () => {
    expect(PublishDossierSchema.parse({ dossierId: "d1", version: "4", overrideReason: "" })).toEqual({ dossierId: "d1", version: 4, overrideReason: null, acknowledgedClaimIds: [], note: null });
    expect(PublishDossierSchema.parse({ dossierId: "d1", version: 4, overrideReason: "Urgence.", acknowledgedClaimIds: ["c1", "c2"] }).acknowledgedClaimIds).toEqual(["c1", "c2"]);
  });
});

describe("desk filters", () => {
  it("defaults to the first page of 25, and reads numbers from a query string", () => {
    expect(DeskClaimFiltersSchema.parse({})).toEqual({ page: 1, pageSize: 25 });
    expect(DeskClaimFiltersSchema.parse({ page: "3", pageSize: "50", verdict: "unchecked", assignee: "me" })).toEqual({ page: 3, pageSize: 50, verdict: "unchecked", assignee: "me" });
  });

  it("refuses a page below 1, a page size above 100 and an unknown review state", () => {
    expect(fieldsAtFault(DeskClaimFiltersSchema.safeParse({ page: "0", pageSize: 101, reviewState: "done" }))).toEqual(["reviewState", "page", "pageSize"]);
  });
});

describe("mark notification read input", () => {
  it("takes one notification or all of them, not both and not neither", () => {
    expect(MarkNotificationReadSchema.parse({ notificationId: "n1" })).toEqual({ notificationId: "n1", all: false });
    expect(MarkNotificationReadSchema.parse({ all: "on", notificationId: "" })).toEqual({ notificationId: undefined, all: true });
    expect(MarkNotificationReadSchema.safeParse({}).success).toBe(false);
    expect(MarkNotificationReadSchema.safeParse({ notificationId: "n1", all: true }).success).toBe(false);
  });
});
