// Marks claim passages inside a rendered article. Runs after sanitising, on a tree we trust,
// and only adds elements we build here. A passage may cross element boundaries (a link, an
// emphasis): each piece is wrapped in its own <mark>, and one badge follows the passage's end.
import type { Element, ElementContent, Root, RootContent, Text } from "hast";

export interface PassageMark {
  id: string;
  start: number;
  end: number;
  /** Properties for each <mark> piece (e.g. a class carrying the verdict tone). */
  markProperties?: Element["properties"];
  /** Inserted right after the passage (e.g. a link that says the verdict in words). */
  badge?: ElementContent;
}

type Parent = Root | Element;

/** Returns a new tree; the input is not modified. Marks must not overlap (later ones are skipped). */
export function applyPassageMarks(root: Root, marks: PassageMark[]): Root {
  const tree = structuredClone(root);
  const accepted: PassageMark[] = [];
  for (const m of [...marks].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.end <= m.start) continue;
    const last = accepted[accepted.length - 1];
    if (last && m.start < last.end) continue;
    accepted.push(m);
  }
  if (accepted.length === 0) return tree;

  let offset = 0;
  const visit = (parent: Parent) => {
    const out: (RootContent | ElementContent)[] = [];
    for (const child of parent.children) {
      if (child.type !== "text") {
        if (child.type === "element") visit(child);
        out.push(child);
        continue;
      }
      out.push(...splitText(child, offset, accepted));
      offset += child.value.length;
    }
    parent.children = out as typeof parent.children;
  };
  visit(tree);
  return tree;
}

function splitText(node: Text, offset: number, marks: PassageMark[]): (Text | Element)[] {
  const from = offset;
  const to = offset + node.value.length;
  const relevant = marks.filter((m) => m.start < to && m.end > from);
  if (relevant.length === 0) return [node];
  const pieces: (Text | Element)[] = [];
  let cursor = from;
  for (const m of relevant) {
    const s = Math.max(m.start, from);
    const e = Math.min(m.end, to);
    if (s > cursor) pieces.push({ type: "text", value: node.value.slice(cursor - from, s - from) });
    pieces.push({
      type: "element",
      tagName: "mark",
      properties: { ...(m.markProperties ?? {}), dataClaim: m.id },
      children: [{ type: "text", value: node.value.slice(s - from, e - from) }],
    });
    if (m.end <= to && m.badge) pieces.push(structuredClone(m.badge) as Element);
    cursor = e;
  }
  if (cursor < to) pieces.push({ type: "text", value: node.value.slice(cursor - from) });
  return pieces;
}
