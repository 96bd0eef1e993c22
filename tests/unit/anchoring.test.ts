import { describe, expect, it } from "vitest";
import { anchorQuote, describeRange } from "@/lib/domain/anchoring";

const text = "Mistral AI a été immatriculée le 24 avril 2023. Elle a levé 105 millions d'euros en juin. Elle a levé des fonds.";

describe("describeRange", () => {
  it("captures the exact passage with up to 32 characters of context on each side", () => {
    const start = text.indexOf("105 millions");
    const a = describeRange(text, start, start + "105 millions d'euros".length);
    expect(a.exact).toBe("105 millions d'euros");
    expect(a.prefix).toBe(text.slice(start - 32, start));
    expect(a.suffix).toBe(" en juin. Elle a levé des fonds.");
  });

  it("rejects an empty or out-of-bounds range", () => {
    expect(() => describeRange(text, 5, 5)).toThrow(RangeError);
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(RangeError);
  });
});

describe("anchorQuote", () => {
  it("finds a passage that occurs once", () => {
    const r = anchorQuote(text, { exact: "24 avril 2023" });
    expect(r).toMatchObject({ status: "anchored", quality: "exact", start: text.indexOf("24 avril 2023") });
  });

  it("uses prefix and suffix to choose between repeated passages", () => {
    const second = text.lastIndexOf("Elle a levé");
    const r = anchorQuote(text, { exact: "Elle a levé", prefix: "en juin. ", suffix: " des fonds" });
    expect(r).toMatchObject({ status: "anchored", start: second });
  });

  it("refuses to guess between identical candidates without context", () => {
    expect(anchorQuote(text, { exact: "Elle a levé" })).toEqual({ status: "orphaned", reason: "ambiguous" });
  });

  it("uses the previous position to break a tie", () => {
    const first = text.indexOf("Elle a levé");
    expect(anchorQuote(text, { exact: "Elle a levé" }, first)).toMatchObject({ status: "anchored", start: first });
  });

  it("re-anchors after the text around the passage was edited", () => {
    const original = describeRange(text, text.indexOf("105 millions"), text.indexOf("105 millions") + 20);
    const edited = "Préambule ajouté. " + text.replace("en juin", "début juin");
    const r = anchorQuote(edited, original, original.start);
    expect(r).toMatchObject({ status: "anchored", quality: "exact", exact: "105 millions d'euros", start: edited.indexOf("105 millions") });
  });

  it("re-anchors approximately when the passage itself was lightly edited", () => {
    const original = { exact: "Mistral AI a été immatriculée le 24 avril 2023", prefix: "", suffix: ". Elle" };
    const edited = text.replace("immatriculée", "immatriculee");
    const r = anchorQuote(edited, original, 0);
    expect(r).toMatchObject({ status: "anchored", quality: "fuzzy", start: 0 });
    if (r.status === "anchored") expect(r.exact).toContain("immatriculee le 24 avril 2023");
  });

  it("orphans a passage that disappeared", () => {
    const r = anchorQuote("Un tout autre texte, sans rapport.", { exact: "105 millions d'euros en juin" });
    expect(r).toEqual({ status: "orphaned", reason: "not-found" });
  });

  it("orphans an empty selector instead of matching everywhere", () => {
    expect(anchorQuote(text, { exact: "  " })).toEqual({ status: "orphaned", reason: "not-found" });
  });
});

describe("anchorQuote after typographic and word edits", () => {
  const before = "Sur le papier, tout commence par une formalité. Mistral AI a été immatriculée au greffe du tribunal de Paris le 24 avril 2023, il y a donc à peine cinq mois.";
  const after = before.replace("tribunal de Paris", "tribunal de commerce de Paris");
  const selectorIn = (text: string, exact: string) => {
    const start = text.indexOf(exact);
    return describeRange(text, start, start + exact.length);
  };

  it("finds a passage exactly when only its typography changed, and returns the new text's offsets", () => {
    const original = "Il a levé 105 millions d'euros « en quelques semaines » - un record.";
    const retyped = "Il a levé 105\u00A0millions d’euros «\u202Fen quelques semaines\u202F» – un record.";
    const selector = selectorIn(original, "105 millions d'euros « en quelques semaines » - un record");
    const r = anchorQuote(retyped, selector, selector.start);
    expect(r).toMatchObject({ status: "anchored", quality: "exact", exact: "105\u00A0millions d’euros «\u202Fen quelques semaines\u202F» – un record" });
    if (r.status === "anchored") expect(retyped.slice(r.start, r.end)).toBe(r.exact);
  });

  it("resolves candidates with the same start that differ only in their end to the best match, not to “ambiguous”", () => {
    for (const exact of ["immatriculée au greffe du tribunal de Paris", "greffe du tribunal de Paris"]) {
      const selector = selectorIn(before, exact);
      const r = anchorQuote(after, selector, selector.start);
      expect(r.status, exact).toBe("anchored");
      // The passage runs up to where its known context resumes: the whole corrected phrase.
      if (r.status === "anchored") expect(r.exact).toBe(exact.replace("tribunal de Paris", "tribunal de commerce de Paris"));
    }
  });

  it("follows the sample's passage through the editor's correction “tribunal de Paris” → “tribunal de commerce de Paris”", () => {
    const selector = selectorIn(before, "Mistral AI a été immatriculée au greffe du tribunal de Paris le 24 avril 2023");
    const r = anchorQuote(after, selector, selector.start);
    expect(r).toMatchObject({ status: "anchored", quality: "fuzzy", exact: "Mistral AI a été immatriculée au greffe du tribunal de commerce de Paris le 24 avril 2023" });
  });

  it("still refuses to guess between two different places with the same context", () => {
    const twice = "Un. Elle a levé des fonds. Deux. Elle a levé des fonds.";
    expect(anchorQuote(twice, { exact: "Elle a levé des fonds" })).toEqual({ status: "orphaned", reason: "ambiguous" });
  });
});
