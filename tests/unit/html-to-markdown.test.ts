// Rich text in (issue 16.4): what Word (through mammoth), Google Docs and Word's clipboard give,
// turned into the article's Markdown with its structure kept and everything else dropped.
import { describe, expect, it } from "vitest";
import { articleText, markdownToHtml } from "@/lib/markdown/render";
import { hasRichStructure, htmlToMarkdown } from "@/lib/markdown/from-html";

describe("HTML to the article's Markdown", () => {
  it("keeps headings, paragraphs, links, emphasis, lists and quotations (mammoth's HTML)", () => {
    const html =
      "<h1>Mistral AI, le pari discret</h1><p>Début juin 2023, <strong>Mistral AI</strong> a levé <em>105 millions d'euros</em>.</p>" +
      '<h2>Les fondateurs</h2><ul><li>Arthur Mensch</li><li>Guillaume Lample</li></ul><ol><li>Premier</li><li>Second</li></ol>' +
      '<blockquote><p>Nous ne communiquons pas.</p></blockquote><p>Voir <a href="https://example.org/registre">le registre</a>.</p>';
    expect(htmlToMarkdown(html)).toBe(
      [
        "# Mistral AI, le pari discret",
        "Début juin 2023, **Mistral AI** a levé *105 millions d'euros*.",
        "## Les fondateurs",
        "- Arthur Mensch\n- Guillaume Lample",
        "1. Premier\n2. Second",
        "> Nous ne communiquons pas.",
        "Voir [le registre](https://example.org/registre).",
      ].join("\n\n"),
    );
  });

  it("reads Google Docs' clipboard: bold and italic said with styles, the whole copy in <b style=font-weight:normal>", () => {
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><h2 dir="ltr"><span style="font-size:16pt;font-weight:400">Le silence</span></h2>' +
      '<p dir="ltr"><span style="font-weight:400">Une start-up </span><span style="font-weight:700">très</span><span style="font-weight:400"> </span><span style="font-style:italic;font-weight:400">discrète</span></p>' +
      '<ul><li dir="ltr"><p dir="ltr"><span>un</span></p></li><li dir="ltr"><p dir="ltr"><span>deux</span></p></li></ul></b>';
    expect(htmlToMarkdown(html)).toBe("## Le silence\n\nUne start-up **très** *discrète*\n\n- un\n- deux");
  });

  it("reads Word's clipboard: list paragraphs with typed markers become lists, <o:p> and classes vanish", () => {
    const html =
      '<p class="MsoNormal">Trois refus<o:p></o:p></p>' +
      '<p class="MsoListParagraphCxSpFirst" style="text-indent:-18pt;mso-list:l0 level1 lfo1"><span style="font-family:Symbol;mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>les fondateurs<o:p></o:p></p>\n' +
      '<p class="MsoListParagraphCxSpLast" style="text-indent:-18pt;mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;</span></span>les investisseurs<o:p></o:p></p>' +
      '<p class="MsoQuote">Pas de commentaire.</p>';
    expect(htmlToMarkdown(html)).toBe("Trois refus\n\n- les fondateurs\n- les investisseurs\n\n> Pas de commentaire.");
  });

  it("drops scripts, styles, images, event handlers and dangerous links", () => {
    const html =
      '<style>p{color:red}</style><p onclick="alert(1)">Texte <img src="https://tracker.example/x.png" alt="pixel"><script>alert(1)</script>' +
      '<a href="javascript:alert(1)">lien</a> <iframe src="https://evil.example"></iframe></p>';
    const md = htmlToMarkdown(html);
    expect(md).toBe("Texte lien");
    expect(markdownToHtml(md)).not.toMatch(/script|img|javascript|onclick|iframe/i);
  });

  it("gives the same text a reader will see, accents and non-breaking spaces included", () => {
    const md = htmlToMarkdown("<p>« Nous&nbsp;verrons », dit-il.</p>");
    expect(articleText(md)).toBe("« Nous verrons », dit-il.");
  });

  it("returns nothing for HTML without readable content", () => {
    expect(htmlToMarkdown("<style>x</style><img src=a>")).toBe("");
  });

  it("tells rich clipboard HTML from text merely wrapped in tags", () => {
    expect(hasRichStructure('<span style="color:black">juste du texte</span>')).toBe(false);
    expect(hasRichStructure("<p>un <strong>mot</strong></p>")).toBe(true);
    expect(hasRichStructure('<span style="font-weight:700">gras</span>')).toBe(true);
  });
});
