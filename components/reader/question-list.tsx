import type { Locale } from "@/lib/i18n/locales";
import type { UiMessages } from "@/lib/i18n/messages";
import { typeset } from "@/lib/i18n/typography";
import type { PublicClaim, PublicQuestion } from "@/lib/server/reader/get-published-dossier";
import { DayDate } from "./dates";

export function QuestionList({
  questions,
  claims,
  language,
  locale,
  t,
  claimHref,
}: {
  questions: PublicQuestion[];
  claims: PublicClaim[];
  language: string;
  locale: Locale;
  t: UiMessages;
  claimHref: (claim: PublicClaim) => string;
}) {
  const open = questions.filter((q) => q.status === "open");
  const answered = questions.filter((q) => q.status === "answered");
  const claimById = new Map(claims.map((c) => [c.id, c]));
  return (
    <section aria-labelledby="questions-heading" className="questions" id="questions">
      <h2 id="questions-heading">{t.questions.heading}</h2>
      {questions.length === 0 ? (
        <p className="empty">{t.questions.empty}</p>
      ) : (
        <>
          <p className="meta">{t.questions.intro}</p>
          <h3>{t.questions.open}</h3>
          {open.length === 0 ? (
            <p className="empty">{t.questions.noneOpen}</p>
          ) : (
            <ul className="question-list question-list--open">
              {open.map((q) => (
                <li key={q.id} lang={language}>
                  {typeset(q.text, language)}
                </li>
              ))}
            </ul>
          )}
          {answered.length > 0 ? (
            <>
              <h3>{t.questions.answered}</h3>
              <ul className="question-list question-list--answered">
                {answered.map((q) => {
                  const claim = q.answeringClaimId ? claimById.get(q.answeringClaimId) : undefined;
                  return (
                    <li key={q.id}>
                      <p className="question__text" lang={language}>
                        {typeset(q.text, language)}
                      </p>
                      {q.answer ? (
                        <p className="question__answer" lang={language}>
                          {typeset(q.answer, language)}
                        </p>
                      ) : null}
                      <p className="meta">
                        {q.answeredAt ? (
                          <>
                            {t.questions.answeredOn({ date: <DayDate iso={q.answeredAt} locale={locale} /> })}
                          </>
                        ) : null}
                        {claim ? (
                          <>
                            {q.answeredAt ? " · " : null}
                            <a href={claimHref(claim)}>{t.questions.seeClaim({ n: claim.number })}</a>
                          </>
                        ) : null}
                      </p>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
