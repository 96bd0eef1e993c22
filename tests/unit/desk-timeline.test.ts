// The newsroom's fact-check story of a claim: proposals, decisions and closed proposals in the
// order they happened, with simultaneous events told in the order that makes sense.
import { describe, expect, it } from "vitest";
import { deskTimeline, type TimelineChange, type TimelineProposal } from "@/lib/domain/desk-timeline";

const julie = { id: "j", name: "Julie" };
const edith = { id: "e", name: "Edith" };

const proposal = (id: string, at: string, over: Partial<TimelineProposal> = {}): TimelineProposal => ({
  id,
  verdict: "verified",
  rationale: "The register says so.",
  evidenceIds: ["ev1"],
  status: "pending",
  proposedBy: julie,
  decidedBy: null,
  decisionReason: null,
  decidedAt: null,
  createdAt: at,
  ...over,
});

const change = (id: string, at: string, over: Partial<TimelineChange> = {}): TimelineChange => ({
  id,
  kind: "verdict",
  checked: null,
  fromVerdict: null,
  toVerdict: "verified",
  rationale: "Checked.",
  evidenceIds: ["ev1"],
  correctionNote: null,
  proposalId: null,
  actor: edith,
  createdAt: at,
  ...over,
});

const kinds = (entries: ReturnType<typeof deskTimeline>) => entries.map((e) => (e.kind === "closed" ? `closed:${e.outcome}` : e.kind === "proposed" ? `proposed:${e.proposal.id}` : `decided:${e.change.id}`));

describe("the newsroom's fact-check timeline", () => {
  it("tells a rejected proposal, its revision and the accepted decision in order", () => {
    const rejected = proposal("p1", "2024-05-01T10:00:00Z", { status: "rejected", decidedBy: edith, decisionReason: "Only 2019.", decidedAt: "2024-05-01T11:00:00Z" });
    const accepted = proposal("p2", "2024-05-01T12:00:00Z", { status: "accepted", decidedBy: edith, decidedAt: "2024-05-01T13:00:00Z" });
    const decision = change("c1", "2024-05-01T13:00:00Z", { proposalId: "p2" });
    const entries = deskTimeline([decision], [rejected, accepted]);
    expect(kinds(entries)).toEqual(["proposed:p1", "closed:rejected", "proposed:p2", "decided:c1"]);
    const last = entries.at(-1)!;
    expect(last.kind === "decided" && last.proposal?.id).toBe("p2");
  });

  it("puts a replaced proposal's withdrawal before its revision, and a superseded one after the decision that closed it", () => {
    const at = "2024-05-02T09:00:00Z";
    const replaced = proposal("p1", "2024-05-02T08:00:00Z", { status: "withdrawn", decisionReason: "Replaced by a revised proposal.", decidedAt: at });
    const revised = proposal("p2", at, { status: "superseded", decidedBy: edith, decidedAt: "2024-05-02T10:00:00Z" });
    const direct = change("c1", "2024-05-02T10:00:00Z");
    expect(kinds(deskTimeline([direct], [revised, replaced]))).toEqual(["proposed:p1", "closed:withdrawn", "proposed:p2", "decided:c1", "closed:superseded"]);
  });

  it("shows a pending proposal as proposed only, and keeps successive changes in order", () => {
    const entries = deskTimeline(
      [change("c1", "2024-01-01T00:00:00Z"), change("c2", "2024-02-01T00:00:00Z", { fromVerdict: "verified", toVerdict: "outdated", correctionNote: "Overtaken." })],
      [proposal("p1", "2024-03-01T00:00:00Z")],
    );
    expect(kinds(entries)).toEqual(["decided:c1", "decided:c2", "proposed:p1"]);
  });

  it("is empty for a claim nobody has looked at yet", () => {
    expect(deskTimeline([], [])).toEqual([]);
  });
});
