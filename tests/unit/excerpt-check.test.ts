// Looking an evidence excerpt up in what was archived (lib/domain/excerpt-check.ts) after the
// typographic normalisation (lib/domain/typographic-normalisation.ts).
import { describe, expect, it } from "vitest";
import { checkExcerpt, excerptParts, type ArchivedText } from "@/lib/domain/excerpt-check";
import { normaliseForComparison } from "@/lib/domain/typographic-normalisation";

describe("normaliseForComparison", () => {
  const same: [string, string][] = [
    ["l’entreprise n’a « rien payé » !", "l'entreprise n'a \"rien payé\"!"],
    ["l\u2019entreprise\u00a0: non", "l'entreprise: non"],
    ["« Nous\u202fn’avons rien payé\u00a0»", '"Nous n\'avons rien payé"'],
    ["2019–2023 — a decade", "2019-2023 - a decade"],
    ["the “final” report", 'the "final" report'],
    ["ﬁnancial ofﬁce", "financial office"],
    ["line\nbreak\t and  spaces", "line break and spaces"],
    ["HARBOUR Contract", "harbour contract"],
    ["wait…", "wait..."],
    ["co\u00adoperation", "cooperation"],
  ];
  for (const [a, b] of same) {
    it(`compares “${a}” and “${b}” equal`, () => {
      expect(normaliseForComparison(a)).toBe(normaliseForComparison(b));
    });
  }
  it("keeps different words different", () => {
    expect(normaliseForComparison("12 million")).not.toBe(normaliseForComparison("15 million"));
    expect(normaliseForComparison("therapist")).not.toBe(normaliseForComparison("the rapist"));
  });
});

const capture = (id: string, at: string, text: string): ArchivedText => ({ kind: "capture", id, at, label: `https://example.org/${id}`, text, pages: null });
const pdf = (id: string, at: string, pages: string[]): ArchivedText => ({ kind: "document", id, at, label: `${id}.pdf`, text: pages.join("\n"), pages });

describe("checkExcerpt", () => {
  it("has nothing to say without an excerpt, or without a record", () => {
    expect(checkExcerpt("   ", [capture("a", "2023-09-12T10:00:00Z", "x")])).toEqual({ status: "no-excerpt" });
    expect(checkExcerpt("some words", [])).toEqual({ status: "nothing-archived" });
  });

  it("finds the excerpt in the newest capture that contains it", () => {
    const old = capture("old", "2023-09-12T10:00:00Z", "The contract was worth 12 million euros.");
    const recent = capture("new", "2023-10-01T10:00:00Z", "The contract was worth 12 million euros, the council said.");
    const result = checkExcerpt("worth 12 million euros", [old, recent]);
    expect(result).toMatchObject({ status: "found", match: { id: "new", page: null }, missingFromLatestCapture: null });
    if (result.status === "found") expect(result.all.map((m) => m.id)).toEqual(["new", "old"]);
  });

  it("says when the latest capture no longer contains it: the page changed", () => {
    const old = capture("old", "2023-09-12T10:00:00Z", "The contract was worth 12 million euros.");
    const recent = capture("new", "2023-10-01T10:00:00Z", "The contract was worth 15 million euros.");
    expect(checkExcerpt("worth 12 million", [old, recent])).toMatchObject({ status: "found", match: { id: "old" }, missingFromLatestCapture: { id: "new", at: "2023-10-01T10:00:00Z" } });
  });

  it("reports the page of a PDF, also when the excerpt runs over a page break", () => {
    const doc = pdf("accounts", "2023-09-01T00:00:00Z", ["Page one text.", "Tax paid in 2022:", "none. Signed by the board."]);
    expect(checkExcerpt("tax paid in 2022", [doc])).toMatchObject({ status: "found", match: { kind: "document", page: 2 } });
    expect(checkExcerpt("Tax paid in 2022: none.", [doc])).toMatchObject({ status: "found", match: { page: 2 } });
    expect(checkExcerpt("signed by the board", [doc])).toMatchObject({ status: "found", match: { page: 3 } });
  });

  it("prefers a capture over a document, and says what was searched when it is nowhere", () => {
    const both = [pdf("doc", "2023-12-01T00:00:00Z", ["the same words"]), capture("cap", "2023-01-01T00:00:00Z", "the same words")];
    expect(checkExcerpt("same words", both)).toMatchObject({ match: { kind: "capture" } });
    expect(checkExcerpt("other words", both)).toEqual({ status: "not-found", searched: 2 });
  });

  it("reads an elision as words left out, in order", () => {
    const text = capture("a", "2023-09-12T10:00:00Z", "The council awarded the harbour contract to Nordmarine after a tender that drew three bids.");
    expect(excerptParts("awarded the contract […] three bids")).toEqual(["awarded the contract", "three bids"]);
    expect(checkExcerpt("awarded the harbour contract […] drew three bids", [text]).status).toBe("found");
    expect(checkExcerpt("awarded the harbour contract (...) drew three bids", [text]).status).toBe("found");
    expect(checkExcerpt("… drew three bids", [text]).status).toBe("found");
    expect(checkExcerpt("drew three bids […] awarded the harbour contract", [text]).status).toBe("not-found");
  });
});
