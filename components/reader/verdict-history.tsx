import { verdictLabel, type VerdictDefinition } from "@/lib/domain/verdicts";
import type { Locale } from "@/lib/i18n/locales";
import type { UiMessages } from "@/lib/i18n/messages";
import { typeset } from "@/lib/i18n/typography";
import type { PublicCorrection, PublicVerdictChange } from "@/lib/server/reader/get-published-dossier";
import { DayDate } from "./dates";

function ChangeSummary({ change, vocabulary, locale, t }: { change: PublicVerdictChange; vocabulary: readonly VerdictDefinition[]; locale: Locale; t: UiMessages }) {
  const to = verdictLabel(change.toVerdict, locale, vocabulary);
  if (change.kind === "recheck") return <>{t.history.recheck({ verdict: to })}</>;
  return <>{change.fromVerdict ? t.history.change({ from: verdictLabel(change.fromVerdict, locale, vocabulary), to }) : t.history.first({ to })}</>;
}

/** The public history of one claim's verdict, oldest first; changes after publication are corrections. */
/** A change's correction note (when it is one) and its rationale, in the dossier's language. */
function ChangeText({ change, language, t }: { change: PublicVerdictChange; language: string; t: UiMessages }) {
  return (
    <>
      {change.kind === "recheck" ? <p className="meta">{t.history.recheckNote}</p> : null}
      {change.correctionNote ? (
        <p className="history__note" lang={language}>
          {typeset(change.correctionNote, language)}
        </p>
      ) : null}
      <p className="history__rationale" lang={language}>
        {typeset(change.rationale, language)}
      </p>
    </>
  );
}

export function VerdictHistory({
  history,
  language,
  vocabulary,
  locale,
  t,
}: {
  history: PublicVerdictChange[];
  language: string;
  vocabulary: readonly VerdictDefinition[];
  locale: Locale;
  t: UiMessages;
}) {
  return (
    <section aria-labelledby="history-heading" className="history" id="history">
      <h2 id="history-heading">{t.history.heading}</h2>
      {history.length === 0 ? (
        <p className="empty">{t.history.empty}</p>
      ) : (
        <>
          <p className="meta">{t.history.intro}</p>
          <ol className="history-list">
            {history.map((change) => (
              <li key={change.id} className={change.isCorrection ? "history__entry history__entry--correction" : "history__entry"}>
                <p className="history__head">
                  <DayDate iso={change.decidedAt} locale={locale} />
                  {" · "}
                  <strong>
                    <ChangeSummary change={change} vocabulary={vocabulary} locale={locale} t={t} />
                  </strong>
                  {change.isCorrection ? (
                    <span className="correction-label"> · {t.history.correction}</span>
                  ) : change.kind === "recheck" ? null : (
                    <span className="meta"> · {t.history.beforePublication}</span>
                  )}
                </p>
                <ChangeText change={change} language={language} t={t} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** The dossier's corrections log: verdicts changed after publication, newest first. */
export function CorrectionsLog({
  corrections,
  language,
  vocabulary,
  locale,
  t,
  claimHref,
}: {
  corrections: PublicCorrection[];
  language: string;
  vocabulary: readonly VerdictDefinition[];
  locale: Locale;
  t: UiMessages;
  claimHref: (claimId: string) => string;
}) {
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections-heading" className="corrections" id="corrections">
      <h2 id="corrections-heading">{t.corrections.heading}</h2>
      <p className="meta">{t.corrections.intro}</p>
      <ol className="history-list">
        {corrections.map(({ claimId, claimNumber, change }) => (
          <li key={change.id} className="history__entry history__entry--correction">
            <p className="history__head">
              <DayDate iso={change.decidedAt} locale={locale} />
              {" · "}
              <a href={claimHref(claimId)}>{t.claims.claim({ n: claimNumber })}</a>
              {" · "}
              <strong>
                <ChangeSummary change={change} vocabulary={vocabulary} locale={locale} t={t} />
              </strong>
            </p>
            <ChangeText change={change} language={language} t={t} />
          </li>
        ))}
      </ol>
    </section>
  );
}
