// Claims are anchored to the article with a W3C Web Annotation TextQuoteSelector (exact text plus
// prefix/suffix context) and a TextPositionSelector hint. Offsets are in the article's rendered
// text (lib/markdown: the concatenated text of the rendered HTML, i.e. the DOM's textContent).
// When the article changes we re-find the passage, exactly if possible, approximately otherwise
// (approx-string-match: Myers' bit-parallel algorithm, the one Hypothesis uses); a passage that
// cannot be found is reported as orphaned, never silently dropped.
import search from "approx-string-match";
import { normalizeText, normalizeWithOffsets, type NormalizedText } from "./text-normalization";

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

/** A text prepared for anchoring: normalise it once, then anchor many claims in it. */
export interface PreparedText {
  original: string;
  normalized: NormalizedText;
}

export function prepareText(text: string): PreparedText {
  return { original: text, normalized: normalizeWithOffsets(text) };
}

/** The normalised offset of an original offset (the first character at or after it). */
function normalizedOffset(n: NormalizedText, offset: number): number {
  let lo = 0;
  let hi = n.startOf.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (n.startOf[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Finds the passage a selector points to in `text`. Typography does not matter (one
 * normalisation, lib/domain/text-normalization.ts): a passage whose quotes, spaces or dashes were
 * retyped is still found exactly. The result's offsets and text are the original text's.
 * `hint` is the previous start offset: among equally good candidates the nearest wins.
 */
export function anchorQuote(
  text: string | PreparedText,
  selector: Pick<TextQuoteSelector, "exact"> & Partial<TextQuoteSelector>,
  hint?: number | null,
): AnchorResult {
  const prepared = typeof text === "string" ? prepareText(text) : text;
  const { original, normalized } = prepared;
  const haystack = normalized.text;
  const exact = normalizeText(selector.exact);
  if (exact.trim() === "") return { status: "orphaned", reason: "not-found" };
  const context = { prefix: normalizeText(selector.prefix ?? ""), suffix: normalizeText(selector.suffix ?? "") };
  const near = hint == null ? null : normalizedOffset(normalized, hint);
  const toOriginal = (range: { start: number; end: number }) => describeRange(original, normalized.startOf[range.start]!, normalized.endOf[range.end - 1]!);

  const exactHits = allOccurrences(haystack, exact);
  if (exactHits.length > 0) {
    const best = pickBest(
      exactHits.map((start) => ({ start, end: start + exact.length })),
      haystack,
      exact.length,
      context,
      near,
    );
    if (!best) return { status: "orphaned", reason: "ambiguous" };
    return { status: "anchored", quality: "exact", ...toOriginal(best) };
  }

  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATIO);
  if (maxErrors === 0) return { status: "orphaned", reason: "not-found" };
  const matches = search(haystack, exact, maxErrors);
  if (matches.length === 0) return { status: "orphaned", reason: "not-found" };
  const fewest = Math.min(...matches.map((m) => m.errors));
  const candidates = matches
    .filter((m) => m.errors === fewest && m.end > m.start)
    .map((m) => snapToContext(haystack, m, exact.length, context, Math.max(2 * maxErrors, Math.ceil(exact.length / 2), 8)));
  const best = pickBest(candidates, haystack, exact.length, context, near);
  if (!best) return { status: "orphaned", reason: "ambiguous" };
  return { status: "anchored", quality: "fuzzy", ...toOriginal(best) };
}

/**
 * A fuzzy match ends (or starts) where the error budget ran out, which after an insertion can be
 * in the middle of a word ("…du tribunal de comme"). When the passage's known context is found
 * just after (or before) the match, the passage is what lies between: move the bound there.
 */
function snapToContext(text: string, match: { start: number; end: number }, exactLength: number, context: { prefix: string; suffix: string }, window: number): { start: number; end: number } {
  let { start, end } = match;
  const suffix = context.suffix.slice(0, 16);
  if (suffix.trim().length >= 4) {
    let best: number | null = null;
    for (let p = text.indexOf(suffix, Math.max(start + 1, end - window)); p !== -1 && p <= end + window; p = text.indexOf(suffix, p + 1)) {
      if (best === null || Math.abs(p - end) < Math.abs(best - end)) best = p;
    }
    if (best !== null) end = best;
  }
  const prefix = context.prefix.slice(-16);
  if (prefix.trim().length >= 4) {
    let best: number | null = null;
    for (let q = text.indexOf(prefix, Math.max(0, start - window - prefix.length)); q !== -1 && q + prefix.length <= Math.min(start + window, end - 1); q = text.indexOf(prefix, q + 1)) {
      const bound = q + prefix.length;
      if (best === null || Math.abs(bound - start) < Math.abs(best - start)) best = bound;
    }
    if (best !== null) start = best;
  }
  // Never let the context stretch a passage beyond recognition.
  const length = end - start;
  if (end <= start || length < exactLength / 2 || length > exactLength * 2) return match;
  return { start, end };
}

function pickBest(
  candidates: { start: number; end: number }[],
  text: string,
  exactLength: number,
  selector: Partial<TextQuoteSelector>,
  hint: number | null,
): { start: number; end: number } | undefined {
  if (candidates.length === 1) return candidates[0];
  const scored = candidates.map((c) => ({
    ...c,
    score: contextScore(text, c.start, c.end, selector),
    distance: hint == null ? 0 : Math.abs(c.start - hint),
    lengthGap: Math.abs(c.end - c.start - exactLength),
  }));
  // Candidates that start at the same place are one passage read with different ends: keep its
  // best reading (the context that matches best, then the length closest to the passage's).
  const byStart = new Map<number, (typeof scored)[number]>();
  for (const c of scored) {
    const seen = byStart.get(c.start);
    if (!seen || c.score > seen.score || (c.score === seen.score && (c.lengthGap < seen.lengthGap || (c.lengthGap === seen.lengthGap && c.end < seen.end)))) byStart.set(c.start, c);
  }
  const ranked = [...byStart.values()].sort((a, b) => b.score - a.score || a.distance - b.distance);
  const [first, second] = ranked;
  if (!first) return undefined;
  // Two different passages with identical context and no position to tell them apart: refuse to guess.
  if (second && second.score === first.score && second.distance === first.distance) return undefined;
  return { start: first.start, end: first.end };
}
