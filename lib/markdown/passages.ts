// The article's passages for search: each paragraph, heading, list item, quoted paragraph or
// table row as rendered text. Pure: works on the one pipeline's sanitised tree.
import type { Element, Root, RootContent } from "hast";
import { normalizeWithOffsets, type NormalizedText } from "@/lib/domain/text-normalization";
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

/**
 * What the server needs of an article's rendering: its text (the anchoring coordinates), that
 * text normalised for matching passages (lib/domain/text-normalization.ts), and its passages.
 */
export interface RenderedArticle {
  text: string;
  normalized: NormalizedText;
  passages: string[];
}

export function renderedArticle(markdown: string): RenderedArticle {
  const root = markdownToHast(markdown);
  const text = hastText(root);
  const normalized = normalizeWithOffsets(text);
  // Offsets as typed arrays: handed back from the worker thread as one copy of memory each.
  return { text, normalized: { text: normalized.text, startOf: Int32Array.from(normalized.startOf), endOf: Int32Array.from(normalized.endOf) }, passages: hastPassages(root) };
}
