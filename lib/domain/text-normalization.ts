// One typographic normalisation for every comparison of words: anchoring a claim to its passage,
// importing content files, and deciding whether a verdict still applies to a claim's text
// (lib/domain/recheck.ts). Two texts that differ only typographically are the same words:
//   - Unicode compatibility forms (NFKC): "é" typed as e + accent, ligatures, "…", full-width forms;
//   - curly or straight quotes and apostrophes (’ ‘ ‚ ′ → ', “ ” „ ″ « » → ");
//   - the spaces French typography puts inside « guillemets » and before ; : ! ?;
//   - no-break, narrow no-break and other spaces, line breaks and runs of spaces (one space);
//   - dashes and minus signs (‐ ‑ ‒ – — ― − → -);
//   - invisible characters (soft hyphen, zero-width spaces, word joiner, byte-order mark).
// Letters, digits, case and punctuation other than the above are words: "105" and "15" differ.

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** For each character of `text`, the offset in the original text where it comes from… */
  startOf: ArrayLike<number>;
  /** …and the offset just after the original characters it stands for. */
  endOf: ArrayLike<number>;
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u2039\u203A]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;
const OPENING_GUILLEMET_CODES = new Set([0xab, 0x2039]);
const CLOSING_GUILLEMET_CODES = new Set([0xbb, 0x203a]);
/** Marks French typography spaces before (and that English writes without a space). */
const SPACED_PUNCTUATION = new Set([";", ":", "!", "?"]);
const COMBINING = /\p{M}/u;

/** Units repeat (an article is mostly the same few dozen letters): map each once. */
const mapped = new Map<string, string>();

function mapUnit(unit: string): string {
  // Printable ASCII other than the quote marks is itself.
  if (unit.length === 1) {
    const c = unit.charCodeAt(0);
    if (c > 0x20 && c < 0x7f && c !== 0x60) return unit;
  }
  let out = mapped.get(unit);
  if (out === undefined) {
    out = unit.normalize("NFKC").replace(INVISIBLE, "").replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, "-").replace(/\s/gu, " ");
    // Bounded: combining sequences are open-ended, and a long-running server normalises a lot.
    if (mapped.size < 10_000) mapped.set(unit, out);
  }
  return out;
}

/**
 * The normalised text with, for every character, where it came from in the original: a match
 * found in the normalised text maps back to a range of the original (for anchoring).
 */
export function normalizeWithOffsets(original: string): NormalizedText {
  const out: string[] = [];
  const startOf: number[] = [];
  const endOf: number[] = [];
  let last = "";
  let skipSpaces = false;
  let i = 0;
  const drop = () => {
    out.pop();
    startOf.pop();
    endOf.pop();
    last = out.length ? out[out.length - 1]! : "";
  };
  const push = (char: string, start: number, end: number) => {
    out.push(char);
    startOf.push(start);
    endOf.push(end);
    last = char;
  };
  while (i < original.length) {
    // A unit: one code point and the combining marks that follow it (NFKC composes them).
    const first = original.codePointAt(i)!;
    let end = i + (first > 0xffff ? 2 : 1);
    while (end < original.length) {
      const next = original.codePointAt(end)!;
      // Combining marks start at U+0300: most characters are decided without a regular expression.
      if (next < 0x300) break;
      const char = String.fromCodePoint(next);
      if (!COMBINING.test(char)) break;
      end += char.length;
    }
    const norm = mapUnit(end - i === 1 ? original[i]! : original.slice(i, end));
    if (CLOSING_GUILLEMET_CODES.has(first) || (norm.length === 1 && SPACED_PUNCTUATION.has(norm))) {
      // « texte » and "texte", "répondre ?" and "répondre?": the spaces are typography.
      while (last === " ") drop();
    }
    for (const char of norm) {
      if (char === " " && (skipSpaces || last === " ")) continue;
      push(char, i, end);
    }
    // Spaces and invisible characters leave it as it is: « followed by several spaces.
    if (norm !== "" && norm !== " ") skipSpaces = OPENING_GUILLEMET_CODES.has(first);
    i = end;
  }
  return { text: out.join(""), startOf, endOf };
}

/** The normalised text alone. */
export function normalizeText(text: string): string {
  return normalizeWithOffsets(text).text;
}

/** Whether two texts are the same words (typography aside; surrounding spaces ignored). */
export function sameWords(a: string, b: string): boolean {
  return a === b || normalizeText(a).trim() === normalizeText(b).trim();
}
