import type { Locale } from "@/lib/i18n/locales";
import type { UiMessages } from "@/lib/i18n/messages";
import { NNBSP, typeset } from "@/lib/i18n/typography";
import type { PublicQuote, PublicSource } from "@/lib/server/reader/get-published-dossier";
import { EdtfDate } from "./dates";
import { SourceRef } from "./source-ref";

/** The quotation marks of the quote's own language. */
function quoted(text: string, language: string): string {
  return language.toLowerCase().startsWith("fr") ? `«${NNBSP}${typeset(text, language)}${NNBSP}»` : `“${text}”`;
}

export function QuoteList({
  quotes,
  sources,
  language,
  locale,
  t,
  sourceHref,
}: {
  quotes: PublicQuote[];
  sources: PublicSource[];
  /** The dossier's content language (speaker names, context). */
  language: string;
  locale: Locale;
  t: UiMessages;
  sourceHref: (source: PublicSource) => string;
}) {
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return (
    <section aria-labelledby="quotes-heading" className="quotes" id="quotes">
      <h2 id="quotes-heading">{t.quotes.heading}</h2>
      {quotes.length === 0 ? (
        <p className="empty">{t.quotes.empty}</p>
      ) : (
        <>
          <p className="meta">{t.quotes.intro}</p>
          {quotes.map((quote) => {
            const source = quote.sourceId ? sourceById.get(quote.sourceId) : undefined;
            return (
              <figure key={quote.id} className="quote" id={`quote-${quote.id}`}>
                <blockquote lang={quote.language}>
                  <p>{quoted(quote.text, quote.language)}</p>
                </blockquote>
                <figcaption>
                  <span aria-hidden="true">— </span>
                  {quote.speaker.name ? (
                    <span lang={language} className="quote__speaker">
                      {typeset(quote.speaker.name, language)}
                    </span>
                  ) : (
                    <span className="quote__speaker">{t.quotes.unnamed}</span>
                  )}
                  {quote.date ? (
                    <>
                      {", "}
                      <EdtfDate value={quote.date} locale={locale} />
                    </>
                  ) : null}
                  {!quote.onRecord ? <span className="quote__off-record"> ({t.quotes.offRecord})</span> : null}
                  {source ? (
                    <>
                      {" "}
                      <SourceRef source={source} href={sourceHref(source)} t={t} />
                    </>
                  ) : null}
                  {quote.speaker.description ? (
                    <span className="quote__role" lang={language}>
                      {typeset(quote.speaker.description, language)}
                    </span>
                  ) : null}
                  {quote.context ? (
                    <span className="quote__context" lang={language}>
                      {typeset(quote.context, language)}
                    </span>
                  ) : null}
                </figcaption>
              </figure>
            );
          })}
        </>
      )}
    </section>
  );
}
