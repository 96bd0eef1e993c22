import "server-only";
// The data behind every reader page and the public API, cached by Next and tagged per dossier, so
// one revalidateReaderPages(slug) call reaches every page built from it: the dossier page, each
// claim permalink, the timeline, in every language, and the JSON endpoints. Tags, not paths: a
// deleted or orphaned claim's permalink has no path we could still list, but it has the tag.
// Every reader route must load its data through here (docs/decisions/005).
import { unstable_cache } from "next/cache";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/domain/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { DossierParamsSchema } from "@/lib/schemas/reader";
import { getPublishedDossier, getPublishedVersion, type PublicDossier, type PublicVersionPage } from "@/lib/server/reader/get-published-dossier";
import { listPublishedDossiers, type PublishedDossierSummary } from "@/lib/server/reader/list-published-dossiers";
import { READER_LIST_TAG, READER_TAG, readerDossierTag } from "./revalidate";

/** The published dossier, or null when there is none by that slug (a draft included). */
export function loadPublishedDossier(slug: string): Promise<PublicDossier | null> {
  // A "not found" is cached too (under the slug's tag): publishing revalidates it.
  return unstable_cache(
    async () => {
      try {
        return await getPublishedDossier(slug);
      } catch (e) {
        if (isAppError(e) && e.code === "NOT_FOUND") return null;
        throw e;
      }
    },
    ["reader:dossier", slug],
    { tags: [READER_TAG, readerDossierTag(slug)], revalidate: false },
  )();
}

/** One published version with the previous one, or null when the dossier has no such version. */
export function loadPublishedVersion(slug: string, number: number): Promise<PublicVersionPage | null> {
  return unstable_cache(
    async () => {
      try {
        return await getPublishedVersion(slug, number);
      } catch (e) {
        if (isAppError(e) && e.code === "NOT_FOUND") return null;
        throw e;
      }
    },
    ["reader:version", slug, String(number)],
    { tags: [READER_TAG, readerDossierTag(slug)], revalidate: false },
  )();
}

export function loadPublishedDossiers(): Promise<PublishedDossierSummary[]> {
  return unstable_cache(() => listPublishedDossiers(), ["reader:list"], { tags: [READER_TAG, READER_LIST_TAG], revalidate: false })();
}

/**
 * A reader page's locale and dossier from its route params; a 404 for anything else (an unknown
 * locale, a malformed or unpublished slug). Parsing comes first, so no cache entry or tag is ever
 * built from an arbitrary string.
 */
export async function readerDossierPage(params: Promise<{ locale: string; slug: string }>): Promise<{ locale: Locale; dossier: PublicDossier }> {
  const { locale, ...rest } = await params;
  const parsed = DossierParamsSchema.safeParse(rest);
  if (!isLocale(locale) || !parsed.success) notFound();
  const dossier = await loadPublishedDossier(parsed.data.slug);
  if (!dossier) notFound();
  return { locale, dossier };
}
