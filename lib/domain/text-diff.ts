// Readable differences between two versions of an article (revision history, conflicts), and a
// three-way merge of article text. The diffing itself is jsdiff's (`diff` package).
import { applyPatch, diffLines, diffWordsWithSpace, structuredPatch } from "diff";

export type PartKind = "same" | "added" | "removed";
export interface DiffPart {
  kind: PartKind;
  value: string;
}
export type DiffRow =
  | { kind: PartKind; /** 1-based line numbers in the old / new text (null where absent). */ oldLine: number | null; newLine: number | null; parts: DiffPart[] }
  | { kind: "skipped"; count: number };

export interface ArticleDiff {
  rows: DiffRow[];
  addedLines: number;
  removedLines: number;
  identical: boolean;
}

const splitLines = (value: string): string[] => {
  const lines = value.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
};

/**
 * Line-by-line differences, with the changed words highlighted inside a changed line, and long
 * unchanged stretches collapsed to `context` lines around each change.
 */
export function diffArticle(before: string, after: string, context = 2): ArticleDiff {
  const changes = diffLines(before.replace(/\r\n/g, "\n"), after.replace(/\r\n/g, "\n"));
  const rows: Extract<DiffRow, { parts: DiffPart[] }>[] = [];
  let oldLine = 1;
  let newLine = 1;
  let addedLines = 0;
  let removedLines = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const line of splitLines(change.value)) rows.push({ kind: "same", oldLine: oldLine++, newLine: newLine++, parts: [{ kind: "same", value: line }] });
      continue;
    }
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      // A replaced block: pair its lines to show which words changed.
      const removed = splitLines(change.value);
      const added = splitLines(next.value);
      const paired = Math.min(removed.length, added.length);
      for (let k = 0; k < paired; k++) {
        const words = diffWordsWithSpace(removed[k]!, added[k]!);
        rows.push({ kind: "removed", oldLine: oldLine++, newLine: null, parts: words.filter((w) => !w.added).map((w) => ({ kind: w.removed ? "removed" : "same", value: w.value })) });
        rows.push({ kind: "added", oldLine: null, newLine: newLine++, parts: words.filter((w) => !w.removed).map((w) => ({ kind: w.added ? "added" : "same", value: w.value })) });
      }
      for (const line of removed.slice(paired)) rows.push({ kind: "removed", oldLine: oldLine++, newLine: null, parts: [{ kind: "removed", value: line }] });
      for (const line of added.slice(paired)) rows.push({ kind: "added", oldLine: null, newLine: newLine++, parts: [{ kind: "added", value: line }] });
      removedLines += removed.length;
      addedLines += added.length;
      i++;
      continue;
    }
    for (const line of splitLines(change.value)) {
      if (change.added) {
        rows.push({ kind: "added", oldLine: null, newLine: newLine++, parts: [{ kind: "added", value: line }] });
        addedLines++;
      } else {
        rows.push({ kind: "removed", oldLine: oldLine++, newLine: null, parts: [{ kind: "removed", value: line }] });
        removedLines++;
      }
    }
  }
  return { rows: collapse(rows, context), addedLines, removedLines, identical: addedLines === 0 && removedLines === 0 };
}

function collapse(rows: Extract<DiffRow, { parts: DiffPart[] }>[], context: number): DiffRow[] {
  const keep = rows.map((r) => r.kind !== "same");
  rows.forEach((r, i) => {
    if (r.kind === "same") return;
    for (let k = Math.max(0, i - context); k <= Math.min(rows.length - 1, i + context); k++) keep[k] = true;
  });
  const out: DiffRow[] = [];
  let skipped = 0;
  rows.forEach((r, i) => {
    if (keep[i]) {
      if (skipped) out.push({ kind: "skipped", count: skipped });
      skipped = 0;
      out.push(r);
    } else skipped++;
  });
  if (skipped) out.push({ kind: "skipped", count: skipped });
  return out;
}

export type TextMerge = { ok: true; text: string } | { ok: false };

/**
 * Applies my changes (base → mine) on top of theirs. Succeeds when we changed different lines;
 * fails, rather than guessing, when we changed the same lines.
 */
export function mergeText(base: string, mine: string, theirs: string): TextMerge {
  if (mine === theirs || theirs === base) return { ok: true, text: mine };
  if (mine === base) return { ok: true, text: theirs };
  const patch = structuredPatch("base", "mine", base, mine, "", "", { context: 2 });
  const merged = applyPatch(theirs, patch);
  return merged === false ? { ok: false } : { ok: true, text: merged };
}

/** Two short texts side by side (a passage before and after), with the words that differ marked on each side. */
export function diffWords(before: string, after: string): { before: DiffPart[]; after: DiffPart[] } {
  const words = diffWordsWithSpace(before, after);
  return {
    before: words.filter((w) => !w.added).map((w) => ({ kind: w.removed ? "removed" : "same", value: w.value })),
    after: words.filter((w) => !w.removed).map((w) => ({ kind: w.added ? "added" : "same", value: w.value })),
  };
}
