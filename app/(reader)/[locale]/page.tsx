import type { Metadata } from "next";
import { formatDay } from "@/lib/i18n/dates";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { readerPaths } from "@/lib/i18n/routing";
import { typeset } from "@/lib/i18n/typography";
import { loadPublishedDossiers } from "@/lib/http/reader-cache";

// Served from the cache; publishing or unpublishing revalidates it (lib/http/revalidate.ts).
export const revalidate = false;

async function localeOf(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  return isLocale(locale) ? locale : "en";
}

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  return { title: messages(await localeOf(params)).home.title };
}

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const locale = await localeOf(params);
  const t = messages(locale);
  const dossiers = await loadPublishedDossiers();
  return (
    <>
      <h1>{t.home.title}</h1>
      <p className="lede">{t.home.intro}</p>
      {dossiers.length === 0 ? (
        <p className="empty">{t.home.empty}</p>
      ) : (
        <ul className="dossier-list">
          {dossiers.map((d) => (
            <li key={d.slug}>
              <h2 lang={d.language}>
                <a href={readerPaths.dossier(d.slug, locale)}>{typeset(d.title, d.language)}</a>
              </h2>
              {d.summary ? <p lang={d.language}>{typeset(d.summary, d.language)}</p> : null}
              <p className="meta">
                {t.home.claims({ n: d.claimCount })}
                {d.publishedAt ? (
                  <>
                    {" · "}
                    {t.home.publishedOn({ date: formatDay(d.publishedAt, locale).text })}
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
