// The article's passages for search: each paragraph, heading, list item, quoted paragraph or
// table row as rendered text. Pure: works on the one pipeline's sanitised tree.
import type { Element, Root, RootContent } from "hast";
import { hastText, markdownToHast } from "./render";

export function hastPassages(root: Root): string[] {
  const out: string[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== "element") continue;
      const el = node as Element;
      // Lists and quotes: each item is a passage of its own.
      if (["ul", "ol", "blockquote", "table", "thead", "tbody"].includes(el.tagName)) visit(el.children as RootContent[]);
      else {
        const text = hastText(el).replace(/\s+/g, " ").trim();
        if (text !== "") out.push(text);
      }
    }
  };
  visit(root.children);
  return out;
}

/** What the server needs of an article's rendering: its text (the anchoring coordinates) and passages. */
export interface RenderedArticle {
  text: string;
  passages: string[];
}

export function renderedArticle(markdown: string): RenderedArticle {
  const root = markdownToHast(markdown);
  return { text: hastText(root), passages: hastPassages(root) };
}
