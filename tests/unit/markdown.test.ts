import { describe, expect, it } from "vitest";
import { applyPassageMarks } from "@/lib/markdown/marks";
import { articleText, hastToHtml, markdownToHast, markdownToHtml } from "@/lib/markdown/render";

describe("markdown pipeline", () => {
  it("renders Markdown and GFM", () => {
    const html = markdownToHtml("## Titre\n\nUn *mot* et ~~barré~~.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    expect(html).toContain("<h2>Titre</h2>");
    expect(html).toContain("<em>mot</em>");
    expect(html).toContain("<del>barré</del>");
    expect(html).toContain("<table>");
  });

  it("drops raw HTML, scripts, event handlers and javascript: links", () => {
    const html = markdownToHtml(
      'Bonjour <script>alert(1)</script><img src=x onerror="alert(2)"> [clic](javascript:alert(3)) <svg onload="alert(4)"></svg>',
    );
    expect(html).not.toMatch(/<script|onerror|onload|javascript:|<svg|<img/i);
    expect(html).toContain("Bonjour");
  });

  it("computes the rendered text the browser will show (no Markdown syntax)", () => {
    expect(articleText("Un **mot** [lien](https://example.org).\n\nDeux.")).toBe("Un mot lien.\nDeux.");
  });
});

describe("passage marks", () => {
  it("wraps a passage that crosses an emphasis and adds one badge at its end", () => {
    const tree = markdownToHast("Il a levé **105 millions** d'euros en juin.");
    const text = articleText("Il a levé **105 millions** d'euros en juin.");
    const start = text.indexOf("levé");
    const end = text.indexOf(" en juin");
    const marked = applyPassageMarks(tree, [
      { id: "c1", start, end, badge: { type: "element", tagName: "a", properties: { href: "#c1" }, children: [{ type: "text", value: "Vérifié" }] } },
    ]);
    const html = hastToHtml(marked);
    expect(html).toContain('<mark data-claim="c1">levé </mark><strong><mark data-claim="c1">105 millions</mark></strong><mark data-claim="c1"> d\'euros</mark><a href="#c1">Vérifié</a> en juin.');
    expect(html.match(/Vérifié/g)).toHaveLength(1);
  });

  it("does not change the original tree, and skips an overlapping mark", () => {
    const tree = markdownToHast("abcdefghij");
    const before = hastToHtml(tree);
    const html = hastToHtml(applyPassageMarks(tree, [{ id: "a", start: 0, end: 5 }, { id: "b", start: 3, end: 8 }]));
    expect(hastToHtml(tree)).toBe(before);
    expect(html).toBe('<p><mark data-claim="a">abcde</mark>fghij</p>');
  });
});

describe("article outline on reader pages", () => {
  it("moves headings one level down so the dossier title stays the only h1", async () => {
    const { demoteHeadings } = await import("@/lib/markdown/outline");
    const tree = markdownToHast("# Titre\n\n## Partie\n\n###### Fin");
    expect(hastToHtml(demoteHeadings(tree))).toBe("<h2>Titre</h2>\n<h3>Partie</h3>\n<h6>Fin</h6>");
    expect(hastToHtml(tree)).toContain("<h1>Titre</h1>");
  });
});
