// Finding the words a journalist typed (or a content file names) in the article, and saying why
// not when they are not there. The same typographic normalisation as anchoring
// (lib/domain/text-normalization.ts): curly or straight quotes, dashes, spaces and ligatures do
// not matter. A passage is "repeated" only when it really occurs more than once; when it occurs
// nowhere, the message names the first character that differs from the closest passage of the
// article ("5 in your passage, 4 in the article"), so the journalist can correct it. Pure.
import search from "approx-string-match";
import { describeRange, MAX_ERROR_RATIO, prepareText, type Anchor, type PreparedText } from "./anchoring";
import { normalizeWithOffsets } from "./text-normalization";

/** Where a typed passage and the closest passage of the article part ways (original characters). */
export interface CharacterDifference {
  /** What the passage has there ("" when it lacks something the article has). */
  passage: string;
  /** What the article has there ("" when the passage has something more). */
  article: string;
  /** The article's words around the place (a few words before and after). */
  context: string;
}

export type PassageMatch =
  | { status: "found"; anchor: Anchor }
  | { status: "repeated"; occurrences: number }
  | { status: "absent"; difference: CharacterDifference | null };

/** The most characters named as differing; a longer difference is named by its first character. */
const SHORT_DIFFERENCE = 3;

/** Looks the words up in the text (typography aside): once, several times, or nowhere (and why). */
export function matchPassage(text: string | PreparedText, words: string): PassageMatch {
  const prepared = typeof text === "string" ? prepareText(text) : text;
  const { original, normalized } = prepared;
  const typed = normalizeWithOffsets(words.trim());
  const needle = typed.text.trim();
  if (needle === "") return { status: "absent", difference: null };
  const hits: number[] = [];
  for (let i = normalized.text.indexOf(needle); i !== -1; i = normalized.text.indexOf(needle, i + 1)) hits.push(i);
  if (hits.length > 1) return { status: "repeated", occurrences: hits.length };
  if (hits.length === 1) {
    const start = hits[0]!;
    return { status: "found", anchor: describeRange(original, normalized.startOf[start]!, normalized.endOf[start + needle.length - 1]!) };
  }
  const lead = typed.text.length - typed.text.trimStart().length;
  return { status: "absent", difference: closestDifference(prepared, needle, (from, length) => (length === 0 ? "" : words.trim().slice(typed.startOf[lead + from]!, typed.endOf[lead + from + length - 1]!))) };
}

/** The first difference between the typed words and the article's closest passage, if one is close. */
function closestDifference(prepared: PreparedText, needle: string, typedAt: (from: number, length: number) => string): CharacterDifference | null {
  const { original, normalized } = prepared;
  const haystack = normalized.text;
  // A passage "close" to the typed words differs in at most a fifth of its characters (at least one).
  const maxErrors = Math.max(1, Math.floor(needle.length * MAX_ERROR_RATIO));
  const matches = search(haystack, needle, maxErrors);
  if (matches.length === 0) return null;
  // The closest passage: fewest differences, then whole words (a match may stop mid-word where
  // the error budget ran out), then the length nearest the typed words'.
  const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const wholeWords = (m: { start: number; end: number }) => (isLetter(haystack[m.start - 1]) ? 0 : 1) + (isLetter(haystack[m.end]) ? 0 : 1);
  const best = matches
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.errors - b.errors || wholeWords(b) - wholeWords(a) || Math.abs(a.end - a.start - needle.length) - Math.abs(b.end - b.start - needle.length) || a.start - b.start)[0];
  if (!best) return null;
  const found = haystack.slice(best.start, best.end);
  let prefix = 0;
  while (prefix < needle.length && prefix < found.length && needle[prefix] === found[prefix]) prefix++;
  let suffix = 0;
  while (suffix < needle.length - prefix && suffix < found.length - prefix && needle[needle.length - 1 - suffix] === found[found.length - 1 - suffix]) suffix++;
  let mine = needle.slice(prefix, needle.length - suffix);
  let theirs = found.slice(prefix, found.length - suffix);
  if (mine === "" && theirs === "") return null;
  // A long difference is named by where it starts.
  if (mine.length > SHORT_DIFFERENCE || theirs.length > SHORT_DIFFERENCE) {
    mine = mine.slice(0, 1);
    theirs = theirs.slice(0, 1);
  }
  // Name the characters as they were typed and as the article has them (before normalisation).
  const at = best.start + prefix;
  // A few words either side, cut at spaces.
  let contextStart = normalized.startOf[Math.max(0, at - 16)] ?? 0;
  let contextEnd = normalized.endOf[Math.min(haystack.length - 1, at + theirs.length + 16)] ?? original.length;
  while (contextStart > 0 && !/\s/.test(original[contextStart - 1]!)) contextStart--;
  while (contextEnd < original.length && !/\s/.test(original[contextEnd]!)) contextEnd++;
  return {
    passage: typedAt(prefix, mine.length),
    article: theirs.length === 0 ? "" : original.slice(normalized.startOf[at]!, normalized.endOf[at + theirs.length - 1]!),
    context: original.slice(contextStart, contextEnd).replace(/\s+/g, " ").trim(),
  };
}

/** A character as a person reads it in a message: a space is "a space", nothing is "nothing". */
function named(chars: string): string {
  if (chars === "") return "nothing";
  if (/^\s+$/.test(chars)) return chars.length === 1 ? "a space" : "spaces";
  return chars;
}

/** What differs, in words: "’ in your passage, ' in the article". */
export function describeDifference(difference: CharacterDifference): string {
  return `${named(difference.passage)} in your passage, ${named(difference.article)} in the article`;
}

/**
 * Why the words cannot make a claim's passage, in a sentence, or null when they occur exactly
 * once. `where` names the text ("the saved article", "article.md").
 */
export function passageProblem(match: PassageMatch, where = "the saved article"): string | null {
  if (match.status === "found") return null;
  if (match.status === "repeated") return `These words appear ${match.occurrences} times in ${where}: select the one you mean in the preview.`;
  if (!match.difference) return `These words are not in ${where}. Copy them exactly, or select them in the preview.`;
  return `These words are not in ${where}: they differ from “${match.difference.context}” (${describeDifference(match.difference)}). Correct them, or select the passage in the preview.`;
}
