// What shared caches (a CDN, nginx) are told about public responses (docs/decisions/040). Every
// reader URL carries its language, so one URL is one document for everybody: pages and the
// public JSON are `public`, kept READER_CACHE_SECONDS by shared caches and served a little longer
// while they refresh; browsers revalidate every time (max-age=0, with the ETag), so a reader who
// reloads after a correction gets it. Each change also sends the purge hook (lib/http/reader-change.ts),
// so a cache that listens drops the superseded page at once rather than after s-maxage.
import { env } from "@/lib/env";
import { READER_LIST_TAG, READER_TAG, readerDossierTag } from "./cache-tags";

export function publicCacheControl(): string {
  const shared = `s-maxage=${env.READER_CACHE_SECONDS}`;
  const stale = env.READER_STALE_SECONDS > 0 ? `, stale-while-revalidate=${env.READER_STALE_SECONDS}` : "";
  return `public, max-age=0, ${shared}${stale}`;
}

/** Responses that depend on who asks (the language redirect of a language-free URL): never shared. */
export const PRIVATE_NO_CACHE = "private, no-cache";

/**
 * The cache tags of a reader path or public API path (`Cache-Tag`, for CDNs that purge by tag):
 * the same tags the purge hook sends and Next's data cache uses.
 */
export function cacheTagsOf(pathname: string): string[] {
  const page = /^\/(?:[a-z]{2}\/)?dossiers\/([^/]+)(?:\/|$)/.exec(pathname) ?? /^\/api\/dossiers\/([^/]+)(?:\/|$)/.exec(pathname);
  if (page) return [READER_TAG, readerDossierTag(decodeURIComponent(page[1]!))];
  return [READER_TAG, READER_LIST_TAG];
}
