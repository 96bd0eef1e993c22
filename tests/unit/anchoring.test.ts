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
