import "server-only";
// The readers' search: only what the latest published version of a published dossier shows
// (the snapshot readers see, lib/server/reader/get-published-dossier.ts), never the working copy.
import type { Locale } from "@/lib/i18n/locales";
import { anchors, readerPaths } from "@/lib/i18n/routing";
import { ReaderSearchSchema, SEARCH_PAGE_SIZE, type ReaderSearchInput } from "@/lib/schemas/search";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "../db";
import { COUNT_CAP, type EngineHit } from "./engine";
import { termsOrRefusal, toResult, type SearchPage } from "./search-newsroom";
import { upToDateIndex } from "./search-index";

export function readerHref(hit: Pick<EngineHit, "kind" | "recordId" | "dossierSlug">, locale: Locale): string {
  switch (hit.kind) {
    case "claim":
      return readerPaths.claim(hit.dossierSlug, hit.recordId, locale);
    case "event":
      return `${readerPaths.timeline(hit.dossierSlug, locale)}#${anchors.event(hit.recordId)}`;
    default:
      return readerPaths.dossier(hit.dossierSlug, locale);
  }
}

/** Needs no actor: everything it can return is public. */
export async function searchPublished(input: ReaderSearchInput, locale: Locale): Promise<SearchPage> {
  const filters = parseInput(ReaderSearchSchema, input);
  const empty: SearchPage = { query: filters.q, terms: [], results: [], total: 0, more: false, page: filters.page, pageSize: SEARCH_PAGE_SIZE };
  const parsed = termsOrRefusal(filters.q);
  if (!parsed) return empty;
  const { engine } = await upToDateIndex();
  const { hits, total } = await engine.query(db, {
    parsed,
    mode: "all",
    audience: "public",
    confidential: [0],
    kinds: filters.type ? [filters.type] : undefined,
    limit: SEARCH_PAGE_SIZE,
    offset: (filters.page - 1) * SEARCH_PAGE_SIZE,
  });
  return {
    ...empty,
    terms: parsed.terms,
    results: hits.map((h) => toResult(h, parsed, readerHref(h, locale))),
    total: Math.min(total, COUNT_CAP),
    more: total > COUNT_CAP,
  };
}
