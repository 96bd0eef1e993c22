import { VerdictBadge } from "@/components/verdict-badge";
import type { Locale } from "@/lib/i18n/locales";
import type { UiMessages } from "@/lib/i18n/messages";
import { anchors, readerPaths } from "@/lib/i18n/routing";
import { typeset } from "@/lib/i18n/typography";
import type { PublicClaim, PublicEvent, PublicSource } from "@/lib/server/reader/get-published-dossier";
import { EdtfDate } from "./dates";
import { SourceName, SourceRef } from "./source-ref";

/** Events in chronological order (the data layer sorts by the earliest and latest instant each date allows). */
export function Timeline({
  slug,
  events,
  claims,
  sources,
  language,
  locale,
  t,
}: {
  slug: string;
  events: PublicEvent[];
  claims: PublicClaim[];
  sources: PublicSource[];
  language: string;
  locale: Locale;
  t: UiMessages;
}) {
  if (events.length === 0) return <p className="empty">{t.timeline.empty}</p>;
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return (
    <ol className="timeline">
      {events.map((event) => {
        const certainty = t.timeline.certainty[event.certainty];
        return (
          <li key={event.id} id={anchors.event(event.id)} className={`timeline__event timeline__event--${event.certainty}`} data-certainty={event.certainty}>
            <p className="timeline__date">
              <EdtfDate value={event.date} locale={locale} />
              {certainty ? <span className={`certainty certainty--${event.certainty}`}>{certainty}</span> : null}
            </p>
            <h2 className="timeline__title" lang={language}>
              {typeset(event.title, language)}
            </h2>
            {event.description ? (
              <p lang={language} className="timeline__description">
                {typeset(event.description, language)}
              </p>
            ) : null}
            {event.claimIds.length > 0 ? (
              <div className="timeline__links">
                <h3>{t.timeline.claims}</h3>
                <ul>
                  {event.claimIds.map((id) => {
                    const claim = claimById.get(id);
                    if (!claim) return null;
                    return (
                      <li key={id}>
                        <a href={readerPaths.claim(slug, id, locale)}>{t.claims.claim({ n: claim.number })}</a> <VerdictBadge verdict={claim.verdict} locale={locale} />{" "}
                        <span lang={language}>{typeset(claim.text, language)}</span>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ) : null}
            {event.sourceIds.length > 0 ? (
              <div className="timeline__links">
                <h3>{t.timeline.sources}</h3>
                <ul>
                  {event.sourceIds.map((id) => {
                    const source = sourceById.get(id);
                    if (!source) return null;
                    return (
                      <li key={id}>
                        <SourceRef source={source} href={`${readerPaths.dossier(slug, locale)}#${anchors.source(source.number)}`} t={t} />{" "}
                        <SourceName source={source} language={language} t={t} />
                      </li>
                    );
                  })}
                </ul>
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
