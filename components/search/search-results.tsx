// Search results, for the newsroom and for readers: each snippet is rendered part by part as
// text, the query's words in <mark>, so nothing a record holds can become HTML.
import { VerdictBadge } from "@/components/verdict-badge";
import { dossierName } from "@/lib/domain/dossier-names";
import { SEARCH_KIND_LABELS, type SnippetPart } from "@/lib/domain/search";
import type { Locale } from "@/lib/i18n/locales";
import type { SearchResult } from "@/lib/server/search/search-newsroom";

const NONE: ReadonlySet<string> = new Set();

export function Highlighted({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

export function SearchResultList({
  results,
  locale,
  labelledBy,
  showDossier = true,
  plainLinks = false,
  sharedTitles = NONE,
}: {
  results: SearchResult[];
  locale: Locale;
  labelledBy: string;
  showDossier?: boolean;
  plainLinks?: boolean;
  /** Titles several dossiers bear (the newsroom's): their results name the dossier's web address too. */
  sharedTitles?: ReadonlySet<string>;
}) {
  return (
    <ol className="search-results" aria-labelledby={labelledBy}>
      {results.map((r) => {
        const title = r.title.length > 0 ? r.title : [{ text: SEARCH_KIND_LABELS[r.kind][locale], hit: false }];
        return (
          <li key={`${r.kind}:${r.recordId}`} className="search-result" data-kind={r.kind}>
            <p className="search-result__meta">
              <span className="search-result__kind">{SEARCH_KIND_LABELS[r.kind][locale]}</span>
              {showDossier ? <span className="search-result__dossier"> · {dossierName(r.dossier, sharedTitles)}</span> : null}
              {r.day ? <span> · {r.day}</span> : null}
            </p>
            <h3 className="search-result__title" lang={r.language}>
              {/* Reader pages use plain links (each visit a fresh request for the cached page); so does the newsroom here. */}
              <a href={r.href} data-plain={plainLinks || undefined}>
                <Highlighted parts={title} />
              </a>
            </h3>
            {r.snippet.length > 0 ? (
              <p className="search-result__snippet" lang={r.language}>
                <Highlighted parts={r.snippet} />
              </p>
            ) : null}
            {r.kind === "claim" ? (
              <p className="search-result__verdict">
                <VerdictBadge verdict={r.verdict === "unchecked" ? null : r.verdict} locale={locale} />
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
