// Full-text search rules shared by both engines (lib/server/search): how text becomes words, how
// a person's query becomes terms, how a snippet is cut and highlighted. Pure: no I/O.
//
// Words are folded (lower case, accents removed) and then stemmed with Snowball's French and
// English stemmers, the algorithms of PostgreSQL's `french` and `english` configurations, which
// PostgreSQL applies after `unaccent` in the same order. A word matches when either of its stems
// does, so "vérifié" finds "verifie" and "investisseurs" finds "investisseur" whatever the
// dossier's language.
import snowball from "snowball-stemmers";

/** What search finds, in the order the filter offers them. */
export const SEARCH_KINDS = ["claim", "passage", "source", "quote", "entity", "question", "event"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, { en: string; fr: string }> = {
  claim: { en: "Claim", fr: "Affirmation" },
  passage: { en: "Article passage", fr: "Passage de l’article" },
  source: { en: "Source", fr: "Source" },
  quote: { en: "Quote", fr: "Citation" },
  entity: { en: "Person or organisation", fr: "Personne ou organisation" },
  question: { en: "Open question", fr: "Question ouverte" },
  event: { en: "Timeline event", fr: "Événement" },
};

/** The longest query accepted, and the most words used from it. */
export const QUERY_MAX_LENGTH = 200;
export const QUERY_MAX_TERMS = 12;
/** The longest word kept (longer "words" are noise: hashes, base64). */
const WORD_MAX_LENGTH = 60;

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case, accents and other combining marks removed, ligatures opened (œ → oe). */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .replace(/ß/g, "ss")
    .toLowerCase();
}

const french = snowball.newStemmer("french");
const english = snowball.newStemmer("english");

export interface Word {
  /** The word as written. */
  text: string;
  /** Offset in the original text (UTF-16 units). */
  start: number;
  end: number;
}

/** The words of a text, with their place in it (for snippets). */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    if (m[0].length > WORD_MAX_LENGTH) continue;
    out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/**
 * Words already stemmed: a newsroom's texts repeat the same few thousand words, and the Snowball
 * stemmers in JavaScript were most of the SQLite engine's indexing time. Bounded: emptied when full.
 */
const stemmed = new Map<string, { fr: string; en: string }>();
const STEM_CACHE_MAX = 50_000;

/** One folded word's French and English stems. */
export function stems(word: string): { fr: string; en: string } {
  const known = stemmed.get(word);
  if (known) return known;
  const folded = foldText(word);
  const s = Object.freeze({ fr: french.stem(folded), en: english.stem(folded) });
  if (stemmed.size >= STEM_CACHE_MAX) stemmed.clear();
  stemmed.set(word, s);
  return s;
}

/** A text as the SQLite engine indexes it: its words' French stems, and their English stems. */
export function stemmedText(text: string): { fr: string; en: string } {
  const fr: string[] = [];
  const en: string[] = [];
  for (const w of words(text)) {
    const s = stems(w.text);
    fr.push(s.fr);
    en.push(s.en);
  }
  return { fr: fr.join(" "), en: en.join(" ") };
}

export interface ParsedQuery {
  /** The words searched for, as typed (folded), at most QUERY_MAX_TERMS, duplicates dropped. */
  terms: string[];
  /** Their stems, in the same order. */
  stems: { fr: string; en: string }[];
}

/**
 * A person's query as terms: only letters and digits count. Quotes, stars, brackets, colons,
 * minus signs and the words AND/OR/NOT/NEAR are never passed to an engine as syntax, so no query
 * can fail for its punctuation. An empty result means nothing searchable was typed.
 */
export function parseQuery(query: string): ParsedQuery {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const w of words(query.slice(0, QUERY_MAX_LENGTH))) {
    const folded = foldText(w.text);
    if (seen.has(folded)) continue;
    seen.add(folded);
    terms.push(folded);
    if (terms.length >= QUERY_MAX_TERMS) break;
  }
  return { terms, stems: terms.map((t) => ({ fr: french.stem(t), en: english.stem(t) })) };
}

/** A stem as an FTS5 string literal: always quoted, so it is a word and never an operator. */
const fts5String = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The FTS5 MATCH expression for a parsed query: every term, by its French stem in the French
 * columns or by its English stem in the English columns. `mode: "any"` (similar claims) asks for
 * any term instead of all of them.
 */
export function fts5Match(parsed: ParsedQuery, mode: "all" | "any" = "all"): string {
  const join = mode === "all" ? " AND " : " OR ";
  const fr = parsed.stems.map((s) => fts5String(s.fr)).join(join);
  const en = parsed.stems.map((s) => fts5String(s.en)).join(join);
  return `({fr_title fr_body} : (${fr})) OR ({en_title en_body} : (${en}))`;
}

/**
 * The words of a query for PostgreSQL's tsquery functions: folded terms only, which
 * plainto_tsquery reads as plain words whatever they are.
 */
export function postgresQueryText(parsed: ParsedQuery): string {
  return parsed.terms.join(" ");
}

// ── Snippets ──

/** A piece of a snippet: `hit` pieces matched the query. Rendered as text, never as HTML. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

const SNIPPET_LENGTH = 220;

/** Does a word of the text match one of the query's terms (by either stem, or as its start)? */
function matcher(parsed: ParsedQuery): (word: string) => boolean {
  const fr = new Set(parsed.stems.map((s) => s.fr));
  const en = new Set(parsed.stems.map((s) => s.en));
  return (word) => {
    const s = stems(word);
    return fr.has(s.fr) || en.has(s.en) || fr.has(s.en) || en.has(s.fr);
  };
}

/**
 * A short passage of `text` around its first match, as parts to render (matches marked). Plain
 * text in, plain text out: the page renders each part as a text node, so a record's text can
 * never inject HTML.
 */
export function snippet(text: string, parsed: ParsedQuery, length = SNIPPET_LENGTH): SnippetPart[] {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat === "") return [];
  const isHit = matcher(parsed);
  const all = words(flat);
  const hits = all.filter((w) => isHit(w.text));
  let from = 0;
  if (flat.length > length && hits.length > 0) {
    // Start a little before the first match, at a word boundary.
    const first = hits[0]!.start;
    from = Math.max(0, first - Math.floor(length / 4));
    if (from > 0) {
      const boundary = flat.indexOf(" ", from);
      from = boundary >= 0 && boundary < first ? boundary + 1 : from;
    }
  }
  let to = Math.min(flat.length, from + length);
  if (to < flat.length) {
    const boundary = flat.lastIndexOf(" ", to);
    if (boundary > from) to = boundary;
  }
  const parts: SnippetPart[] = [];
  const push = (s: string, hit: boolean) => {
    if (s === "") return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += s;
    else parts.push({ text: s, hit });
  };
  if (from > 0) push("… ", false);
  let at = from;
  for (const w of hits) {
    if (w.start < from || w.end > to) continue;
    push(flat.slice(at, w.start), false);
    push(flat.slice(w.start, w.end), true);
    at = w.end;
  }
  push(flat.slice(at, to), false);
  if (to < flat.length) push(" …", false);
  return parts;
}

// ── Article passages ──

/** An article split into its paragraphs (blank lines), each searchable and linkable on its own. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => words(p).length > 0);
}

/** The date a record is filtered by: YYYY-MM-DD, or null. */
export function dayOf(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return null;
  const month = m[2] && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? m[2] : "01";
  const day = m[3] && Number(m[3]) >= 1 && Number(m[3]) <= 31 ? m[3] : "01";
  return `${m[1]}-${month}-${day}`;
}
