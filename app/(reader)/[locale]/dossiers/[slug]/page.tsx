import type { Metadata } from "next";
import { HastContent } from "@/components/markdown-content";
import { ClaimList } from "@/components/reader/claim-list";
import { DayDate } from "@/components/reader/dates";
import { JsonLd } from "@/components/reader/json-ld";
import { QuestionList } from "@/components/reader/question-list";
import { QuoteList } from "@/components/reader/quote-list";
import { SourceList } from "@/components/reader/source-list";
import { VerificationSummary } from "@/components/reader/verification-summary";
import { UpdateLog } from "@/components/reader/update-log";
import { CorrectionsLog } from "@/components/reader/verdict-history";
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { publicUrl } from "@/lib/env";
import { loadPublicArchive } from "@/lib/http/reader-archive-cache";
import { readerDossierPage } from "@/lib/http/reader-cache";
import { primaryLanguage } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { anchors, readerAlternates, readerPaths } from "@/lib/i18n/routing";
import { typeset, typesetTree } from "@/lib/i18n/typography";
import { renderArticleWithClaims } from "@/lib/markdown/claim-marks";
import { demoteHeadings } from "@/lib/markdown/outline";
import { dossierClaimReviews } from "@/lib/server/reader/public-json";

// Rendered on first request, then served from the cache until a change revalidates it
// (lib/http/revalidate.ts). Nothing here reads cookies or headers.
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = PageProps<"/[locale]/dossiers/[slug]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, dossier } = await readerDossierPage(params);
  return {
    title: dossier.title,
    description: dossier.summary || undefined,
    alternates: readerAlternates(publicUrl(), locale, (l) => readerPaths.dossier(dossier.slug, l), { slug: dossier.slug, title: dossier.title }),
    openGraph: { type: "article", title: dossier.title, description: dossier.summary || undefined, publishedTime: dossier.publishedAt ?? undefined },
  };
}

export default async function DossierPage({ params }: Props) {
  const { locale, dossier } = await readerDossierPage(params);
  const t = messages(locale);
  const vocabulary = verdictVocabulary();
  const language = dossier.language;
  const numbers = new Map(dossier.claims.map((c) => [c.id, c.number]));
  const article = renderArticleWithClaims(dossier.body, dossier.claims, {
    locale,
    vocabulary,
    claimHref: (id) => `#${anchors.claim(id)}`,
    claimNumber: (id) => numbers.get(id) ?? 0,
    markerPrefix: (n) => t.claims.markerPrefix({ n }),
  });
  const unplaced = new Set(article.unplaced);
  const placed = new Set(dossier.claims.filter((c) => !unplaced.has(c.id)).map((c) => c.id));
  const lastCorrection = dossier.corrections[0]?.change.decidedAt;
  // "Updated on …": the latest published update after the first publication, with its note.
  const lastUpdate = dossier.updates.length > 1 ? dossier.updates[dossier.updates.length - 1] : undefined;
  const otherLanguage = primaryLanguage(language) !== locale;
  const archive = await loadPublicArchive(dossier.slug);

  return (
    <>
      <JsonLd data={dossierClaimReviews(dossier, locale)} />
      <header className="dossier-header">
        <h1 id="dossier-title" lang={language}>
          {typeset(dossier.title, language)}
        </h1>
        {dossier.summary ? (
          <p className="summary" lang={language}>
            {typeset(dossier.summary, language)}
          </p>
        ) : null}
        <p className="meta">
          {dossier.publishedAt ? (
            <>
              {t.dossier.publishedOn({ date: <DayDate iso={dossier.publishedAt} locale={locale} /> })}
            </>
          ) : null}
          {lastCorrection ? (
            <>
              {" · "}
              <a href="#corrections">
                {t.dossier.correctedOn({ date: <DayDate iso={lastCorrection} locale={locale} /> })}
              </a>
            </>
          ) : null}
          {lastUpdate ? (
            <>
              {" · "}
              <a href="#updates" id="last-update">
                {t.updates.updatedOn({ date: <DayDate iso={lastUpdate.publishedAt} locale={locale} /> })}
              </a>
            </>
          ) : null}
        </p>
        {lastUpdate?.note ? (
          <p className="update-note" lang={language}>
            {typeset(lastUpdate.note, language)}
          </p>
        ) : null}
        {otherLanguage ? <p className="meta">{t.dossier.contentLanguage({ language: t.dossier.languageNames[primaryLanguage(language)] ?? language })}</p> : null}
        <nav aria-label={t.dossier.onThisPage} className="page-nav">
          <ul>
            <li>
              <a href="#summary">{t.dossier.sections.summary}</a>
            </li>
            <li>
              <a href="#article">{t.dossier.sections.article}</a>
            </li>
            <li>
              <a href="#claims">{t.dossier.sections.claims}</a>
            </li>
            {dossier.quotes.length > 0 ? (
              <li>
                <a href="#quotes">{t.dossier.sections.quotes}</a>
              </li>
            ) : null}
            {dossier.questions.length > 0 ? (
              <li>
                <a href="#questions">{t.dossier.sections.questions}</a>
              </li>
            ) : null}
            {dossier.corrections.length > 0 ? (
              <li>
                <a href="#corrections">{t.dossier.sections.corrections}</a>
              </li>
            ) : null}
            {dossier.updates.length > 1 || dossier.removedClaims.length > 0 ? (
              <li>
                <a href="#updates">{t.updates.heading}</a>
              </li>
            ) : null}
            <li>
              <a href="#sources">{t.dossier.sections.sources}</a>
            </li>
            {dossier.events.length > 0 ? (
              <li>
                <a href={readerPaths.timeline(dossier.slug, locale)}>{t.dossier.sections.timeline}</a>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>

      <VerificationSummary claims={dossier.claims} vocabulary={vocabulary} locale={locale} t={t} />

      <article className="article" id="article" lang={language} aria-labelledby="dossier-title">
        <HastContent tree={typesetTree(demoteHeadings(article.tree), language)} />
      </article>

      <ClaimList slug={dossier.slug} claims={dossier.claims} sources={dossier.sources} language={language} vocabulary={vocabulary} locale={locale} t={t} placed={placed} />

      {dossier.quotes.length > 0 ? (
        <QuoteList quotes={dossier.quotes} sources={dossier.sources} language={language} locale={locale} t={t} sourceHref={(s) => `#${anchors.source(s.number)}`} />
      ) : null}

      {dossier.questions.length > 0 ? (
        <QuestionList questions={dossier.questions} claims={dossier.claims} language={language} locale={locale} t={t} claimHref={(c) => `#${anchors.claim(c.id)}`} />
      ) : null}

      <UpdateLog slug={dossier.slug} updates={dossier.updates} removedClaims={dossier.removedClaims} language={language} locale={locale} t={t} />

      <CorrectionsLog corrections={dossier.corrections} language={language} vocabulary={vocabulary} locale={locale} t={t} claimHref={(id) => readerPaths.claim(dossier.slug, id, locale)} />

      <SourceList sources={dossier.sources} claims={dossier.claims} language={language} locale={locale} t={t} archive={{ slug: dossier.slug, copies: archive }} />
    </>
  );
}
