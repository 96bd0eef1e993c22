// Public URLs of the reader site, and which requests are reader pages. Public URLs carry no
// language (`/dossiers/<slug>`): proxy.ts rewrites each reader request to an internal
// `/<locale>/…` route, so each (page, language) is cached on its own (docs/decisions/005).

/** The newsroom, the API and Next's own files: never rewritten, never localised here. */
const NOT_READER = /^\/(?:api|newsroom|login|invite|_next|__next)(?:\/|$)/;
/** Files such as /favicon.ico, /robots.txt or /.well-known/…: not pages. */
const FILE = /(?:^|\/)\.|\.[a-z0-9]+$/i;

export function isReaderPath(pathname: string): boolean {
  return !NOT_READER.test(pathname) && !FILE.test(pathname);
}

/** The internal route that renders a public path in a language. */
export function localizedPath(locale: string, pathname: string): string {
  return pathname === "/" || pathname === "" ? `/${locale}` : `/${locale}${pathname}`;
}

export const readerPaths = {
  home: () => "/",
  dossier: (slug: string) => `/dossiers/${slug}`,
  claim: (slug: string, claimId: string) => `/dossiers/${slug}/claims/${claimId}`,
  timeline: (slug: string) => `/dossiers/${slug}/timeline`,
  /** A published version's page: what it changed from the one before. */
  version: (slug: string, number: number) => `/dossiers/${slug}/versions/${number}`,
  api: (slug: string) => `/api/dossiers/${slug}`,
  claimReviewApi: (slug: string) => `/api/dossiers/${slug}/claimreview`,
};

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
