// French typography for text we render: a narrow no-break space inside « guillemets » and before
// ; ! ?, a no-break space before the colon (Imprimerie nationale). Applied to French UI strings and
// to the text nodes of French content, never inside code or links' URLs (attributes are not text).
// Only spacing changes: words, quotes and apostrophes stay exactly as written (quotes are verbatim).
import type { Element, ElementContent, Root, RootContent } from "hast";

export const NBSP = "\u00A0";
export const NNBSP = "\u202F";

const SPACE = "[ \\u00A0\\u202F\\t]";

export function frenchTypography(text: string): string {
  return (
    text
      .replace(new RegExp(`«${SPACE}*`, "g"), `«${NNBSP}`)
      .replace(new RegExp(`${SPACE}*»`, "g"), `${NNBSP}»`)
      // A space typed before the mark becomes the right no-break space…
      .replace(new RegExp(`${SPACE}+([;!?])`, "g"), `${NNBSP}$1`)
      .replace(new RegExp(`${SPACE}+:`, "g"), `${NBSP}:`)
      // …and a missing one is added, but only where the mark ends a word and is followed by a
      // space, a closing mark or the end: "12:30", "https://", "a?b=1" and "?!" stay untouched.
      .replace(/([\p{L}\p{N}»)\]’'"])([;!?])(?=[\s»)\]]|$)/gu, `$1${NNBSP}$2`)
      .replace(/([\p{L}»)\]’'"])(:)(?=[\s»)\]]|$)/gu, `$1${NBSP}$2`)
  );
}

/** Applies French typography when `language` is French; other languages are returned as they are. */
export function typeset(text: string, language: string): string {
  return language.toLowerCase().startsWith("fr") ? frenchTypography(text) : text;
}

/** Elements whose text must not be touched (code is literal; markers are typeset as UI strings). */
const SKIP = new Set(["code", "pre", "kbd", "samp", "script", "style"]);

function skipped(node: Element): boolean {
  if (SKIP.has(node.tagName)) return true;
  const className = node.properties?.className;
  return Array.isArray(className) && className.includes("claim-marker");
}

/** Returns a copy of a hast tree with French typography applied to its text nodes. */
export function typesetTree(root: Root, language: string): Root {
  if (!language.toLowerCase().startsWith("fr")) return root;
  const tree = structuredClone(root);
  const visit = (node: Root | Element) => {
    for (const child of node.children as (RootContent | ElementContent)[]) {
      if (child.type === "text") child.value = frenchTypography(child.value);
      else if (child.type === "element" && !skipped(child)) visit(child);
    }
  };
  visit(tree);
  return tree;
}
