import "server-only";
// The JSON Feed 1.1 of published verdicts (docs/api.md, "Open feeds"): one item per claim with a
// published verdict, carrying its verdict history and corrections. Built only from PublicDossier
// — the latest published version, as every reader page is — so a draft, the working copy or a
// confidential source's identity can never reach it (docs/reader-visibility.md).
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { isRateable, reviewDates, reviewLanguage } from "@/lib/domain/claim-review";
import { JSON_FEED_VERSION, newestFirst, type JsonFeed, type JsonFeedItem } from "@/lib/domain/feeds";
import { findVerdict, verdictLabel } from "@/lib/domain/verdicts";
import { env, publicUrl } from "@/lib/env";
import { absoluteUrl, anchors, dossierLocale, readerPaths } from "@/lib/i18n/routing";
import type { PublicDossier } from "../reader/get-published-dossier";
import { dossierClaimReviews, publicHistoryEntry } from "../reader/public-json";
import { publisher } from "../reader/publisher";
import { feedId } from "./feed-id";

/** The newsroom-wide feed keeps the most recent items; each dossier's feed has all of its own. */
export const NEWSROOM_FEED_LIMIT = 500;

const WORDS = {
  fr: { verdicts: "verdicts", history: "Historique du verdict", correction: "Correction", recheck: "Verdict revérifié", notChecked: "non vérifié", hedged: "(affirmation prudente)" },
  en: { verdicts: "verdicts", history: "Verdict history", correction: "Correction", recheck: "Verdict re-checked", notChecked: "not checked", hedged: "(hedged claim)" },
} as const;

const url = (path: string) => absoluteUrl(publicUrl(), path);

interface DatedItem {
  date: string;
  id: string;
  item: JsonFeedItem;
}

function dossierItems(dossier: PublicDossier): DatedItem[] {
  const vocabulary = verdictVocabulary();
  const locale = dossierLocale(dossier.language, env.DEFAULT_LOCALE);
  const lang = reviewLanguage(dossier.language);
  const words = WORDS[lang];
  const author = publisher(locale);
  const reviews = new Map(dossierClaimReviews(dossier, locale).map((r) => [r.url, r]));
  const dossierUrl = url(readerPaths.dossier(dossier.slug, locale));
  const sources = new Map(dossier.sources.map((s) => [s.id, s]));
  return dossier.claims.flatMap((claim) => {
    const verdict = findVerdict(claim.verdict, vocabulary);
    const permalink = url(readerPaths.claim(dossier.slug, claim.id, locale));
    const review = reviews.get(permalink);
    const { published, modified } = reviewDates(
      { verdictSetAt: claim.verdictSetAt, firstDecidedAt: claim.history.find((h) => h.toVerdict)?.decidedAt ?? null, updatedAt: claim.updatedAt },
      dossier.publishedAt,
    );
    // A claim readers see as not yet checked has no verdict to feed.
    if (!verdict || !review || !published) return [];
    const label = verdict.label[lang];
    const history = claim.history.map(publicHistoryEntry);
    const lines = [
      `${label} — ${claim.text}${claim.hedged ? ` ${words.hedged}` : ""}`,
      ...(claim.verdictRationale ? [claim.verdictRationale] : []),
      "",
      `${words.history}:`,
      ...claim.history.map((h) => {
        const what = h.kind === "recheck" ? words.recheck : `${h.fromVerdict ? `${verdictLabel(h.fromVerdict, lang, vocabulary)} → ` : ""}${h.toVerdict ? verdictLabel(h.toVerdict, lang, vocabulary) : words.notChecked}`;
        const correction = h.isCorrection && h.correctionNote ? ` ${words.correction}: ${h.correctionNote}` : "";
        return `- ${h.decidedAt.slice(0, 10)}: ${what}. ${h.rationale}${correction}`.trimEnd();
      }),
    ];
    const item: JsonFeedItem = {
      id: feedId(publicUrl(), "claims", claim.id),
      url: permalink,
      external_url: dossierUrl,
      title: `${label}: ${claim.text}`,
      content_text: lines.join("\n"),
      ...(claim.verdictRationale ? { summary: claim.verdictRationale } : {}),
      date_published: published,
      date_modified: modified ?? published,
      authors: [{ name: author.name, url: author.url, avatar: author.logo }],
      tags: [verdict.key],
      language: dossier.language,
      _dossier: {
        dossier: { slug: dossier.slug, title: dossier.title, url: dossierUrl, version: dossier.version, api: url(readerPaths.api(dossier.slug)) },
        claim: { id: claim.id, number: claim.number, text: claim.text, hedged: claim.hedged, passage: claim.anchorExact },
        verdict: { key: verdict.key, label: verdict.label, rating: isRateable(verdict) ? verdict.rating : null, rationale: claim.verdictRationale, decidedAt: claim.verdictSetAt },
        // A confidential source appears by its public description only, as on the reader's pages.
        evidence: claim.evidence.flatMap((e) => {
          const source = sources.get(e.sourceId);
          if (!source) return [];
          const citationUrl = `${dossierUrl}#${anchors.source(source.number)}`;
          const shown = source.confidential
            ? { number: source.number, confidential: true, description: source.description, citationUrl }
            : { number: source.number, confidential: false, title: source.title, url: source.url, publisher: source.publisher, citationUrl };
          return [{ stance: e.stance, excerpt: e.excerpt, source: shown }];
        }),
        history,
        corrections: history.filter((h) => h.isCorrection),
        claimReview: review,
      },
    };
    return [{ date: item.date_modified!, id: item.id, item }];
  });
}

/** A dossier's feed (every verdict it publishes), or the newsroom's (the latest of all dossiers'). */
export function verdictFeed(dossiers: readonly PublicDossier[], scope: PublicDossier | null): JsonFeed {
  const author = publisher(scope ? dossierLocale(scope.language, env.DEFAULT_LOCALE) : env.DEFAULT_LOCALE);
  const items = newestFirst(dossiers.flatMap(dossierItems));
  const locale = scope ? dossierLocale(scope.language, env.DEFAULT_LOCALE) : env.DEFAULT_LOCALE;
  const words = WORDS[locale];
  return {
    version: JSON_FEED_VERSION,
    title: scope ? `${scope.title} — ${words.verdicts}` : `${env.PUBLISHER_NAME} — ${words.verdicts}`,
    home_page_url: url(scope ? readerPaths.dossier(scope.slug, locale) : readerPaths.home(locale)),
    feed_url: url(readerPaths.verdictFeed(scope?.slug)),
    description:
      locale === "fr"
        ? "Les verdicts publiés, avec leur historique et leurs corrections, tels que les lecteurs les voient."
        : "Published verdicts, with their history and corrections, as readers see them.",
    icon: author.logo,
    authors: [{ name: author.name, url: author.url, avatar: author.logo }],
    ...(scope ? { language: scope.language } : {}),
    items: (scope ? items : items.slice(0, NEWSROOM_FEED_LIMIT)).map((i) => i.item),
  };
}
