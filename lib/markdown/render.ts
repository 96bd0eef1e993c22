// The one Markdown pipeline: remark (GFM) → rehype → rehype-sanitize. Everything a journalist
// writes passes through it before anyone sees it, in the newsroom preview and on reader pages.
// Output is a sanitised hast tree; text offsets over it are the anchoring coordinate system.
import type { Element, ElementContent, Root, RootContent, Text } from "hast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * GitHub's sanitising schema, minus images (an article body must not make readers' browsers
 * fetch third-party URLs) and with ids clobber-prefixed as GitHub does.
 */
export const sanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !["img", "picture", "source", "video", "audio"].includes(t)),
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // Raw HTML in Markdown is dropped, not passed through: allowDangerousHtml stays false.
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema);

export function markdownToHast(markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}

const stringifier = unified().use(rehypeStringify);

export function hastToHtml(root: Root): string {
  return stringifier.stringify(root);
}

export function markdownToHtml(markdown: string): string {
  return hastToHtml(markdownToHast(markdown));
}

/** The rendered text: every text node in document order (equals the DOM's textContent). */
export function hastText(node: Root | RootContent | ElementContent): string {
  if (node.type === "text") return node.value;
  if ("children" in node) return node.children.map((c) => hastText(c as RootContent)).join("");
  return "";
}

export function articleText(markdown: string): string {
  return hastText(markdownToHast(markdown));
}

export type { Element, Root, Text };
