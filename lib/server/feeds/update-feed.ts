import "server-only";
// The Atom feed (RFC 4287) of new dossiers, updates and corrections (docs/api.md, "Open feeds"):
// an entry for each dossier's first publication, for each published update with the editor's
// note, and for each correction of a verdict. Built only from PublicDossier, the latest published
// versions, like every reader page (docs/reader-visibility.md).
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { reviewLanguage } from "@/lib/domain/claim-review";
import { atomXml, newestFirst, type AtomEntry } from "@/lib/domain/feeds";
import { verdictLabel } from "@/lib/domain/verdicts";
import { env, publicUrl } from "@/lib/env";
import { absoluteUrl, dossierLocale, readerPaths } from "@/lib/i18n/routing";
import type { PublicDossier } from "../reader/get-published-dossier";
import { publisher } from "../reader/publisher";
import { feedId } from "./feed-id";
import { NEWSROOM_FEED_LIMIT } from "./verdict-feed";

const WORDS = {
  fr: {
    title: (name: string) => `${name} — dossiers, mises à jour et corrections`,
    dossierTitle: (title: string) => `${title} — mises à jour et corrections`,
    published: (title: string) => `Nouveau dossier : ${title}`,
    updated: (title: string, version: number) => `Mise à jour (version ${version}) : ${title}`,
    minor: "Mise à jour mineure.",
    corrected: (n: number, title: string) => `Correction de l'affirmation ${n} : ${title}`,
    verdict: (from: string, to: string) => `Verdict : ${from} → ${to}.`,
    removed: (n: number) => `Affirmations retirées : ${n}.`,
  },
  en: {
    title: (name: string) => `${name} — dossiers, updates and corrections`,
    dossierTitle: (title: string) => `${title} — updates and corrections`,
    published: (title: string) => `New dossier: ${title}`,
    updated: (title: string, version: number) => `Updated (version ${version}): ${title}`,
    minor: "Minor update.",
    corrected: (n: number, title: string) => `Correction to claim ${n}: ${title}`,
    verdict: (from: string, to: string) => `Verdict: ${from} → ${to}.`,
    removed: (n: number) => `Claims removed: ${n}.`,
  },
} as const;

const url = (path: string) => absoluteUrl(publicUrl(), path);

function dossierEntries(dossier: PublicDossier): (AtomEntry & { date: string })[] {
  const vocabulary = verdictVocabulary();
  const locale = dossierLocale(dossier.language, env.DEFAULT_LOCALE);
  const lang = reviewLanguage(dossier.language);
  const words = WORDS[lang];
  const page = url(readerPaths.dossier(dossier.slug, locale));
  const origin = publicUrl();
  const updates: (AtomEntry & { date: string })[] = dossier.updates.map((u) => {
    const first = u.version === 1;
    // An imported dossier's first publication may predate its first version: readers were told that date.
    const at = first ? (dossier.publishedAt ?? u.publishedAt) : u.publishedAt;
    const removed = u.changes.claims.removed.length;
    const summary = first ? dossier.summary || dossier.title : [u.note ?? (u.minor ? words.minor : ""), removed ? words.removed(removed) : ""].filter(Boolean).join(" ") || words.minor;
    return {
      id: feedId(origin, "dossiers", dossier.id, "versions", String(u.version)),
      title: first ? words.published(dossier.title) : words.updated(dossier.title, u.version),
      updated: at,
      published: at,
      language: dossier.language,
      links: first
        ? [{ href: page, type: "text/html", hreflang: dossier.language }]
        : [
            { href: url(readerPaths.version(dossier.slug, u.version, locale)), type: "text/html", hreflang: dossier.language },
            { href: page, rel: "related", type: "text/html", hreflang: dossier.language },
          ],
      summary,
      categories: [{ term: first ? "dossier" : "update" }],
      date: at,
    };
  });
  const corrections: (AtomEntry & { date: string })[] = dossier.corrections.map((c) => {
    const claim = dossier.claims.find((x) => x.id === c.claimId);
    const text = [words.verdict(verdictLabel(c.change.fromVerdict, lang, vocabulary), verdictLabel(c.change.toVerdict, lang, vocabulary)), c.change.correctionNote ?? "", c.change.rationale]
      .filter(Boolean)
      .join("\n\n");
    return {
      id: feedId(origin, "verdict-changes", c.change.id),
      title: words.corrected(c.claimNumber, claim?.text ?? dossier.title),
      updated: c.change.decidedAt,
      published: c.change.decidedAt,
      language: dossier.language,
      links: [
        { href: url(readerPaths.claim(dossier.slug, c.claimId, locale)), type: "text/html", hreflang: dossier.language },
        { href: `${page}#corrections`, rel: "related", type: "text/html", hreflang: dossier.language },
      ],
      summary: c.change.correctionNote ?? c.change.rationale,
      content: text,
      categories: [{ term: "correction" }],
      date: c.change.decidedAt,
    };
  });
  return [...updates, ...corrections];
}

/** A dossier's feed (all its entries), or the newsroom's (the latest entries of every dossier). */
export function updateFeed(dossiers: readonly PublicDossier[], scope: PublicDossier | null): string {
  const locale = scope ? dossierLocale(scope.language, env.DEFAULT_LOCALE) : env.DEFAULT_LOCALE;
  const words = WORDS[scope ? reviewLanguage(scope.language) : locale];
  const author = publisher(locale);
  const entries = newestFirst(dossiers.flatMap(dossierEntries));
  return atomXml({
    id: scope ? feedId(publicUrl(), "dossiers", scope.id, "updates") : feedId(publicUrl(), "updates"),
    title: scope ? words.dossierTitle(scope.title) : words.title(env.PUBLISHER_NAME),
    ...(scope ? { language: scope.language, subtitle: scope.summary || undefined } : { language: locale }),
    // With no entry at all (nothing published yet), a fixed date keeps the feed valid and its ETag stable.
    fallbackUpdated: scope?.versionPublishedAt ?? "1970-01-01T00:00:00.000Z",
    author: { name: author.name, uri: author.url },
    links: [
      { href: url(readerPaths.updateFeed(scope?.slug)), rel: "self", type: "application/atom+xml" },
      { href: url(scope ? readerPaths.dossier(scope.slug, locale) : readerPaths.home(locale)), type: "text/html" },
      { href: url(readerPaths.verdictFeed(scope?.slug)), type: "application/feed+json", title: "JSON Feed" },
    ],
    icon: author.logo,
    logo: author.logo,
    generator: "Dossier",
    entries: (scope ? entries : entries.slice(0, NEWSROOM_FEED_LIMIT)).map(({ date: _date, ...e }) => e),
  });
}
