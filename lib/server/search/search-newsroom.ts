import "server-only";
// The newsroom's search across every dossier. Results follow the pages' rules: archived dossiers
// are out (docs/decisions/030), and a confidential source is found by what the actor's role may
// read of it — its public description, unless the role has source:view-confidential.
import { AppError } from "@/lib/domain/errors";
import { parseQuery, snippet, type ParsedQuery, type SearchKind, type SnippetPart } from "@/lib/domain/search";
import { NewsroomSearchSchema, SEARCH_PAGE_SIZE, type NewsroomSearchInput } from "@/lib/schemas/search";
import { parseInput } from "@/lib/schemas/parse";
import { requirePermission, type Actor } from "../actor";
import { seesConfidentialSources } from "../sources/confidentiality";
import { db } from "../db";
import { COUNT_CAP, type EngineHit } from "./engine";
import { upToDateIndex } from "./search-index";

export interface SearchResult {
  kind: SearchKind;
  recordId: string;
  href: string;
  /** The title, with the query's words marked. */
  title: SnippetPart[];
  snippet: SnippetPart[];
  dossier: { id: string; slug: string; title: string };
  verdict: string | null;
  day: string | null;
  language: string;
}

export interface SearchPage {
  /** The query as typed; empty when nothing was asked yet. */
  query: string;
  /** The words searched for (folded). */
  terms: string[];
  results: SearchResult[];
  /** How many results match (at most COUNT_CAP, then `more`). */
  total: number;
  more: boolean;
  page: number;
  pageSize: number;
}

export function newsroomHref(hit: Pick<EngineHit, "kind" | "recordId" | "dossierSlug">): string {
  const base = `/newsroom/dossiers/${hit.dossierSlug}`;
  switch (hit.kind) {
    case "claim":
      return `${base}/claims/${hit.recordId}`;
    case "passage":
      return `${base}/article`;
    case "source":
      return `${base}/sources/${hit.recordId}`;
    case "quote":
      return `${base}/quotes/${hit.recordId}`;
    case "entity":
      return `${base}/entities/${hit.recordId}`;
    case "question":
      return `${base}/questions/${hit.recordId}`;
    case "event":
      return `${base}/timeline/${hit.recordId}`;
  }
}

export function toResult(hit: EngineHit, parsed: ParsedQuery, href: string): SearchResult {
  return {
    kind: hit.kind,
    recordId: hit.recordId,
    href,
    title: snippet(hit.title, parsed, 160),
    snippet: snippet(hit.body, parsed),
    dossier: { id: hit.dossierId, slug: hit.dossierSlug, title: hit.dossierTitle },
    verdict: hit.kind === "claim" ? hit.verdict : null,
    day: hit.day,
    language: hit.language,
  };
}

/** A query with nothing to search for: empty (nothing asked yet) or refused with why. */
export function termsOrRefusal(q: string): ParsedQuery | null {
  if (q.trim() === "") return null;
  const parsed = parseQuery(q);
  if (parsed.terms.length === 0) {
    throw new AppError("INVALID_INPUT", "Type at least one word or number: punctuation and symbols alone are not searched for.", {
      fieldErrors: { q: ["Type at least one word or number."] },
    });
  }
  return parsed;
}

export async function searchNewsroom(actor: Actor, input: NewsroomSearchInput): Promise<SearchPage> {
  requirePermission(actor, "newsroom:access");
  const filters = parseInput(NewsroomSearchSchema, input);
  const empty: SearchPage = { query: filters.q, terms: [], results: [], total: 0, more: false, page: filters.page, pageSize: SEARCH_PAGE_SIZE };
  const parsed = termsOrRefusal(filters.q);
  if (!parsed) return empty;
  const { engine } = await upToDateIndex();
  const { hits, total } = await engine.query(db, {
    parsed,
    mode: "all",
    audience: "staff",
    confidential: seesConfidentialSources(actor) ? [0, 1] : [0, 2],
    kinds: filters.type ? [filters.type] : undefined,
    dossierId: filters.dossier,
    verdict: filters.verdict,
    from: filters.from,
    to: filters.to,
    limit: SEARCH_PAGE_SIZE,
    offset: (filters.page - 1) * SEARCH_PAGE_SIZE,
  });
  return {
    ...empty,
    terms: parsed.terms,
    results: hits.map((h) => toResult(h, parsed, newsroomHref(h))),
    total: Math.min(total, COUNT_CAP),
    more: total > COUNT_CAP,
  };
}
