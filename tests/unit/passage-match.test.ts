import { describe, expect, it } from "vitest";
import { describeDifference, matchPassage, passageProblem } from "@/lib/domain/passage-match";

const article = "L’usine de Saint-Nazaire emploie 140 personnes depuis mars 2021. Elle a levé des fonds. Elle a levé des fonds.";

describe("matchPassage", () => {
  it("finds typed words typography aside, with the article's own characters and offsets", () => {
    const m = matchPassage(article, "L'usine de Saint\u2011Nazaire  emploie");
    expect(m.status).toBe("found");
    if (m.status !== "found") return;
    expect(m.anchor.exact).toBe("L’usine de Saint-Nazaire emploie");
    expect(article.slice(m.anchor.start, m.anchor.end)).toBe(m.anchor.exact);
    expect(passageProblem(m)).toBeNull();
  });

  it("counts a passage that really occurs more than once", () => {
    const m = matchPassage(article, "Elle a levé des fonds");
    expect(m).toEqual({ status: "repeated", occurrences: 2 });
    expect(passageProblem(m)).toMatch(/appear 2 times/);
  });

  it("names the character that differs from the closest passage", () => {
    const m = matchPassage(article, "L’usine de Saint-Nazaire emploie 150 personnes");
    expect(m.status).toBe("absent");
    if (m.status !== "absent") return;
    expect(m.difference).toMatchObject({ passage: "5", article: "4" });
    expect(describeDifference(m.difference!)).toBe("5 in your passage, 4 in the article");
    expect(passageProblem(m)).toContain("(5 in your passage, 4 in the article)");
  });

  it("names the characters as typed and as the article has them, not as normalised", () => {
    // The passage was typed with a curly apostrophe where the article has a letter: both named as they are.
    const text = "Il s'appelle Dupont et dirige l'usine.";
    const m = matchPassage(text, "Il s’appelle Dupond et dirige");
    expect(m.status === "absent" && m.difference).toMatchObject({ passage: "d", article: "t" });
    const quote = matchPassage("Le « contrat » a été signé en mars.", "Le ‹ contrat » a été signé en mai.");
    expect(quote.status).toBe("absent");
  });

  it("says what the passage lacks or has in excess", () => {
    const missing = matchPassage(article, "emploie 140 personnes depuis mas 2021");
    expect(missing.status === "absent" && describeDifference(missing.difference!)).toBe("nothing in your passage, r in the article");
    const extra = matchPassage(article, "emploie 1400 personnes depuis mars");
    expect(extra.status === "absent" && describeDifference(extra.difference!)).toBe("0 in your passage, nothing in the article");
    const space = matchPassage(article, "emploie 140personnes depuis mars");
    expect(space.status === "absent" && describeDifference(space.difference!)).toBe("nothing in your passage, a space in the article");
  });

  it("never calls words that occur nowhere repeated, even when two passages are equally close", () => {
    // "Elle a levé des fonds" occurs twice; a misspelling of it occurs zero times.
    const m = matchPassage(article, "Elle a levé des fons");
    expect(m.status).toBe("absent");
    const problem = passageProblem(m)!;
    expect(problem).not.toMatch(/more than once|times/);
    expect(problem).toContain("nothing in your passage, d in the article");
  });

  it("says plainly when nothing in the article is close", () => {
    const m = matchPassage(article, "words nobody wrote");
    expect(m).toEqual({ status: "absent", difference: null });
    expect(passageProblem(m)).toBe("These words are not in the saved article. Copy them exactly, or select them in the preview.");
    expect(passageProblem(matchPassage(article, "   "))).toMatch(/not in the saved article/);
  });

  it("names the text it looked in", () => {
    expect(passageProblem(matchPassage(article, "emploie 150 personnes"), "article.md")).toMatch(/^These words are not in article\.md: /);
  });
});
