// Readers' search over published dossiers (`/fr/search`, `/en/search`; `/search` redirects to the
// reader's language). A plain GET form: it works without JavaScript. Only the latest published
// version of each published dossier is searched (lib/server/search/search-published.ts).
import type { Metadata } from "next";
import { SearchResultList } from "@/components/search/search-results";
import { isAppError } from "@/lib/domain/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { readerPaths } from "@/lib/i18n/routing";
import { searchPublished } from "@/lib/server/search/search-published";
import { formConstraints } from "@/lib/schemas/constraints";
import { ReaderSearchSchema } from "@/lib/schemas/search";

const QUERY_MAX = formConstraints(ReaderSearchSchema).q?.maxLength;

export const dynamic = "force-dynamic";


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
  return { title: messages(await localeOf(params)).search.title, robots: { index: false, follow: true } };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function ReaderSearchPage({ params, searchParams }: PageProps<"/[locale]/search">) {
  const locale = await localeOf(params);
  const t = messages(locale).search;
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
            {t.none({ q: outcome.page.query })}
          </p>
        ) : (
          <>
            <p className="meta" role="status">
              {t.count({ n: outcome.page.total, more: String(outcome.page.more), q: outcome.page.query })}
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
