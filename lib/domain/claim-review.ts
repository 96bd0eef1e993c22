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
  /** The newsroom: its name, website and logo (absolute URLs). */
  publisher: Publisher;
  vocabulary: readonly VerdictDefinition[];
}

export interface Publisher {
  name: string;
  url: string;
  logo: string;
}

export interface ClaimReviewOrganization {
  "@type": "Organization";
  name: string;
  url: string;
  logo: { "@type": "ImageObject"; url: string };
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
  dateModified: string;
  author: ClaimReviewOrganization;
  reviewRating: ClaimReviewRating;
  itemReviewed: {
    "@type": "Claim";
    appearance: { "@type": "CreativeWork"; url: string; headline: string; datePublished?: string };
    firstAppearance: { "@type": "CreativeWork"; url: string; headline: string; datePublished?: string };
    author: ClaimReviewOrganization;
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

/**
 * When a claim's review became public (both the dossier and its first verdict were), and when it
 * last changed for readers (a later verdict, or a published update of the claim), if after that.
 * ISO instants; null published: no published verdict. Shared by ClaimReview and the feeds.
 */
export function reviewDates(claim: Pick<ClaimReviewInput["claim"], "verdictSetAt" | "firstDecidedAt" | "updatedAt">, dossierPublishedAt: string | null): { published: string | null; modified: string | null } {
  const published = latest(dossierPublishedAt, claim.firstDecidedAt ?? claim.verdictSetAt);
  if (!published) return { published: null, modified: null };
  const modified = latest(claim.verdictSetAt, claim.updatedAt);
  return { published, modified: modified && modified > published ? modified : null };
}

export function organization(publisher: Publisher): ClaimReviewOrganization {
  return { "@type": "Organization", name: publisher.name, url: publisher.url, logo: { "@type": "ImageObject", url: publisher.logo } };
}

/** null when the claim has no published verdict (not yet checked, or a key the vocabulary lacks). */
export function buildClaimReview(input: ClaimReviewInput): ClaimReview | null {
  const verdict = findVerdict(input.claim.verdict, input.vocabulary);
  if (!verdict) return null;
  const language = reviewLanguage(input.dossier.language);
  const { published, modified } = reviewDates(input.claim, input.dossier.publishedAt);
  if (!published) return null;
  const organisation = organization(input.publisher);
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
    // Always given (the fact-check consumers read it): the publication day until something changes.
    dateModified: day(modified ?? published),
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
