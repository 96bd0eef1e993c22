import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HastContent } from "@/components/markdown-content";
import { DayDate } from "@/components/reader/dates";
import { JsonLd } from "@/components/reader/json-ld";
import { SourceDetails } from "@/components/reader/source-list";
import { SourceRef } from "@/components/reader/source-ref";
import { VerdictHistory } from "@/components/reader/verdict-history";
import { VerdictBadge } from "@/components/verdict-badge";
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { findVerdict, NOT_YET_CHECKED } from "@/lib/domain/verdicts";
import { publicUrl } from "@/lib/env";
import { readerDossierPage } from "@/lib/http/reader-cache";
import { messages } from "@/lib/i18n/messages";
import { absoluteUrl, anchors, readerAlternates, readerPaths } from "@/lib/i18n/routing";
import { typeset, typesetTree } from "@/lib/i18n/typography";
import { demoteHeadings } from "@/lib/markdown/outline";
import { passageInContext } from "@/lib/markdown/passage-context";
import { RecordIdSchema } from "@/lib/schemas/reader";
import { dossierClaimReviews } from "@/lib/server/reader/public-json";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = PageProps<"/[locale]/dossiers/[slug]/claims/[id]">;

async function load(params: Props["params"]) {
  const { id } = await params;
  const { locale, dossier } = await readerDossierPage(params);
  const parsed = RecordIdSchema.safeParse(id);
  const claim = parsed.success ? dossier.claims.find((c) => c.id === parsed.data) : undefined;
  // A claim readers cannot see (orphaned, another dossier's, unknown) is a 404 like any other.
  if (!claim) notFound();
  return { locale, dossier, claim };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, dossier, claim } = await load(params);
  return {
    title: messages(locale).claimPage.title({ n: claim.number, dossier: dossier.title }),
    description: claim.text,
    alternates: readerAlternates(publicUrl(), locale, (l) => readerPaths.claim(dossier.slug, claim.id, l), { slug: dossier.slug, title: dossier.title }),
  };
}

export default async function ClaimPage({ params }: Props) {
  const { locale, dossier, claim } = await load(params);
  const t = messages(locale);
  const vocabulary = verdictVocabulary();
  const language = dossier.language;
  const tone = findVerdict(claim.verdict, vocabulary)?.tone ?? NOT_YET_CHECKED.tone;
  const context = passageInContext(dossier.body, claim, { className: ["claim-passage", `verdict--${tone}`] });
  const sourceById = new Map(dossier.sources.map((s) => [s.id, s]));
  const review = dossierClaimReviews(dossier, locale).find((r) => r.url === absoluteUrl(publicUrl(), readerPaths.claim(dossier.slug, claim.id, locale)));
  const questions = dossier.questions.filter((q) => q.answeringClaimId === claim.id);
  const events = dossier.events.filter((e) => e.claimIds.includes(claim.id));
  const previous = dossier.claims[claim.number - 2];
  const next = dossier.claims[claim.number];
  const sourceHref = (number: number) => `${readerPaths.dossier(dossier.slug, locale)}#${anchors.source(number)}`;

  return (
    <>
      {review ? <JsonLd data={review} /> : null}
      <nav aria-label={t.dossier.onThisPage} className="breadcrumb">
        <a href={`${readerPaths.dossier(dossier.slug, locale)}#${anchors.claim(claim.id)}`}>
          <span aria-hidden="true">← </span>
          {t.claimPage.back}
        </a>
        {" · "}
        <span lang={language}>{typeset(dossier.title, language)}</span>
      </nav>

      <header className="claim-header">
        <p className="claim-header__number">{t.claims.claim({ n: claim.number })}</p>
        <h1 lang={language}>{typeset(claim.text, language)}</h1>
        {claim.hedged ? <p className="meta">{t.claims.hedged}</p> : null}
      </header>

      <section aria-labelledby="context-heading" className="claim-context">
        <h2 id="context-heading">{t.claimPage.inArticle}</h2>
        {context ? (
          <blockquote lang={language} className="claim-context__quote" cite={absoluteUrl(publicUrl(), readerPaths.dossier(dossier.slug, locale))}>
            <HastContent tree={typesetTree(demoteHeadings(demoteHeadings(context)), language)} />
          </blockquote>
        ) : (
          <p className="empty">{t.claimPage.passageMissing}</p>
        )}
      </section>

      <section aria-labelledby="verdict-heading" className="claim-verdict">
        <h2 id="verdict-heading">{t.verdict.heading}</h2>
        <p className="claim-verdict__badge">
          <VerdictBadge verdict={claim.verdict} locale={locale} />
          {claim.verdictSetAt ? (
            <span className="meta">
              {" · "}
              {t.verdict.decidedOn({ date: <DayDate iso={claim.verdictSetAt} locale={locale} /> })}
            </span>
          ) : null}
        </p>
        {claim.verdict ? (
          claim.verdictRationale ? (
            <p lang={language}>{typeset(claim.verdictRationale, language)}</p>
          ) : null
        ) : (
          <p>{t.verdict.notYetChecked}</p>
        )}
      </section>

      <section aria-labelledby="evidence-heading" className="evidence">
        <h2 id="evidence-heading">{t.claimPage.evidenceHeading}</h2>
        {claim.evidence.length === 0 ? (
          <p className="empty">{t.claims.noEvidence}</p>
        ) : (
          <>
            <p className="meta">{t.claimPage.evidenceIntro}</p>
            <ul className="evidence-list">
              {claim.evidence.map((e) => {
                const source = sourceById.get(e.sourceId);
                if (!source) return null;
                return (
                  <li key={e.id} className={`evidence__item evidence--${e.stance}`}>
                    <p className="evidence__stance">
                      <strong>{t.claimPage.stances[e.stance] ?? e.stance}</strong> <SourceRef source={source} href={sourceHref(source.number)} t={t} />
                    </p>
                    <SourceDetails source={source} language={language} locale={locale} t={t} />
                    {e.excerpt ? (
                      <blockquote lang={language} className="evidence__excerpt">
                        <p>{typeset(e.excerpt, language)}</p>
                      </blockquote>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      <VerdictHistory history={claim.history} language={language} vocabulary={vocabulary} locale={locale} t={t} />

      {questions.length > 0 ? (
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading">{t.claimPage.questionsHeading}</h2>
          <ul>
            {questions.map((q) => (
              <li key={q.id}>
                <p lang={language}>{typeset(q.text, language)}</p>
                {q.answer ? <p lang={language}>{typeset(q.answer, language)}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {events.length > 0 ? (
        <section aria-labelledby="events-heading">
          <h2 id="events-heading">{t.claimPage.eventsHeading}</h2>
          <ul>
            {events.map((e) => (
              <li key={e.id}>
                <a href={`${readerPaths.timeline(dossier.slug, locale)}#${anchors.event(e.id)}`} lang={language}>
                  {typeset(e.title, language)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <nav aria-label={t.claims.heading} className="pager">
        {previous ? (
          <a href={readerPaths.claim(dossier.slug, previous.id, locale)} rel="prev">
            <span aria-hidden="true">← </span>
            {t.claimPage.previous} ({t.claims.claim({ n: previous.number })})
          </a>
        ) : null}
        {next ? (
          <a href={readerPaths.claim(dossier.slug, next.id, locale)} rel="next">
            {t.claimPage.next} ({t.claims.claim({ n: next.number })})<span aria-hidden="true"> →</span>
          </a>
        ) : null}
      </nav>
    </>
  );
}
