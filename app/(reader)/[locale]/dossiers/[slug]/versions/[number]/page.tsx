import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DayDate } from "@/components/reader/dates";
import { ArticleDiffView, RecordsDiffView } from "@/components/reader/version-diff";
import { diffVersions } from "@/lib/domain/published-version";
import { diffArticle } from "@/lib/domain/text-diff";
import { publicUrl } from "@/lib/env";
import { loadPublishedVersion } from "@/lib/http/reader-cache";
import { isLocale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { absoluteUrl, feedAlternates, readerPaths } from "@/lib/i18n/routing";
import { typeset } from "@/lib/i18n/typography";
import { articleText } from "@/lib/markdown/render";
import { DossierParamsSchema, VersionNumberSchema } from "@/lib/schemas/reader";

// One published version and what it changed from the one before (the NewsDiffs idea, published by
// the newsroom itself). Cached like every reader page; a new version revalidates it.
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = PageProps<"/[locale]/dossiers/[slug]/versions/[number]">;

async function load(params: Props["params"]) {
  const { locale, slug, number } = await params;
  const dossierParams = DossierParamsSchema.safeParse({ slug });
  const version = VersionNumberSchema.safeParse(number);
  if (!isLocale(locale) || !dossierParams.success || !version.success) notFound();
  const page = await loadPublishedVersion(dossierParams.data.slug, version.data);
  if (!page) notFound();
  return { locale, page };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, page } = await load(params);
  return {
    title: messages(locale).versionPage.title({ n: page.update.version, dossier: page.dossier.title }),
    alternates: {
      canonical: absoluteUrl(publicUrl(), readerPaths.version(page.dossier.slug, page.update.version)),
      types: feedAlternates(publicUrl(), locale, { slug: page.dossier.slug, title: page.dossier.title }),
    },
  };
}

export default async function VersionPage({ params }: Props) {
  const { locale, page } = await load(params);
  const t = messages(locale);
  const { dossier, update, view, previous } = page;
  const language = dossier.language;
  // The article as readers read it (rendered text, paragraph by paragraph): never the Markdown.
  const article = previous ? diffArticle(articleText(previous.body), articleText(view.body), 1) : null;
  const records = previous ? diffVersions(previous, view) : null;
  return (
    <>
      <nav aria-label={t.dossier.onThisPage} className="breadcrumb">
        <a href={readerPaths.dossier(dossier.slug)}>
          <span aria-hidden="true">← </span>
          {t.versionPage.back}
        </a>
        {" · "}
        <span lang={language}>{typeset(dossier.title, language)}</span>
      </nav>
      <header className="version-header">
        <h1>{t.versionPage.heading({ n: update.version })}</h1>
        <p className="meta">
          <DayDate iso={update.publishedAt} locale={locale} />
          {update.minor ? ` · ${t.updates.minor}` : ""}
          {" · "}
          {update.version === dossier.version ? t.versionPage.latest : t.versionPage.notLatest({ n: dossier.version })}
        </p>
      </header>
      {update.note ? (
        <section aria-labelledby="note-heading" className="version-note">
          <h2 id="note-heading">{t.versionPage.note}</h2>
          <p lang={language}>{typeset(update.note, language)}</p>
        </section>
      ) : null}
      {previous && article && records ? (
        <>
          <p>{t.versionPage.intro({ n: update.version - 1 })}</p>
          <section aria-labelledby="article-diff-heading">
            <h2 id="article-diff-heading">{t.versionPage.article}</h2>
            <ArticleDiffView diff={article} language={language} t={t} />
          </section>
          <section aria-labelledby="records-diff-heading">
            <h2 id="records-diff-heading">{t.versionPage.records}</h2>
            {records.identical || (records.claims.length + records.sources.length + records.quotes.length + records.questions.length + records.events.length + records.details.length === 0) ? (
              <p className="empty">{t.versionPage.nothing}</p>
            ) : (
              <RecordsDiffView diff={records} language={language} t={t} />
            )}
          </section>
        </>
      ) : (
        <p>{t.versionPage.firstIntro}</p>
      )}
    </>
  );
}
