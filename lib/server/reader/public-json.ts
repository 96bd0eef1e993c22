import "server-only";
// What the public JSON API and the JSON-LD say about a published dossier. Built only from
// PublicDossier (get-published-dossier.ts), so the same visibility rules hold: nothing here can
// select a field the reader's view did not. Text is returned as written (no typography), the
// article as sanitised HTML: never the raw Markdown, whose HTML comments and raw HTML a journalist
// may believe hidden.
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { buildClaimReview, type ClaimReview } from "@/lib/domain/claim-review";
import { env, publicUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { absoluteUrl, anchors, dossierLocale, readerPaths } from "@/lib/i18n/routing";
import { markdownToHtml } from "@/lib/markdown/render";
import type { PublicDossier } from "./get-published-dossier";
import { publisher } from "./publisher";

const url = (path: string) => absoluteUrl(publicUrl(), path);

/** The language whose pages the JSON links to: the dossier's own when the site speaks it. */
const jsonLocale = (dossier: PublicDossier): Locale => dossierLocale(dossier.language, env.DEFAULT_LOCALE);

/** ClaimReviews pointing at the pages in `locale` (a page embeds its own language's; the API, the dossier's). */
/** A line of a claim's fact-check history as the public JSON and the verdict feed give it. */
export function publicHistoryEntry(h: PublicDossier["claims"][number]["history"][number]) {
  return {
    kind: h.kind,
    fromVerdict: h.fromVerdict,
    toVerdict: h.toVerdict,
    rationale: h.rationale,
    decidedAt: h.decidedAt,
    isCorrection: h.isCorrection,
    correctionNote: h.correctionNote,
  };
}

export function dossierClaimReviews(dossier: PublicDossier, locale: Locale = jsonLocale(dossier)): ClaimReview[] {
  const vocabulary = verdictVocabulary();
  const dossierInfo = { title: dossier.title, url: url(readerPaths.dossier(dossier.slug, locale)), publishedAt: dossier.publishedAt, language: dossier.language };
  return dossier.claims.flatMap((claim) => {
    const review = buildClaimReview({
      claim: {
        text: claim.text,
        verdict: claim.verdict,
        url: url(readerPaths.claim(dossier.slug, claim.id, locale)),
        verdictSetAt: claim.verdictSetAt,
        firstDecidedAt: claim.history.find((h) => h.toVerdict)?.decidedAt ?? null,
        updatedAt: claim.updatedAt,
      },
      dossier: dossierInfo,
      publisher: publisher(locale),
      vocabulary,
    });
    return review ? [review] : [];
  });
}

export function publicDossierJson(dossier: PublicDossier) {
  const vocabulary = verdictVocabulary();
  const sourceNumber = new Map(dossier.sources.map((s) => [s.id, s.number]));
  const locale = jsonLocale(dossier);
  return {
    slug: dossier.slug,
    url: url(readerPaths.dossier(dossier.slug, locale)),
    timelineUrl: url(readerPaths.timeline(dossier.slug, locale)),
    claimReviewUrl: url(readerPaths.claimReviewApi(dossier.slug)),
    /** The dossier's open feeds (docs/api.md, "Open feeds"). */
    feeds: { verdicts: url(readerPaths.verdictFeed(dossier.slug)), updates: url(readerPaths.updateFeed(dossier.slug)), timeline: url(readerPaths.timelineJs(dossier.slug)) },
    title: dossier.title,
    summary: dossier.summary,
    language: dossier.language,
    publishedAt: dossier.publishedAt,
    /** The published version shown, and when it was published. */
    version: dossier.version,
    updatedAt: dossier.versionPublishedAt,
    publisher: env.PUBLISHER_NAME,
    article: { html: markdownToHtml(dossier.body) },
    verdicts: vocabulary.map((v) => ({ key: v.key, label: v.label, description: v.description, rating: v.rating })),
    claims: dossier.claims.map((c) => ({
      id: c.id,
      number: c.number,
      url: url(readerPaths.claim(dossier.slug, c.id, locale)),
      text: c.text,
      hedged: c.hedged,
      anchor: { exact: c.anchorExact, prefix: c.anchorPrefix, suffix: c.anchorSuffix, start: c.anchorStart, end: c.anchorEnd },
      verdict: c.verdict,
      verdictRationale: c.verdictRationale,
      verdictSetAt: c.verdictSetAt,
      updatedAt: c.updatedAt,
      evidence: c.evidence.map((e) => ({ sourceId: e.sourceId, sourceNumber: sourceNumber.get(e.sourceId) ?? null, stance: e.stance, excerpt: e.excerpt })),
      history: c.history.map(publicHistoryEntry),
    })),
    sources: dossier.sources.map((s) =>
      s.confidential
        ? { id: s.id, number: s.number, confidential: true, description: s.description, citationUrl: url(`${readerPaths.dossier(dossier.slug, locale)}#${anchors.source(s.number)}`) }
        : { ...s, citationUrl: url(`${readerPaths.dossier(dossier.slug, locale)}#${anchors.source(s.number)}`) },
    ),
    quotes: dossier.quotes.map((q) => ({ ...q, sourceNumber: q.sourceId ? (sourceNumber.get(q.sourceId) ?? null) : null })),
    questions: dossier.questions,
    timeline: dossier.events,
    corrections: dossier.corrections.map((c) => ({
      claimId: c.claimId,
      claimNumber: c.claimNumber,
      fromVerdict: c.change.fromVerdict,
      toVerdict: c.change.toVerdict,
      rationale: c.change.rationale,
      correctionNote: c.change.correctionNote,
      decidedAt: c.change.decidedAt,
    })),
    /** Every published version, oldest first, with the editor's note and what it changed. */
    updates: dossier.updates.map((u) => ({
      version: u.version,
      publishedAt: u.publishedAt,
      note: u.note,
      minor: u.minor,
      url: url(readerPaths.version(dossier.slug, u.version)),
      changes: {
        article: u.changes.article,
        details: u.changes.details,
        claimsAdded: u.changes.claims.added.map((c) => c.id),
        claimsRemoved: u.changes.claims.removed.map((c) => c.id),
        passageChanged: u.changes.claims.passage.map((c) => c.id),
        reworded: u.changes.claims.wording.map((c) => c.id),
        verdictChanged: u.changes.claims.verdict.map((c) => c.id),
        records: u.changes.records,
      },
    })),
    /** Claims an update removed: what they said and why (the version's note). */
    removedClaims: dossier.removedClaims.map((c) => ({ id: c.id, number: c.number, text: c.text, passage: c.passage, verdict: c.verdict, removedInVersion: c.removedInVersion, removedAt: c.removedAt, reason: c.note })),
  };
}

export type PublicDossierJson = ReturnType<typeof publicDossierJson>;
