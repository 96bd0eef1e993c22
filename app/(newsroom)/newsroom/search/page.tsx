import type { Metadata } from "next";
import Link from "next/link";
import { FieldErrorsProvider } from "@/components/newsroom/action-form";
import { SelectField, TextField } from "@/components/newsroom/fields";
import { plural } from "@/components/newsroom/labels";
import { SearchResultList } from "@/components/search/search-results";
import { dossierName, sharedTitles } from "@/lib/domain/dossier-names";
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { SEARCH_KIND_LABELS, SEARCH_KINDS } from "@/lib/domain/search";
import { NOT_YET_CHECKED } from "@/lib/domain/verdicts";
import { load, loadForPage, requireNewsroomActor } from "@/lib/http/page";
import { UNCHECKED } from "@/lib/schemas/desk";
import { listDossiers } from "@/lib/server/dossiers/list-dossiers";
import { searchNewsroom } from "@/lib/server/search/search-newsroom";

export const metadata: Metadata = { title: "Search" };

/** The query-string fields the search understands (the form sends exactly these). */
const FIELDS = ["q", "type", "dossier", "verdict", "from", "to"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export default async function NewsroomSearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  const query = Object.fromEntries([...FIELDS, "page" as const].flatMap((k) => (first(raw[k]) ? [[k, first(raw[k])!]] : [])));
  const actor = await requireNewsroomActor(`/newsroom/search${new URLSearchParams(query).size ? `?${new URLSearchParams(query)}` : ""}`);
  const [result, dossiers] = await Promise.all([loadForPage(() => searchNewsroom(actor, { q: "", ...query })), load(() => listDossiers(actor))]);
  const vocabulary = verdictVocabulary();
  const shared = sharedTitles(dossiers);
  const filtered = FIELDS.some((k) => k !== "q" && query[k]);
  const pageHref = (page: number) => {
    const params = new URLSearchParams(Object.fromEntries(FIELDS.flatMap((k) => (query[k] ? [[k, query[k]!]] : []))));
    if (page > 1) params.set("page", String(page));
    return `/newsroom/search?${params}`;
  };

  return (
    <>
      <h1>Search</h1>
      <p className="lede">
        Every dossier&apos;s claims, article passages, sources, quotes, people and organisations, open questions and timeline events. Accents and word endings do not matter, in French
        or English: “verifie” finds “vérifiés”. Every word must appear.
      </p>
      <FieldErrorsProvider formId="search-form" errors={result.ok ? {} : (result.fieldErrors ?? {})}>
        <form method="get" action="/newsroom/search" className="desk-filters search-form" role="search" aria-label="Search the newsroom">
          <TextField name="q" label="Words to find" defaultValue={query.q} />
          <SelectField name="type" label="Kind of record" emptyLabel="Everything" defaultValue={query.type} options={SEARCH_KINDS.map((k) => ({ value: k, label: SEARCH_KIND_LABELS[k].en }))} />
          <SelectField name="dossier" label="Dossier" emptyLabel="All dossiers" defaultValue={query.dossier} options={dossiers.map((d) => ({ value: d.id, label: dossierName(d, shared) }))} />
          <SelectField
            name="verdict"
            label="Verdict (claims)"
            emptyLabel="Any verdict"
            defaultValue={query.verdict}
            options={[{ value: UNCHECKED, label: NOT_YET_CHECKED.label.en }, ...vocabulary.map((v) => ({ value: v.key, label: v.label.en }))]}
          />
          <TextField name="from" type="date" label="From" hint="The record's own date (event, quote, source), else its last change." defaultValue={query.from} />
          <TextField name="to" type="date" label="To" defaultValue={query.to} />
          <div className="desk-filters__actions">
            <button type="submit" className="button button--primary">
              Search
            </button>
            {filtered ? <Link href={query.q ? `/newsroom/search?q=${encodeURIComponent(query.q)}` : "/newsroom/search"}>Clear filters</Link> : null}
          </div>
        </form>
      </FieldErrorsProvider>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">Results</h2>
        {!result.ok ? (
          <div role="alert" className="alert alert--error">
            <p>This search cannot be run: {result.reason}</p>
            {Object.values(result.fieldErrors ?? {})
              .flat()
              .map((m) => (
                <p key={m}>{m}</p>
              ))}
          </div>
        ) : result.data.terms.length === 0 ? (
          <p className="empty">Type one or more words above to search every dossier.</p>
        ) : result.data.results.length === 0 ? (
          <p className="empty" role="status">
            Nothing matches “{result.data.query}”{filtered ? " with these filters" : ""}. Try fewer words{filtered ? ", or clear the filters" : ""}.
          </p>
        ) : (
          <>
            <p className="meta" role="status" id="search-count">
              {result.data.more ? `More than ${plural(result.data.total, "result")}` : plural(result.data.total, "result")} for “{result.data.query}”
              {result.data.total > result.data.pageSize ? ` · page ${result.data.page}` : ""}
            </p>
            <SearchResultList results={result.data.results} locale="en" labelledBy="results-heading" sharedTitles={shared} />
            <nav aria-label="Pages of results" className="pagination">
              {result.data.page > 1 ? (
                <Link href={pageHref(result.data.page - 1)} rel="prev">
                  ← Previous page
                </Link>
              ) : null}
              {result.data.page * result.data.pageSize < result.data.total ? (
                <Link href={pageHref(result.data.page + 1)} rel="next">
                  Next page →
                </Link>
              ) : null}
            </nav>
          </>
        )}
      </section>
    </>
  );
}
