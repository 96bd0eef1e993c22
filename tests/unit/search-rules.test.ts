// The pure rules of search (lib/domain/search.ts): folding, stemming in both languages, what a
// query's punctuation becomes (never syntax), and snippets that stay text.
import { describe, expect, it } from "vitest";
import { dayOf, foldText, fts5Match, parseQuery, snippet, stems } from "@/lib/domain/search";

describe("search rules", () => {
  it("folds accents, case and ligatures", () => {
    expect(foldText("Vérifié ŒUVRE Straße")).toBe("verifie oeuvre strasse");
  });

  it("gives a word and its other forms the same stem in French and in English", () => {
    expect(stems("vérifié").fr).toBe(stems("verifie").fr);
    expect(stems("investisseurs").fr).toBe(stems("investisseur").fr);
    expect(stems("investors").en).toBe(stems("investor").en);
    expect(stems("checking").en).toBe(stems("checked").en);
  });

  it("keeps only words from a query: operators and punctuation are text", () => {
    expect(parseQuery('"contrat" OR port* -NEAR(x) {a}: b').terms).toEqual(["contrat", "or", "port", "near", "x", "a", "b"]);
    expect(parseQuery('")(:*').terms).toEqual([]);
    expect(parseQuery("Port port PORT").terms).toEqual(["port"]);
    expect(parseQuery("a b c d e f g h i j k l m n o").terms).toHaveLength(12);
    // Every stem is a quoted FTS5 string: nothing typed can be an operator.
    expect(fts5Match(parseQuery("or near"))).toBe('({fr_title fr_body} : ("or" AND "near")) OR ({en_title en_body} : ("or" AND "near"))');
  });

  it("cuts a snippet around the first match and marks the matches, as text", () => {
    const text = `${"Un début très long sans rapport. ".repeat(12)}Le contrat a été <b>vérifié</b> par la mairie. ${"Une suite. ".repeat(20)}`;
    const parts = snippet(text, parseQuery("verifie"));
    expect(parts[0]!.text.startsWith("… ")).toBe(true);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["vérifié"]);
    expect(parts.map((p) => p.text).join("")).toContain("<b>");
    expect(parts[parts.length - 1]!.text.endsWith(" …")).toBe(true);
  });

  it("reads a filterable day from dates and EDTF strings", () => {
    expect(dayOf("2023-06~")).toBe("2023-06-01");
    expect(dayOf("2024")).toBe("2024-01-01");
    expect(dayOf(new Date("2024-02-10T12:00:00Z"))).toBe("2024-02-10");
    expect(dayOf("around then")).toBeNull();
  });
});
