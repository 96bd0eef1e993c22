// Readers' search over published dossiers (`/fr/search`, `/en/search`; `/search` redirects to the
// reader's language). A plain GET form: it works without JavaScript. Only the latest published
// version of each published dossier is searched (lib/server/search/search-published.ts).
import type { Metadata } from "next";
import { SearchResultList } from "@/components/search/search-results";
import { isAppError } from "@/lib/domain/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { readerPaths } from "@/lib/i18n/routing";
import { searchPublished } from "@/lib/server/search/search-published";
import { formConstraints } from "@/lib/schemas/constraints";
import { ReaderSearchSchema } from "@/lib/schemas/search";

const QUERY_MAX = formConstraints(ReaderSearchSchema).q?.maxLength;

export const dynamic = "force-dynamic";

const T = {
  en: {
    title: "Search",
    intro: "Search the published dossiers: their claims and verdicts, articles, sources, quotes, open questions and timelines. Accents and word endings do not matter.",
    label: "Words to find",
    kind: "Kind",
    everything: "Everything",
    kinds: { claim: "Claims", passage: "Article passages", source: "Sources", quote: "Quotes", question: "Questions", event: "Timeline events" },
    submit: "Search",
    results: "Results",
    start: "Type one or more words to search every published dossier.",
    none: (q: string) => `Nothing published matches “${q}”. Try fewer or other words.`,
    count: (n: number, more: boolean, q: string) => `${more ? "More than " : ""}${n} ${n === 1 ? "result" : "results"} for “${q}”`,
    error: "This search cannot be run:",
    previous: "← Previous page",
    next: "Next page →",
    pages: "Pages of results",
  },
  fr: {
    title: "Recherche",
    intro: "Cherchez dans les dossiers publiés : affirmations et verdicts, articles, sources, citations, questions ouvertes et chronologies. Les accents et les terminaisons ne comptent pas.",
    label: "Mots à chercher",
    kind: "Type",
    everything: "Tout",
    kinds: { claim: "Affirmations", passage: "Passages d’articles", source: "Sources", quote: "Citations", question: "Questions", event: "Événements" },
    submit: "Chercher",
    results: "Résultats",
    start: "Tapez un ou plusieurs mots pour chercher dans tous les dossiers publiés.",
    none: (q: string) => `Aucun contenu publié ne correspond à « ${q} ». Essayez moins de mots, ou d’autres.`,
    count: (n: number, more: boolean, q: string) => `${more ? "Plus de " : ""}${n} résultat${n === 1 ? "" : "s"} pour « ${q} »`,
    error: "Cette recherche ne peut pas être faite :",
    previous: "← Page précédente",
    next: "Page suivante →",
    pages: "Pages de résultats",
  },
} as const;

/** The readers' messages for errors the data layer words in English. */
const ERRORS_FR: [RegExp, string][] = [
  [/at least one word/, "tapez au moins un mot ou un nombre : la ponctuation et les symboles seuls ne sont pas cherchés."],
  [/at most \d+ characters/, "la recherche doit faire au plus 200 caractères."],
];

async function localeOf(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  return isLocale(locale) ? locale : "en";
}

export async function generateMetadata({ params }: PageProps<"/[locale]/search">): Promise<Metadata> {
  return { title: T[await localeOf(params)].title, robots: { index: false, follow: true } };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function ReaderSearchPage({ params, searchParams }: PageProps<"/[locale]/search">) {
  const locale = await localeOf(params);
  const t = T[locale];
  const raw = await searchParams;
  const input = { q: first(raw.q), type: first(raw.type), page: first(raw.page) };
  let outcome: { ok: true; page: Awaited<ReturnType<typeof searchPublished>> } | { ok: false; reason: string };
  try {
    outcome = { ok: true, page: await searchPublished(input, locale) };
  } catch (error) {
    if (!isAppError(error) || error.code !== "INVALID_INPUT") throw error;
    const detail = Object.values(error.fieldErrors ?? {}).flat().join(" ") || error.message;
    const fr = ERRORS_FR.find(([pattern]) => pattern.test(detail) || pattern.test(error.message));
    outcome = { ok: false, reason: locale === "fr" ? (fr?.[1] ?? "la recherche n’est pas valide.") : detail };
  }
  const base = `/${locale}/search`;
  const pageHref = (page: number) => {
    const p = new URLSearchParams({ q: input.q });
    if (input.type) p.set("type", input.type);
    if (page > 1) p.set("page", String(page));
    return `${base}?${p}`;
  };
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lede">{t.intro}</p>
      <form method="get" action={base} role="search" className="reader-search" aria-label={t.title}>
        <p>
          <label htmlFor="reader-search-q">{t.label}</label>
          <input id="reader-search-q" type="search" name="q" defaultValue={input.q} maxLength={QUERY_MAX} aria-invalid={outcome.ok ? undefined : true} aria-describedby={outcome.ok ? undefined : "reader-search-error"} />
        </p>
        <p>
          <label htmlFor="reader-search-type">{t.kind}</label>
          <select id="reader-search-type" name="type" defaultValue={input.type}>
            <option value="">{t.everything}</option>
            {Object.entries(t.kinds).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit">{t.submit}</button>
        </p>
      </form>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t.results}</h2>
        {!outcome.ok ? (
          <p role="alert" id="reader-search-error" className="alert">
            {t.error} {outcome.reason}
          </p>
        ) : outcome.page.terms.length === 0 ? (
          <p className="empty">{t.start}</p>
        ) : outcome.page.results.length === 0 ? (
          <p className="empty" role="status">
            {t.none(outcome.page.query)}
          </p>
        ) : (
          <>
            <p className="meta" role="status">
              {t.count(outcome.page.total, outcome.page.more, outcome.page.query)}
            </p>
            <SearchResultList results={outcome.page.results} locale={locale} labelledBy="results-heading" plainLinks />
            <nav aria-label={t.pages} className="pager">
              {outcome.page.page > 1 ? (
                <a href={pageHref(outcome.page.page - 1)} rel="prev">
                  {t.previous}
                </a>
              ) : null}{" "}
              {outcome.page.page * outcome.page.pageSize < outcome.page.total ? (
                <a href={pageHref(outcome.page.page + 1)} rel="next">
                  {t.next}
                </a>
              ) : null}
            </nav>
          </>
        )}
      </section>
      <p className="meta">
        <a href={readerPaths.home(locale)}>{locale === "fr" ? "Tous les dossiers" : "All dossiers"}</a>
      </p>
    </>
  );
}
