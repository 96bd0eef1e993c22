import { describe, expect, it } from "vitest";
import { mergeDecision } from "@/lib/domain/import-merge";
import { diffVersions, noteRequirement, parseSnapshot, redactOlderVersion, serializeSnapshot, stampClaimUpdates, summarizeChanges, type PublicClaim, type ReaderView } from "@/lib/domain/published-version";

const claim = (id: string, over: Partial<PublicClaim> = {}): PublicClaim => ({
  id,
  number: 1,
  text: `Claim ${id}.`,
  anchorExact: `passage ${id}`,
  anchorPrefix: "",
  anchorSuffix: "",
  anchorStart: 0,
  anchorEnd: 9,
  hedged: false,
  verdict: "verified",
  verdictRationale: "Vu.",
  verdictSetAt: "2024-01-01T12:00:00.000Z",
  evidence: [],
  history: [{ id: `h-${id}`, kind: "verdict", fromVerdict: null, toVerdict: "verified", rationale: "Vu.", correctionNote: null, isCorrection: false, decidedAt: "2024-01-01T12:00:00.000Z" }],
  updatedAt: null,
  ...over,
});
const view = (over: Partial<ReaderView> = {}): ReaderView => ({
  id: "d",
  slug: "d",
  title: "Titre",
  summary: "Résumé",
  language: "fr",
  publishedAt: "2024-01-10T12:00:00.000Z",
  body: "Texte.",
  claims: [claim("a"), claim("b", { number: 2 })],
  sources: [{ id: "s", number: 1, confidential: false, kind: "person", title: "Jean Dupont", url: null, publisher: null, author: null, date: null, accessedAt: null, reliability: "medium" }],
  quotes: [{ id: "q", text: "Oui.", language: "fr", speaker: { name: "Jean Dupont", description: null, named: true }, date: null, context: "", sourceId: "s", onRecord: true }],
  questions: [],
  events: [],
  corrections: [],
  ...over,
});

describe("the difference between two published versions", () => {
  it("is identical for the same view, and the note is not required", () => {
    const d = diffVersions(view(), view());
    expect(d.identical).toBe(true);
    expect(noteRequirement(d)).toEqual({ required: false, reasons: [] });
  });

  it("lists changed fields and requires the note when a claim's passage, wording, verdict or existence changed", () => {
    const after = view({ claims: [claim("a", { anchorExact: "autre passage" }), claim("c", { number: 2 })] });
    const d = diffVersions(view(), after);
    expect(d.claims.map((c) => [c.id, c.kind])).toEqual([
      ["a", "changed"],
      ["c", "added"],
      ["b", "removed"],
    ]);
    expect(d.claims[0]!.fields).toEqual([{ field: "anchorExact", before: "passage a", after: "autre passage" }]);
    expect(noteRequirement(d).reasons.map((r) => [r.claimId, r.reason])).toEqual([
      ["a", "passage"],
      ["c", "added"],
      ["b", "removed"],
    ]);
  });

  it("calls a typographic change of a passage an update, but not one that needs a note (minor)", () => {
    const d = diffVersions(view({ body: "Texte d'avant." }), view({ body: "Texte d’avant.", claims: [claim("a", { anchorExact: "passage\u00A0a" }), claim("b", { number: 2 })] }));
    expect(d.identical).toBe(false);
    expect(d.articleChanged).toBe(true);
    expect(noteRequirement(d).required).toBe(false);
  });

  it("requires the note for a verdict change, a re-check or a correction", () => {
    const corrected = claim("a", { verdict: "false", history: [...claim("a").history, { ...claim("a").history[0]!, id: "h2", fromVerdict: "verified", toVerdict: "false", isCorrection: true, correctionNote: "Non." }] });
    expect(noteRequirement(diffVersions(view(), view({ claims: [corrected, claim("b", { number: 2 })] }))).reasons).toEqual([{ claimId: "a", text: "Claim a.", reason: "verdict" }]);
  });

  it("summarises an update for the log: removed claims with their verdict, record counts, and every source ever confidential", () => {
    const after = view({ claims: [claim("a")], sources: [{ id: "s", number: 1, confidential: true, description: "Un témoin" }] });
    const summary = summarizeChanges(view(), after, null);
    expect(summary.claims.removed).toEqual([{ id: "b", number: 2, text: "Claim b.", passage: "passage b", verdict: "verified" }]);
    expect(summary.records.sources).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(summary.confidentialSourceIds).toEqual(["s"]);
    expect(summarizeChanges(after, view(), summary).confidentialSourceIds).toEqual(["s"]);
  });

  it("dates each claim's last published change", () => {
    const first = stampClaimUpdates(null, view(), "2024-02-01T00:00:00.000Z");
    expect(first.claims.map((c) => c.updatedAt)).toEqual([null, null]);
    const second = stampClaimUpdates(first, view({ claims: [claim("a", { text: "Reformulée." }), claim("b", { number: 2 })] }), "2024-03-01T00:00:00.000Z");
    expect(second.claims.map((c) => c.updatedAt)).toEqual(["2024-03-01T00:00:00.000Z", null]);
  });

  it("never shows, in an older version, more of a source than its latest public description", () => {
    const latest = view({ sources: [{ id: "s", number: 1, confidential: true, description: "Un témoin" }] });
    const older = redactOlderVersion(view(), ["s"], latest);
    expect(older.sources).toEqual([{ id: "s", number: 1, confidential: true, description: "Un témoin" }]);
    expect(older.quotes[0]!.speaker).toEqual({ name: "Un témoin", description: null, named: false });
    expect(JSON.stringify(older)).not.toContain("Jean Dupont");
  });

  it("stores a snapshot with its format, and refuses to guess at an unknown one", () => {
    const json = serializeSnapshot(view());
    expect(parseSnapshot(1, json)).toEqual(view());
    expect(() => parseSnapshot(2, json)).toThrow(/format 2/);
  });
});

describe("a re-import's decision for each record", () => {
  const d = (stored: string | null, file: string, db: string | null, overwrite = false) => mergeDecision({ stored, file, db, overwrite }).action;
  it("leaves what the files did not change, writes what only the files changed, and reports what both changed", () => {
    expect(d("A", "A", "N")).toBe("keep");
    expect(d("A", "B", "A")).toBe("update");
    expect(d("A", "B", "B")).toBe("record");
    expect(d("A", "B", "N")).toBe("conflict");
    expect(d("A", "B", "N", true)).toBe("overwrite");
    expect(d(null, "B", null)).toBe("create");
    expect(d(null, "B", "N")).toBe("conflict");
  });
  it("keeps a record deleted in the newsroom deleted, unless the files changed it (a conflict)", () => {
    expect(d("A", "A", null)).toBe("keep");
    expect(mergeDecision({ stored: "A", file: "B", db: null, overwrite: false })).toEqual({ action: "conflict", reason: "deleted-in-newsroom" });
  });
});
