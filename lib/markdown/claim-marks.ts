// Turns claims into passage marks for the rendered article: each claim is re-found in the current
// text (its stored offsets are a hint), so a stale offset never highlights the wrong words.
import type { ElementContent, Root } from "hast";
import { anchorQuote, prepareText } from "@/lib/domain/anchoring";
import { findVerdict, NOT_YET_CHECKED, verdictLabel, type Locale, type VerdictDefinition } from "@/lib/domain/verdicts";
import { applyPassageMarks, type PassageMark } from "./marks";
import { hastText, markdownToHast } from "./render";

export interface MarkableClaim {
  id: string;
  anchorExact: string;
  anchorPrefix: string;
  anchorSuffix: string;
  anchorStart: number | null;
  verdict: string | null;
}

export interface MarkedArticle {
  tree: Root;
  /** Claims whose passage could not be found in the text (not marked). */
  unplaced: string[];
}

export function renderArticleWithClaims(
  markdown: string,
  claims: MarkableClaim[],
  options: {
    locale: Locale;
    vocabulary: readonly VerdictDefinition[];
    claimHref: (id: string) => string;
    claimNumber: (id: string) => number;
    /** The marker's hidden prefix, e.g. "Claim 3: " (the verdict follows it). */
    markerPrefix?: (n: number) => string;
  },
): MarkedArticle {
  const tree = markdownToHast(markdown);
  const text = prepareText(hastText(tree));
  const marks: PassageMark[] = [];
  const unplaced: string[] = [];
  for (const claim of claims) {
    const found = anchorQuote(text, { exact: claim.anchorExact, prefix: claim.anchorPrefix, suffix: claim.anchorSuffix }, claim.anchorStart);
    if (found.status !== "anchored") {
      unplaced.push(claim.id);
      continue;
    }
    const tone = findVerdict(claim.verdict, options.vocabulary)?.tone ?? NOT_YET_CHECKED.tone;
    const label = verdictLabel(claim.verdict, options.locale, options.vocabulary);
    const n = options.claimNumber(claim.id);
    const badge: ElementContent = {
      type: "element",
      tagName: "a",
      properties: {
        href: options.claimHref(claim.id),
        className: ["claim-marker", `verdict--${tone}`],
        id: `claim-marker-${claim.id}`,
      },
      children: [
        { type: "element", tagName: "span", properties: { className: ["visually-hidden"] }, children: [{ type: "text", value: options.markerPrefix?.(n) ?? (options.locale === "fr" ? `Affirmation ${n}\u00A0: ` : `Claim ${n}: `) }] },
        { type: "text", value: label },
      ],
    };
    marks.push({ id: claim.id, start: found.start, end: found.end, markProperties: { className: ["claim-passage", `verdict--${tone}`] }, badge });
  }
  return { tree: applyPassageMarks(tree, marks), unplaced };
}
