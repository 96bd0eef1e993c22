// Rich text in: HTML (a Word document converted by mammoth, or what the clipboard holds after a
// copy from Google Docs, Word or a web page) to the article's Markdown. rehype-parse → our clean-up
// of what word processors write → rehype-sanitize with a structural allow-list → rehype-remark →
// remark-stringify (GFM). Keeps headings, paragraphs, links, emphasis, lists, quotations, code
// and tables; drops styles, classes, images, scripts and everything else. The Markdown it gives is
// then rendered through the one pipeline (render.ts) like anything typed, so this is not the
// safety boundary, only the first filter. Runs in the browser (paste) and on the server (.docx).
import type { Element, ElementContent, Root, RootContent } from "hast";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { hastText } from "./render";

/** What survives of pasted or converted HTML: structure and inline meaning, no presentation. */
const structural = {
  tagNames: [
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "ul", "ol", "li", "a", "strong", "b", "em", "i", "del", "s",
    "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
  ],
  attributes: { a: ["href", "title"], ol: ["start"], th: ["align"], td: ["align"] },
  protocols: { href: ["http", "https", "mailto"] },
  strip: ["script", "style", "title", "head", "template", "noscript", "iframe", "object", "svg", "math"],
  // No clobber prefix: nothing here keeps an id or a name.
  clobber: [],
  clobberPrefix: "",
  required: {},
  ancestors: { li: ["ol", "ul"], tr: ["table", "thead", "tbody"], th: ["tr"], td: ["tr"] },
};

const styleOf = (el: Element): string => String(el.properties?.style ?? "").toLowerCase().replace(/\s+/g, "");
const classesOf = (el: Element): string[] => {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === "string" ? c.split(/\s+/) : [];
};
const element = (tagName: string, children: ElementContent[], properties: Element["properties"] = {}): Element => ({ type: "element", tagName, properties, children });

/**
 * Word processors say "bold" and "italic" with styles rather than tags (Google Docs wraps the
 * whole copy in <b style="font-weight:normal"> and marks bold runs with font-weight:700); Word
 * writes lists as paragraphs of class MsoListParagraph with a typed marker. Turn those into the
 * tags they mean, before the styles are dropped.
 */
function meaningOfStyles() {
  return (tree: Root) => {
    const visit = (parent: Root | Element) => {
      const out: (RootContent | ElementContent)[] = [];
      let list: Element | null = null;
      for (const child of parent.children) {
        if (child.type === "comment") continue;
        if (child.type !== "element") {
          // Whitespace between Word's list paragraphs must not end the list.
          if (!(list && child.type === "text" && child.value.trim() === "")) list = null;
          out.push(child);
          continue;
        }
        visit(child);
        const style = styleOf(child);
        let node: Element = child;
        // Office's own namespace tags (<o:p>) carry nothing.
        if (child.tagName.includes(":")) {
          out.push(...(child.children as ElementContent[]));
          continue;
        }
        if ((child.tagName === "b" || child.tagName === "strong") && /font-weight:(normal|400)/.test(style)) {
          out.push(...(child.children as ElementContent[]));
          continue;
        }
        if (child.tagName === "span") {
          if (/mso-list:ignore/.test(style)) continue; // Word's typed list marker ("·", "1.")
          let children: ElementContent[] = child.children as ElementContent[];
          if (/font-style:italic/.test(style)) children = [element("em", children)];
          if (/font-weight:(bold|[6-9]00)/.test(style)) children = [element("strong", children)];
          if (/text-decoration:[^;]*line-through/.test(style)) children = [element("del", children)];
          out.push(...children);
          continue;
        }
        const wordList = child.tagName === "p" && (classesOf(child).some((c) => /^MsoListParagraph/i.test(c)) || /mso-list:l\d/.test(style));
        if (wordList) {
          const ordered = /^\s*(\d+|[a-z]|[ivx]+)[.)]/i.test(hastText(child)) && !/^\s*[·•o§▪-]/.test(hastText(child));
          const item = element("li", child.children as ElementContent[]);
          if (!list || (list.tagName === "ol") !== ordered) {
            list = element(ordered ? "ol" : "ul", []);
            out.push(list);
          }
          list.children.push(item);
          continue;
        }
        list = null;
        // Google Docs puts each list item's text in a <p>: a loose list in Markdown, not what was meant.
        if (child.tagName === "li") {
          const elements = child.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
          if (elements.length === 1 && elements[0]!.type === "element" && elements[0]!.tagName === "p") child.children = elements[0]!.children;
        }
        // Word and Google Docs mark quotations by style or class, not <blockquote>.
        if (child.tagName === "p" && classesOf(child).some((c) => /^Mso(Quote|IntenseQuote)$/i.test(c))) node = element("blockquote", [element("p", child.children as ElementContent[])]);
        out.push(node);
      }
      parent.children = out as typeof parent.children;
    };
    visit(tree);
  };
}

/** A link whose address was refused (javascript:, a relative path) keeps its words, not an empty link. */
function unwrapEmptyLinks() {
  return (tree: Root) => {
    const visit = (parent: Root | Element) => {
      parent.children = parent.children.flatMap((child) => {
        if (child.type !== "element") return [child];
        visit(child);
        return child.tagName === "a" && !child.properties?.href ? (child.children as typeof parent.children) : [child];
      }) as typeof parent.children;
    };
    visit(tree);
  };
}

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(meaningOfStyles)
  .use(rehypeSanitize, structural)
  .use(unwrapEmptyLinks)
  .use(rehypeRemark)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: "-", emphasis: "*", strong: "*", fences: true, rule: "-" });

/** Markdown for a piece of HTML; an empty string when nothing readable is in it. */
export function htmlToMarkdown(html: string): string {
  const markdown = String(processor.processSync(html));
  return markdown
    .replace(/\u00a0/g, " ")
    .replace(/&#x20;/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Whether clipboard HTML carries formatting worth converting (not just text in a <span>). */
export function hasRichStructure(html: string): boolean {
  return /<(h[1-6]|a\s|strong|b[\s>]|em|i[\s>]|ul|ol|li|blockquote|table)\b/i.test(html) || /font-weight:\s*(bold|[6-9]00)|font-style:\s*italic/i.test(html);
}
