// "Who may do what here" at a claim's desk (lib/domain/verdict-rules.ts): the same function gives
// the claim page its forms and the use cases their refusals, so the two cannot drift.
import { describe, expect, it } from "vitest";
import { claimDeskAbilities, pendingProposalRefusal } from "@/lib/domain/verdict-rules";

const me = { id: "me" };
const editorPermissions = { setVerdict: true, propose: true };
const journalistPermissions = { setVerdict: false, propose: true };
const nobody = { setVerdict: false, propose: false };

describe("someone else's pending proposal", () => {
  const theirs = { proposedById: "them", proposerName: "Julie Journaliste", verdictLabel: "Verified" };

  it("blocks a new proposal, naming who made it and what it proposes", () => {
    expect(pendingProposalRefusal({ proposer: me, pending: theirs })).toEqual({
      rule: "proposal-pending",
      code: "CONFLICT",
      message: "Julie Journaliste already proposed “Verified” for this claim. Wait for an editor's decision, or ask them to withdraw it.",
    });
  });

  it("does not block the proposer's own revision, nor a claim without one", () => {
    expect(pendingProposalRefusal({ proposer: me, pending: { ...theirs, proposedById: "me" } })).toBeNull();
    expect(pendingProposalRefusal({ proposer: me, pending: null })).toBeNull();
  });
});

describe("what a person may do on a claim", () => {
  const on = (permissions: typeof nobody, claim: { authorId: string | null }, pending: { proposedById: string } | null) => claimDeskAbilities({ person: me, permissions, claim, pending });

  it("lets an editor set the verdict and propose on a claim without a proposal, with nothing to decide or withdraw", () => {
    expect(on(editorPermissions, { authorId: "someone" }, null)).toEqual({ isAuthor: false, pendingIsMine: false, setVerdict: true, propose: true, decide: false, withdraw: false });
  });

  it("lets an editor decide someone else's proposal, and not propose over it", () => {
    expect(on(editorPermissions, { authorId: "someone" }, { proposedById: "them" })).toMatchObject({ decide: true, propose: false, withdraw: false, pendingIsMine: false });
  });

  it("never lets anyone decide their own proposal; they revise or withdraw it", () => {
    for (const permissions of [editorPermissions, journalistPermissions]) {
      expect(on(permissions, { authorId: null }, { proposedById: "me" })).toMatchObject({ decide: false, propose: true, withdraw: true, pendingIsMine: true });
    }
  });

  it("lets a journalist propose but never set or decide", () => {
    expect(on(journalistPermissions, { authorId: "someone" }, null)).toMatchObject({ setVerdict: false, propose: true, decide: false });
    expect(on(journalistPermissions, { authorId: "someone" }, { proposedById: "them" })).toMatchObject({ setVerdict: false, propose: false, decide: false, withdraw: false });
  });

  it("gives nothing to a role without the desk's permissions, whatever the claim", () => {
    expect(on(nobody, { authorId: "me" }, { proposedById: "them" })).toEqual({ isAuthor: true, pendingIsMine: false, setVerdict: false, propose: false, decide: false, withdraw: false });
  });

  it("says when the person wrote the claim (four eyes), and not for a claim without a recorded author", () => {
    expect(on(editorPermissions, { authorId: "me" }, null).isAuthor).toBe(true);
    expect(on(editorPermissions, { authorId: null }, null).isAuthor).toBe(false);
  });
});
