// schema.org ClaimReview for a claim with a published verdict (https://schema.org/ClaimReview).
// The numeric scale is the vocabulary's: 1 (worst) to 5 (best). A verdict that is not a position on
// that scale (e.g. "unverifiable", rating -1) gets no number at all, only its name: a number would
// tell search engines "somewhere between true and false", which is exactly what it is not.
import { CLAIMREVIEW_SCALE, findVerdict, type Locale, type VerdictDefinition } from "./verdicts";

export interface ClaimReviewInput {
  claim: {
    text: string;
    verdict: string | null;
    /** Absolute URL of the claim's permalink. */
    url: string;
    /** When the current verdict was decided (ISO). */
    verdictSetAt: string | null;
    /** When the claim's first verdict was decided (ISO). */
    firstDecidedAt: string | null;
    /** When a published update last changed the claim (its words, passage or verdict), if ever. */
    updatedAt?: string | null;
  };
  dossier: { title: string; url: string; publishedAt: string | null; language: string };
  publisher: { name: string; url: string };
  vocabulary: readonly VerdictDefinition[];
}

export interface ClaimReviewRating {
  "@type": "Rating";
  alternateName: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
  ratingExplanation?: string;
}

export interface ClaimReview {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  inLanguage: string;
  datePublished: string;
  dateModified?: string;
  author: { "@type": "Organization"; name: string; url: string };
  reviewRating: ClaimReviewRating;
  itemReviewed: {
    "@type": "Claim";
    appearance: { "@type": "CreativeWork"; url: string; headline: string; datePublished?: string };
    firstAppearance: { "@type": "CreativeWork"; url: string; headline: string; datePublished?: string };
    author: { "@type": "Organization"; name: string; url: string };
  };
}

export function isRateable(verdict: Pick<VerdictDefinition, "rating">): boolean {
  return Number.isInteger(verdict.rating) && verdict.rating >= CLAIMREVIEW_SCALE.worst && verdict.rating <= CLAIMREVIEW_SCALE.best;
}

/** The language of the labels: the content's if the vocabulary has it, else English. */
export function reviewLanguage(language: string): Locale {
  return language.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export function claimReviewRating(verdict: VerdictDefinition, language: Locale): ClaimReviewRating {
  const base = { "@type": "Rating" as const, alternateName: verdict.label[language], ratingExplanation: verdict.description[language] };
  if (!isRateable(verdict)) return base;
  return { ...base, ratingValue: verdict.rating, bestRating: CLAIMREVIEW_SCALE.best, worstRating: CLAIMREVIEW_SCALE.worst };
}

const day = (iso: string) => iso.slice(0, 10);
const latest = (...dates: (string | null | undefined)[]) => dates.filter((d): d is string => !!d).sort().at(-1) ?? null;

/** null when the claim has no published verdict (not yet checked, or a key the vocabulary lacks). */
export function buildClaimReview(input: ClaimReviewInput): ClaimReview | null {
  const verdict = findVerdict(input.claim.verdict, input.vocabulary);
  if (!verdict) return null;
  const language = reviewLanguage(input.dossier.language);
  // The review became public when both the dossier and the first verdict were.
  const published = latest(input.dossier.publishedAt, input.claim.firstDecidedAt ?? input.claim.verdictSetAt);
  if (!published) return null;
  const modified = latest(input.claim.verdictSetAt, input.claim.updatedAt);
  const organisation = { "@type": "Organization" as const, name: input.publisher.name, url: input.publisher.url };
  const appearance = {
    "@type": "CreativeWork" as const,
    url: input.dossier.url,
    headline: input.dossier.title,
    ...(input.dossier.publishedAt ? { datePublished: day(input.dossier.publishedAt) } : {}),
  };
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: input.claim.url,
    claimReviewed: input.claim.text,
    inLanguage: input.dossier.language,
    datePublished: day(published),
    ...(modified && day(modified) > day(published) ? { dateModified: day(modified) } : {}),
    author: organisation,
    reviewRating: claimReviewRating(verdict, language),
    itemReviewed: { "@type": "Claim", appearance, firstAppearance: appearance, author: organisation },
  };
}

/** JSON for a <script type="application/ld+json">: nothing in it can close the script element. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
