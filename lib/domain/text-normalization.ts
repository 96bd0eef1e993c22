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
  startOf: number[];
  /** …and the offset just after the original characters it stands for. */
  endOf: number[];
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u2039\u203A]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;
const OPENING_GUILLEMETS = new Set(["\u00AB", "\u2039"]);
const CLOSING_GUILLEMETS = new Set(["\u00BB", "\u203A"]);
/** Marks French typography spaces before (and that English writes without a space). */
const SPACED_PUNCTUATION = new Set([";", ":", "!", "?"]);
const COMBINING = /\p{M}/u;

function mapUnit(unit: string): string {
  return unit.normalize("NFKC").replace(INVISIBLE, "").replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, "-").replace(/\s/gu, " ");
}

/**
 * The normalised text with, for every character, where it came from in the original: a match
 * found in the normalised text maps back to a range of the original (for anchoring).
 */
export function normalizeWithOffsets(original: string): NormalizedText {
  const out: string[] = [];
  const startOf: number[] = [];
  const endOf: number[] = [];
  let skipSpaces = false;
  let i = 0;
  while (i < original.length) {
    // A unit: one code point and the combining marks that follow it (NFKC composes them).
    const first = original.codePointAt(i)!;
    let end = i + (first > 0xffff ? 2 : 1);
    while (end < original.length) {
      const next = original.codePointAt(end)!;
      const char = String.fromCodePoint(next);
      if (!COMBINING.test(char)) break;
      end += char.length;
    }
    const unit = original.slice(i, end);
    const base = String.fromCodePoint(first);
    const mapped = mapUnit(unit);
    if (CLOSING_GUILLEMETS.has(base) || (mapped.length === 1 && SPACED_PUNCTUATION.has(mapped))) {
      // « texte » and "texte", "répondre ?" and "répondre?": the spaces are typography.
      while (out.length > 0 && out[out.length - 1] === " ") {
        out.pop();
        startOf.pop();
        endOf.pop();
      }
    }
    for (const char of mapped) {
      if (char === " " && (skipSpaces || out[out.length - 1] === " ")) continue;
      out.push(char);
      startOf.push(i);
      endOf.push(end);
    }
    // Spaces and invisible characters leave it as it is: « followed by several spaces.
    if (mapped.trim() !== "") skipSpaces = OPENING_GUILLEMETS.has(base);
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
