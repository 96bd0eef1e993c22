// On a reader page the dossier's title is the one <h1>; an article written with "# Heading" must
// not add a second one. Headings move one level down (h6 stays h6), keeping the outline intact.
import type { Element, Root, RootContent } from "hast";

export function demoteHeadings(root: Root): Root {
  const tree = structuredClone(root);
  const visit = (nodes: (RootContent | Element["children"][number])[]) => {
    for (const node of nodes) {
      if (node.type !== "element") continue;
      const level = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (level) node.tagName = `h${Math.min(Number(level) + 1, 6)}`;
      visit(node.children);
    }
  };
  visit(tree.children);
  return tree;
}
