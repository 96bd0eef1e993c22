// The Markdown pipeline against the attack corpus: nothing executable survives. The checks read
// the rendered tree (elements and attributes), so an attack left as harmless text passes and an
// attack that became markup fails.
import type { Element, Root, RootContent } from "hast";
import { describe, expect, it } from "vitest";
import { hastText, markdownToHast, markdownToHtml } from "@/lib/markdown/render";
import { XSS_CORPUS } from "../fixtures/xss-corpus";

const FORBIDDEN_TAGS = new Set(["script", "svg", "math", "iframe", "object", "embed", "form", "input", "button", "meta", "base", "style", "link", "img", "video", "audio", "source", "template", "noscript", "body", "textarea"]);

function elements(node: Root | RootContent): Element[] {
  if (node.type === "element") return [node, ...node.children.flatMap(elements)];
  if (node.type === "root") return node.children.flatMap(elements);
  return [];
}

function problems(tree: Root): string[] {
  const found: string[] = [];
  for (const el of elements(tree)) {
    if (FORBIDDEN_TAGS.has(el.tagName)) found.push(`<${el.tagName}>`);
    for (const [name, value] of Object.entries(el.properties ?? {})) {
      if (/^on/i.test(name)) found.push(`${el.tagName}[${name}]`);
      if (name === "style") found.push(`${el.tagName}[style]`);
      if (["href", "src", "action", "formAction", "data", "xLinkHref"].includes(name)) {
        const url = String(value).replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (!/^(https?:|mailto:|#)/.test(url)) found.push(`${el.tagName}[${name}=${value}]`);
      }
      if ((name === "id" || name === "className") && String(value).includes("xss-probe")) found.push(`${el.tagName}[${name}=xss-probe]`);
    }
  }
  return found;
}

describe("the Markdown pipeline with the XSS corpus", () => {
  it.each(XSS_CORPUS.map((s) => [s]))("renders %j inertly", (attack) => {
    const tree = markdownToHast(`Avant.\n\n${attack}\n\nAprès.`);
    expect(problems(tree)).toEqual([]);
    const text = hastText(tree);
    expect(text).toContain("Avant.");
    expect(text).toContain("Après.");
  });

  it("catches markup when it is there (the check itself works)", () => {
    const tree: Root = { type: "root", children: [{ type: "element", tagName: "a", properties: { href: "javascript:alert(1)", onClick: "x" }, children: [] }] };
    expect(problems(tree)).toEqual(["a[href=javascript:alert(1)]", "a[onClick]"]);
  });

  it("keeps ordinary links and code as readers expect", () => {
    expect(markdownToHtml("[site](https://example.org)")).toContain('<a href="https://example.org">site</a>');
    expect(markdownToHtml("`<b>`")).toContain("<code>&#x3C;b></code>");
  });
});
