// Is an evidence excerpt really in what the newsroom archived? The excerpt is looked up in every
// capture and document of its source, after typographic normalisation
// (typographic-normalisation.ts). An elision ("…", "[…]", "(...)") in the excerpt stands for
// words left out: the parts around it must appear in that order. Pure.
import { normaliseForComparison } from "./typographic-normalisation";

export interface ArchivedText {
  kind: "capture" | "document";
  id: string;
  /** ISO date-time: when it was captured or uploaded. */
  at: string;
  /** The document's file name, or the capture's final address. */
  label: string;
  /** The whole text (for a capture of a web page, its readable text). */
  text: string;
  /** Each page's text, for a PDF: the page the excerpt is on is reported. */
  pages: string[] | null;
}

export interface ExcerptMatch {
  kind: "capture" | "document";
  id: string;
  at: string;
  label: string;
  /** 1-based page where the excerpt starts, for a paged document. */
  page: number | null;
}

export type ExcerptCheck =
  | { status: "no-excerpt" }
  | { status: "nothing-archived" }
  | {
      status: "found";
      /** Where it was found: the newest capture containing it, else the newest document. */
      match: ExcerptMatch;
      /** Every record that contains it, newest first. */
      all: ExcerptMatch[];
      /** The newest capture, when it does not contain the excerpt (the page changed since). */
      missingFromLatestCapture: { id: string; at: string } | null;
    }
  | { status: "not-found"; searched: number };

const ELISION = /\s*(?:\[\s*\.\.\.\s*\]|\(\s*\.\.\.\s*\)|\.\.\.)\s*/;

/** The parts of an excerpt that must be found, in order (an elision separates them). */
export function excerptParts(excerpt: string): string[] {
  return normaliseForComparison(excerpt)
    .split(ELISION)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Offset (in the normalised text) where the parts start, in order, or -1. */
function findParts(haystack: string, parts: string[]): number {
  if (parts.length === 0) return -1;
  let from = 0;
  let start = -1;
  for (const part of parts) {
    const at = haystack.indexOf(part, from);
    if (at === -1) return -1;
    if (start === -1) start = at;
    from = at + part.length;
  }
  return start;
}

function locate(record: ArchivedText, parts: string[]): ExcerptMatch | null {
  const base = { kind: record.kind, id: record.id, at: record.at, label: record.label };
  if (record.pages && record.pages.length > 0) {
    // Join the pages so an excerpt may run over a page break, and remember where each starts.
    const normalised = record.pages.map(normaliseForComparison);
    const starts: number[] = [];
    let joined = "";
    for (const page of normalised) {
      if (joined) joined += " ";
      starts.push(joined.length);
      joined += page;
    }
    const at = findParts(joined, parts);
    if (at === -1) return null;
    let page = 0;
    while (page + 1 < starts.length && starts[page + 1]! <= at) page++;
    return { ...base, page: page + 1 };
  }
  return findParts(normaliseForComparison(record.text), parts) === -1 ? null : { ...base, page: null };
}

export function checkExcerpt(excerpt: string, records: readonly ArchivedText[]): ExcerptCheck {
  const parts = excerptParts(excerpt);
  if (parts.length === 0) return { status: "no-excerpt" };
  if (records.length === 0) return { status: "nothing-archived" };
  const newestFirst = [...records].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const all = newestFirst.map((r) => locate(r, parts)).filter((m): m is ExcerptMatch => m !== null);
  if (all.length === 0) return { status: "not-found", searched: records.length };
  const latestCapture = newestFirst.find((r) => r.kind === "capture");
  const match = all.find((m) => m.kind === "capture") ?? all[0]!;
  const missing = latestCapture && !all.some((m) => m.id === latestCapture.id) ? { id: latestCapture.id, at: latestCapture.at } : null;
  return { status: "found", match, all, missingFromLatestCapture: missing };
}
