import type { Locale } from "@/lib/i18n/locales";
import type { UiMessages } from "@/lib/i18n/messages";
import { anchors, safeExternalUrl } from "@/lib/i18n/routing";
import { typeset } from "@/lib/i18n/typography";
import type { PublicClaim, PublicSource } from "@/lib/server/reader/get-published-dossier";
import type { PublicArchivedCopy } from "@/lib/server/reader/get-public-archive";
import { ArchivedCopies } from "./archived-copies";
import { DayDate, EdtfDate } from "./dates";
import { SourceName } from "./source-ref";

export function SourceList({
  sources,
  claims,
  language,
  locale,
  t,
  archive,
}: {
  sources: PublicSource[];
  claims: PublicClaim[];
  language: string;
  locale: Locale;
  t: UiMessages;
  /** The archived copies readers may open, by source id, with the dossier's slug for their links. */
  archive?: { slug: string; copies: Record<string, PublicArchivedCopy[]> };
}) {
  return (
    <section aria-labelledby="sources-heading" className="sources" id="sources">
      <h2 id="sources-heading">{t.sources.heading}</h2>
      {sources.length === 0 ? (
        <p className="empty">{t.sources.empty}</p>
      ) : (
        <>
          <p className="meta">{t.sources.intro}</p>
          <ol className="source-list">
            {sources.map((source) => {
              const citing = claims.filter((c) => c.evidence.some((e) => e.sourceId === source.id));
              return (
                <li key={source.id} id={anchors.source(source.number)} value={source.number} className={source.confidential ? "source source--confidential" : "source"}>
                  <SourceDetails source={source} language={language} locale={locale} t={t} />
                  {archive && !source.confidential ? <ArchivedCopies copies={archive.copies[source.id]} slug={archive.slug} locale={locale} t={t} /> : null}
                  {citing.length > 0 ? (
                    <p className="source__cited meta">
                      {t.sources.citedFor}{" "}
                      {citing.map((c, i) => (
                        <span key={c.id}>
                          {i > 0 ? ", " : null}
                          <a href={`#${anchors.claim(c.id)}`}>{t.claims.claim({ n: c.number })}</a>
                        </span>
                      ))}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

/** One source as readers may see it; a confidential one is its description and nothing else. */
export function SourceDetails({ source, language, locale, t }: { source: PublicSource; language: string; locale: Locale; t: UiMessages }) {
  if (source.confidential) {
    return (
      <p className="source__title">
        <SourceName source={source} language={language} t={t} />
      </p>
    );
  }
  const href = safeExternalUrl(source.url);
  const details: React.ReactNode[] = [t.sources.kinds[source.kind] ?? source.kind];
  // The UI's words in the UI's language, the names in the content's.
  if (source.publisher) details.push(t.sources.publishedBy({ publisher: <span lang={language}>{typeset(source.publisher, language)}</span> }));
  if (source.author) details.push(t.sources.by({ author: <span lang={language}>{typeset(source.author, language)}</span> }));
  if (source.date) details.push(<EdtfDate value={source.date} locale={locale} />);
  if (source.accessedAt) {
    details.push(
      <>
        {t.sources.consulted({ date: <DayDate iso={`${source.accessedAt}T12:00:00.000Z`} locale={locale} /> })}
      </>,
    );
  }
  details.push(t.sources.reliability[source.reliability] ?? source.reliability);
  return (
    <>
      <p className="source__title">
        {href ? (
          <a href={href} rel="noopener noreferrer nofollow" className="source__link">
            <SourceName source={source} language={language} t={t} />
          </a>
        ) : (
          <SourceName source={source} language={language} t={t} />
        )}
      </p>
      <p className="source__details meta">
        {details.map((d, i) => (
          <span key={i}>
            {i > 0 ? " · " : null}
            {d}
          </span>
        ))}
      </p>
    </>
  );
}
