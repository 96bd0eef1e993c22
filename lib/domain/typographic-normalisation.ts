// Typographic normalisation for comparing quoted words with a document: the same words typed
// with straight or curly quotes, « guillemets », an en dash or a hyphen, a no-break space or a
// line break, a ligature or an ellipsis character, in another letter case, compare equal.
// Used to look an evidence excerpt up in a capture or a document (excerpt-check.ts). Pure.

const REPLACEMENTS: [RegExp, string][] = [
  // Soft hyphens and zero-width characters never count.
  [/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, ""],
  // Apostrophes and single quotes.
  [/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'"],
  // Double quotes, guillemets.
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2039\u203A]/g, '"'],
  // Dashes and minus signs.
  [/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, "-"],
  // The ellipsis character.
  [/\u2026/g, "..."],
];

/**
 * The text as compared: NFKC (ligatures, full-width forms), quotes, apostrophes and dashes
 * unified, every run of white space (no-break and thin spaces included) one space, no space
 * inside guillemets or before French high punctuation, lower case.
 */
export function normaliseForComparison(text: string): string {
  // French typesetting puts (no-break) spaces inside « » and before ; : ! ?: “« mot »” and
  // “"mot"” are the same words.
  let out = text.normalize("NFKC").replace(/([«‹])\s+/g, "$1").replace(/\s+([»›])/g, "$1");
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return out
    .replace(/\s+/gu, " ")
    .replace(/ ([;:!?])/g, "$1")
    .trim()
    .toLocaleLowerCase("und");
}
