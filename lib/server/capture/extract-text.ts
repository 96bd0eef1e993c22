import "server-only";
// The readable text of what was captured or uploaded, which evidence excerpts are looked up in:
// a web page through Mozilla Readability over jsdom (scripts never run, nothing is loaded), a
// PDF page by page through pdf.js, a Word document through mammoth. One line per paragraph.
import path from "node:path";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";

const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6",
  "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TD", "TH", "TR", "UL",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "OBJECT", "HEAD"]);

/** Text with one line per block (paragraph, heading, list item, table cell). */
export function blockText(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out.push(node.nodeValue ?? "");
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = (node as Element).tagName?.toUpperCase() ?? "";
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) out.push("\n");
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) out.push("\n");
  };
  walk(root);
  return tidy(out.join(""));
}

/** One space between words, one line per paragraph, no empty lines. */
export function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t\f\v\u00a0\u202f\u2009]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

export interface PageText {
  title: string | null;
  text: string;
}

/** The readable text of an HTML page (the article when Readability finds one, else the whole body). */
export function htmlText(bytes: Uint8Array, url: string, contentType: string): PageText {
  const dom = new JSDOM(Buffer.from(bytes), { url, contentType: contentType.includes("html") ? contentType : "text/html", virtualConsole: new VirtualConsole() });
  const document = dom.window.document;
  const whole = blockText(document.body ?? document);
  const title = document.title?.trim() || null;
  let text = whole;
  try {
    const article = new Readability(document.cloneNode(true) as Document, { charThreshold: 200 }).parse();
    if (article?.content) {
      const fragment = JSDOM.fragment(article.content);
      const readable = blockText(fragment);
      // Readability keeps the article and drops menus and footers; a page that is not an article
      // (a registry entry, a list) keeps all its text, so that nothing quoted from it is missed.
      if (readable.length >= Math.min(200, whole.length * 0.3)) text = readable;
    }
  } catch {
    // Readability gave up on this page: the whole text is the readable text.
  }
  dom.window.close();
  return { title: title ? title.slice(0, 500) : null, text };
}

export function plainText(bytes: Uint8Array, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return tidy(decoder.decode(bytes));
}

/** Each page's text, through pdf.js (the legacy build, made for Node). */
export async function pdfPages(bytes: Uint8Array): Promise<{ pages: string[]; title: string | null }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    // The 14 standard PDF fonts' metrics, shipped with pdf.js (text positions need them).
    standardFontDataUrl: path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts") + path.sep,
  });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        // pdf.js adds the spaces it infers from the gaps between glyphs itself.
        text += item.str;
        if (item.hasEOL) text += "\n";
      }
      pages.push(tidy(text));
      page.cleanup();
    }
    const meta = await pdf.getMetadata().catch(() => null);
    const info = meta?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === "string" && info.Title.trim() ? info.Title.trim().slice(0, 500) : null;
    return { pages, title };
  } finally {
    await pdf.destroy();
  }
}
