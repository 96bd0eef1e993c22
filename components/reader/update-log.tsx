// The public update log of a dossier: every published update after the first publication, with
// the editor's note and a link to what it changed, and the claims updates removed (what they said,
// their verdict then, and why), so a published claim never silently vanishes.
import { VerdictBadge } from "@/components/verdict-badge";
import type { Locale } from "@/lib/i18n/locales";
import type { UiMessages } from "@/lib/i18n/messages";
import { readerPaths } from "@/lib/i18n/routing";
import { typeset } from "@/lib/i18n/typography";
import type { PublicRemovedClaim, PublicUpdate } from "@/lib/server/reader/get-published-dossier";
import { DayDate } from "./dates";

export function UpdateLog({
  slug,
  updates,
  removedClaims,
  language,
  locale,
  t,
}: {
  slug: string;
  updates: PublicUpdate[];
  removedClaims: PublicRemovedClaim[];
  language: string;
  locale: Locale;
  t: UiMessages;
}) {
  if (updates.length <= 1 && removedClaims.length === 0) return null;
  const newestFirst = [...updates].reverse();
  return (
    <section aria-labelledby="updates-heading" className="updates" id="updates">
      <h2 id="updates-heading">{t.updates.heading}</h2>
      <p className="meta">{t.updates.intro}</p>
      <ol className="history-list" reversed>
        {newestFirst.map((u) => (
          <li key={u.version} className="history__entry">
            <p className="history__head">
              <strong>{t.updates.version({ n: u.version })}</strong>
              {" · "}
              <DayDate iso={u.publishedAt} locale={locale} />
              {u.version === 1 ? <span className="meta"> · {t.updates.first}</span> : u.minor ? <span className="meta"> · {t.updates.minor}</span> : null}
            </p>
            {u.note ? (
              <p className="history__note" lang={language}>
                {typeset(u.note, language)}
              </p>
            ) : null}
            {u.version > 1 ? (
              <p>
                <a href={readerPaths.version(slug, u.version)}>
                  {t.updates.seeChanges}
                  <span className="visually-hidden"> ({t.updates.version({ n: u.version })})</span>
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {removedClaims.length > 0 ? (
        <>
          <h3 id="removed-claims">{t.updates.removedHeading}</h3>
          <p className="meta">{t.updates.removedIntro}</p>
          <ul className="history-list removed-claims">
            {removedClaims.map((c) => (
              <li key={`${c.id}-${c.removedInVersion}`} className="history__entry history__entry--correction">
                <p className="history__head">
                  <DayDate iso={c.removedAt} locale={locale} />
                  {" · "}
                  <a href={readerPaths.version(slug, c.removedInVersion)}>{t.updates.removedIn({ n: c.removedInVersion })}</a>
                </p>
                <p lang={language}>
                  <del>{typeset(c.text, language)}</del>
                </p>
                <p className="meta">
                  {t.updates.lastVerdict}
                  <VerdictBadge verdict={c.verdict} locale={locale} />
                </p>
                <p>
                  {t.updates.why}
                  {c.note ? <span lang={language}>{typeset(c.note, language)}</span> : t.updates.noReason}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
