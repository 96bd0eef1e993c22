// Claims are anchored to the article with a W3C Web Annotation TextQuoteSelector (exact text plus
// prefix/suffix context) and a TextPositionSelector hint. Offsets are in the article's rendered
// text (lib/markdown: the concatenated text of the rendered HTML, i.e. the DOM's textContent).
// When the article changes we re-find the passage, exactly if possible, approximately otherwise
// (approx-string-match: Myers' bit-parallel algorithm, the one Hypothesis uses); a passage that
// cannot be found is reported as orphaned, never silently dropped.
import search from "approx-string-match";

export const CONTEXT_LENGTH = 32;
/** Share of the passage's characters that may differ for a fuzzy re-anchor to count. */
export const MAX_ERROR_RATIO = 0.2;

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Anchor extends TextQuoteSelector {
  start: number;
  end: number;
}

export type AnchorResult =
  | ({ status: "anchored"; quality: "exact" | "fuzzy" } & Anchor)
  | { status: "orphaned"; reason: "not-found" | "ambiguous" };

/** The selector for text[start, end): what the newsroom stores when a passage is selected. */
export function describeRange(text: string, start: number, end: number, context = CONTEXT_LENGTH): Anchor {
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Invalid range ${start}–${end} for a text of ${text.length} characters`);
  }
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
    start,
    end,
  };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function allOccurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === "") return found;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** How well the context around text[start, end) matches the selector's prefix and suffix. */
function contextScore(text: string, start: number, end: number, selector: Partial<TextQuoteSelector>): number {
  const prefix = selector.prefix ?? "";
  const suffix = selector.suffix ?? "";
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  return commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix);
}

/**
 * Finds the passage a selector points to in `text`.
 * `hint` is the previous start offset: among equally good candidates the nearest wins.
 */
export function anchorQuote(
  text: string,
  selector: Pick<TextQuoteSelector, "exact"> & Partial<TextQuoteSelector>,
  hint?: number | null,
): AnchorResult {
  const exact = selector.exact;
  if (exact.trim() === "") return { status: "orphaned", reason: "not-found" };

  const exactHits = allOccurrences(text, exact);
  if (exactHits.length > 0) {
    const best = pickBest(
      exactHits.map((start) => ({ start, end: start + exact.length, errors: 0 })),
      text,
      selector,
      hint,
    );
    if (!best) return { status: "orphaned", reason: "ambiguous" };
    return { status: "anchored", quality: "exact", ...describeRange(text, best.start, best.end) };
  }

  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATIO);
  if (maxErrors === 0) return { status: "orphaned", reason: "not-found" };
  const matches = search(text, exact, maxErrors);
  if (matches.length === 0) return { status: "orphaned", reason: "not-found" };
  const fewest = Math.min(...matches.map((m) => m.errors));
  const candidates = matches.filter((m) => m.errors === fewest && m.end > m.start);
  const best = pickBest(candidates, text, selector, hint);
  if (!best) return { status: "orphaned", reason: "ambiguous" };
  return { status: "anchored", quality: "fuzzy", ...describeRange(text, best.start, best.end) };
}

function pickBest(
  candidates: { start: number; end: number; errors: number }[],
  text: string,
  selector: Partial<TextQuoteSelector>,
  hint?: number | null,
): { start: number; end: number } | undefined {
  if (candidates.length === 1) return candidates[0];
  const scored = candidates
    .map((c) => ({ ...c, score: contextScore(text, c.start, c.end, selector), distance: hint == null ? 0 : Math.abs(c.start - hint) }))
    .sort((a, b) => b.score - a.score || a.distance - b.distance);
  const [first, second] = scored;
  if (!first) return undefined;
  // Two candidates with identical context and no position to tell them apart: refuse to guess.
  if (second && second.score === first.score && second.distance === first.distance) return undefined;
  return first;
}
