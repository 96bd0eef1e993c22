import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { frenchTypography, NBSP, NNBSP, typeset, typesetTree } from "@/lib/i18n/typography";
import { hastToHtml, markdownToHast } from "@/lib/markdown/render";

describe("French typography", () => {
  it("puts narrow no-break spaces inside guillemets, whatever was typed", () => {
    expect(frenchTypography("« souverains »")).toBe(`«${NNBSP}souverains${NNBSP}»`);
    expect(frenchTypography("«souverains»")).toBe(`«${NNBSP}souverains${NNBSP}»`);
    expect(frenchTypography(`«${NBSP}souverains${NBSP}»`)).toBe(`«${NNBSP}souverains${NNBSP}»`);
  });

  it("puts a no-break space before : and a narrow one before ; ! ?", () => {
    expect(frenchTypography("Attention : ceci ; cela ! Vraiment ?")).toBe(`Attention${NBSP}: ceci${NNBSP}; cela${NNBSP}! Vraiment${NNBSP}?`);
    expect(frenchTypography("Quoi? Oui!")).toBe(`Quoi${NNBSP}? Oui${NNBSP}!`);
    expect(frenchTypography("Note: voir")).toBe(`Note${NBSP}: voir`);
  });

  it("leaves times, URLs and query strings alone", () => {
    for (const text of ["à 14:30", "https://example.org/a?b=1", "voir example.org/x?y", "C'est ?!"]) {
      expect(frenchTypography(text).replace(NNBSP, " ")).toBe(text);
    }
  });

  it("is idempotent", () => {
    const once = frenchTypography("« Pourquoi ? » : voilà ; bon !");
    expect(frenchTypography(once)).toBe(once);
  });

  it("only touches French", () => {
    expect(typeset("Really ?", "en")).toBe("Really ?");
    expect(typeset("Vraiment ?", "fr-CA")).toBe(`Vraiment${NNBSP}?`);
  });

  it("typesets a French article's text nodes but never code, nor the claim markers", () => {
    const tree = markdownToHast("Il dit : « oui » et `a : b`.\n\n```\nx ? y\n```");
    const html = hastToHtml(typesetTree(tree, "fr"));
    expect(html).toContain(`Il dit${NBSP}: «${NNBSP}oui${NNBSP}»`);
    expect(html).toContain("<code>a : b</code>");
    expect(html).toContain("x ? y");
    expect(hastToHtml(typesetTree(tree, "en"))).toBe(hastToHtml(tree));
  });

  it("typesets every French UI string, including those built from arguments", () => {
    const fr = messages("fr");
    expect(fr.claims.markerPrefix({ n: 3 })).toBe(`Affirmation 3${NBSP}: `);
    expect(fr.history.first({ to: "Vérifié" })).toBe(`Verdict${NBSP}: Vérifié`);
    expect(fr.corrections.intro).toContain(`publication${NBSP}:`);
    expect(fr.timeline.intro).toContain(`«${NNBSP}début juin 2023${NNBSP}»`);
    // English stays as written.
    expect(messages("en").claims.markerPrefix({ n: 3 })).toBe("Claim 3: ");
  });

  it("has the same keys in both languages", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(messages("fr")).sort()).toEqual(keys(messages("en")).sort());
  });
});
