// A claim "in context" for its permalink: the block(s) of the article (paragraph, list, quote)
// that contain the claim's passage, with the passage marked. Built from the same sanitised tree
// and the same anchoring as the article itself.
import type { Element, Root, RootContent } from "hast";
import { anchorQuote } from "@/lib/domain/anchoring";
import { applyPassageMarks } from "./marks";
import { hastText, markdownToHast } from "./render";

function containsMark(node: RootContent, id: string): boolean {
  if (node.type !== "element") return false;
  if (node.tagName === "mark" && node.properties?.dataClaim === id) return true;
  return node.children.some((c) => containsMark(c as RootContent, id));
}

export function passageInContext(
  markdown: string,
  claim: { id: string; anchorExact: string; anchorPrefix: string; anchorSuffix: string; anchorStart: number | null },
  markProperties: Element["properties"],
): Root | null {
  const tree = markdownToHast(markdown);
  const found = anchorQuote(hastText(tree), { exact: claim.anchorExact, prefix: claim.anchorPrefix, suffix: claim.anchorSuffix }, claim.anchorStart);
  if (found.status !== "anchored") return null;
  const marked = applyPassageMarks(tree, [{ id: claim.id, start: found.start, end: found.end, markProperties }]);
  const blocks = marked.children.filter((child) => containsMark(child, claim.id));
  return blocks.length > 0 ? { type: "root", children: blocks } : null;
}
