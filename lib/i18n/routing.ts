// Public URLs of the reader site, and which requests are reader pages. Every reader page lives
// under its language (`/fr/dossiers/<slug>`, `/en/dossiers/<slug>`), so one URL is one document
// that any shared cache or CDN can hold (docs/decisions/040). The language-free URLs of the first
// releases (`/dossiers/<slug>`) keep working: proxy.ts negotiates the language (cookie, then
// Accept-Language) and redirects them.
import { isLocale, LOCALES, primaryLanguage, type Locale } from "./locales";

/** The newsroom, the API and Next's own files: never localised. */
const NOT_READER = /^\/(?:api|newsroom|login|invite|_next|__next)(?:\/|$)/;
/** Files such as /favicon.ico, /robots.txt or /.well-known/…: not pages. */
const FILE = /(?:^|\/)\.|\.[a-z0-9]+$/i;

export function isReaderPath(pathname: string): boolean {
  return !NOT_READER.test(pathname) && !FILE.test(pathname);
}

/** A reader path with its language in front (`/dossiers/x` → `/en/dossiers/x`, `/` → `/en`). */
export function localizedPath(locale: string, pathname: string): string {
  return pathname === "/" || pathname === "" ? `/${locale}` : `/${locale}${pathname}`;
}

/** The language a reader path starts with, and the rest (`/en/dossiers/x` → en, `/dossiers/x`); null for a language-free path. */
export function splitLocale(pathname: string): { locale: Locale; rest: string } | null {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(pathname);
  if (!match || !isLocale(match[1])) return null;
  return { locale: match[1], rest: match[2] && match[2] !== "/" ? match[2] : "/" };
}

/**
 * Builds every reader URL. With a locale, the page in that language (the URL to link to, cache
 * and share); without, the language-free URL, which redirects each reader to their language.
 */
const inLocale = (locale: Locale | undefined, path: string) => (locale ? localizedPath(locale, path) : path);

export const readerPaths = {
  home: (locale?: Locale) => inLocale(locale, "/"),
  dossier: (slug: string, locale?: Locale) => inLocale(locale, `/dossiers/${slug}`),
  claim: (slug: string, claimId: string, locale?: Locale) => inLocale(locale, `/dossiers/${slug}/claims/${claimId}`),
  timeline: (slug: string, locale?: Locale) => inLocale(locale, `/dossiers/${slug}/timeline`),
  /** A capture the newsroom chose to show readers (docs/storage.md). */
  archive: (slug: string, captureId: string, locale?: Locale) => inLocale(locale, `/dossiers/${slug}/archive/${captureId}`),
  /** The localised "page not found" (served with status 404 for any unknown reader URL). */
  notFound: (locale: Locale) => localizedPath(locale, "/page-not-found"),
  /** A published version's page: what it changed from the one before. */
  version: (slug: string, number: number, locale?: Locale) => inLocale(locale, `/dossiers/${slug}/versions/${number}`),
  list: () => "/api/dossiers",
  api: (slug: string) => `/api/dossiers/${slug}`,
  claimReviewApi: (slug: string) => `/api/dossiers/${slug}/claimreview`,
  /** Open feeds (docs/api.md): a dossier's, or the whole newsroom's without a slug. */
  verdictFeed: (slug?: string) => (slug ? `/api/dossiers/${slug}/verdicts.json` : "/api/feeds/verdicts.json"),
  updateFeed: (slug?: string) => (slug ? `/api/dossiers/${slug}/updates.atom` : "/api/feeds/updates.atom"),
  timelineJs: (slug: string) => `/api/dossiers/${slug}/timeline.json`,
};

/** The language a dossier's links use where no reader's language applies (API, feeds): its own, when the site speaks it. */
export function dossierLocale(contentLanguage: string, fallback: Locale): Locale {
  const primary = primaryLanguage(contentLanguage);
  return isLocale(primary) ? primary : fallback;
}

/** Fragment ids used across pages (a claim in the dossier's list, a source, the marker in the text). */
export const anchors = {
  claim: (id: string) => `claim-${id}`,
  marker: (id: string) => `claim-marker-${id}`,
  source: (number: number) => `source-${number}`,
  event: (id: string) => `event-${id}`,
};

export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, origin.endsWith("/") ? origin : `${origin}/`).toString();
}

/**
 * An external link readers may follow: http(s) only. Anything else (javascript:, data:, a
 * relative path smuggled into a source) is shown as text, never as a link.
 */
export function safeExternalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/**
 * A page's `alternates` metadata: its canonical URL (the page in this language) and the same page
 * in each language, with the language-free URL as x-default (it picks the reader's language).
 */
export function readerAlternates(origin: string, locale: Locale, pathIn: (locale?: Locale) => string, feeds?: { slug: string; title: string }) {
  return {
    canonical: absoluteUrl(origin, pathIn(locale)),
    languages: { ...Object.fromEntries(LOCALES.map((l) => [l, absoluteUrl(origin, pathIn(l))])), "x-default": absoluteUrl(origin, pathIn()) },
    types: feedAlternates(origin, locale, feeds),
  };
}

/**
 * The open feeds a page announces (`<link rel="alternate">`, docs/api.md): the newsroom's, and on a
 * dossier's pages that dossier's first.
 */
export function feedAlternates(origin: string, locale: Locale, dossier?: { slug: string; title: string }) {
  const fr = locale === "fr";
  const newsroom = { atom: fr ? "Dossiers, mises à jour et corrections (Atom)" : "Dossiers, updates and corrections (Atom)", json: fr ? "Verdicts publiés (JSON Feed)" : "Published verdicts (JSON Feed)" };
  const own = dossier ? { atom: `${dossier.title} — ${fr ? "mises à jour et corrections (Atom)" : "updates and corrections (Atom)"}`, json: `${dossier.title} — ${fr ? "verdicts (JSON Feed)" : "verdicts (JSON Feed)"}` } : null;
  return {
    "application/atom+xml": [
      ...(dossier && own ? [{ url: absoluteUrl(origin, readerPaths.updateFeed(dossier.slug)), title: own.atom }] : []),
      { url: absoluteUrl(origin, readerPaths.updateFeed()), title: newsroom.atom },
    ],
    "application/feed+json": [
      ...(dossier && own ? [{ url: absoluteUrl(origin, readerPaths.verdictFeed(dossier.slug)), title: own.json }] : []),
      { url: absoluteUrl(origin, readerPaths.verdictFeed()), title: newsroom.json },
    ],
  };
}
