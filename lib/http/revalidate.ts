// Reader pages are cached (docs/decisions/004 and 005); whatever changes what readers see calls
// this after the use case succeeds, so the next request renders fresh content.
import { revalidateTag } from "next/cache";
import { READER_LIST_TAG, READER_TAG, readerDossierTag } from "./cache-tags";
import { announceReaderChange } from "./reader-change";
import { after } from "next/server";

export { READER_LIST_TAG, READER_TAG, readerDossierTag };

/**
 * Expires every cached reader page and API response built from this dossier (its page, claim
 * permalinks and timeline in every language, its JSON), plus the lists of dossiers (home page).
 * Call it after publishing, unpublishing, editing the article or any claim, source, quote,
 * question or event, or changing a verdict. After a slug change, call it for both slugs.
 * Pass no slug when only the list changed. Must run in a server action or route handler.
 */
export function revalidateReaderPages(slug?: string | null): void {
  // expire: 0: the next reader gets the new verdict, never a stale page.
  const now = { expire: 0 };
  revalidateTag(READER_LIST_TAG, now);
  if (slug) revalidateTag(readerDossierTag(slug), now);
  // Then, after the response: the static edition and the purge hook (STATIC_DIR, PURGE_URL).
  announceReaderChange(slug ? [slug] : []);
}

/**
 * After a use case succeeded: revalidates the reader pages its result names. A use case whose
 * change may show on reader pages returns `readerSlug` (the dossier's slug when it is published,
 * otherwise null); server actions and newsroom API routes both pass their result here.
 */
export function revalidateAfter(result: unknown): void {
  if (result && typeof result === "object" && "readerSlug" in result && typeof result.readerSlug === "string") {
    revalidateReaderPages(result.readerSlug);
    // A publication (publish, update, unpublish) changes the version readers see: see below.
    if ("publicationEventId" in result) revalidateOnceRendersSettle(result.readerSlug);
  }
}

/** Longer than a reader page takes to render, even on a busy server. */
export const RENDER_SETTLE_MS = 5000;

/**
 * A reader page that started rendering before a publication committed reads the old version, and
 * the cache stores it as fresh if it finishes after the revalidation: readers would keep the old
 * version until the next change. Once renders in flight have settled, expire the pages again
 * (after the response, without delaying it).
 */
export function revalidateOnceRendersSettle(slug: string): void {
  after(async () => {
    await new Promise((resolve) => setTimeout(resolve, RENDER_SETTLE_MS));
    revalidateReaderPages(slug);
  });
}

/** Everything on the public site (e.g. after an installation-wide change such as the publisher name). */
export function revalidateAllReaderPages(): void {
  revalidateTag(READER_TAG, { expire: 0 });
}
