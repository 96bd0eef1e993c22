import { VerdictBadge } from "@/components/verdict-badge";
import { findVerdict, NOT_YET_CHECKED, type VerdictDefinition } from "@/lib/domain/verdicts";
import { INTL_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { UiMessages } from "@/lib/i18n/messages";
import { typeset } from "@/lib/i18n/typography";

export interface VerdictCount {
  /** null: not yet checked. */
  key: string | null;
  tone: VerdictDefinition["tone"];
  count: number;
}

/** Claims per verdict, in the vocabulary's order, then those not yet checked. Empty verdicts are left out. */
export function countVerdicts(claims: { verdict: string | null }[], vocabulary: readonly VerdictDefinition[]): VerdictCount[] {
  const counts: VerdictCount[] = vocabulary.map((v) => ({ key: v.key, tone: v.tone, count: claims.filter((c) => c.verdict === v.key).length }));
  const unchecked = claims.filter((c) => !findVerdict(c.verdict, vocabulary)).length;
  counts.push({ key: null, tone: NOT_YET_CHECKED.tone, count: unchecked });
  return counts.filter((c) => c.count > 0);
}

/**
 * A stacked bar a reader takes in at a glance, and the same figures as text: the bar is
 * decoration (hidden from assistive technology); the list says everything it shows.
 */
export function VerificationSummary({
  claims,
  vocabulary,
  locale,
  t,
}: {
  claims: { verdict: string | null }[];
  vocabulary: readonly VerdictDefinition[];
  locale: Locale;
  t: UiMessages;
}) {
  const counts = countVerdicts(claims, vocabulary);
  const total = claims.length;
  const percent = new Intl.NumberFormat(INTL_LOCALE[locale], { style: "percent", maximumFractionDigits: 0 });
  const used = vocabulary.filter((v) => counts.some((c) => c.key === v.key));
  return (
    <section aria-labelledby="summary-heading" className="verification-summary" id="summary">
      <h2 id="summary-heading">{t.summary.heading}</h2>
      {total === 0 ? (
        <p className="empty">{t.summary.empty}</p>
      ) : (
        <>
          <p className="verification-summary__total">{t.summary.total({ n: total })}</p>
          <div className="verdict-bar" aria-hidden="true">
            {counts.map((c, i) => (
              // Two neighbours of the same tone get different textures so they still read as two.
              <span
                key={c.key ?? "unchecked"}
                className={`verdict-bar__segment verdict--${c.tone}${i > 0 && counts[i - 1]!.tone === c.tone ? " verdict-bar__segment--alt" : ""}`}
                style={{ flexGrow: c.count }}
              >
                {c.count}
              </span>
            ))}
          </div>
          <ul className="verdict-counts">
            {counts.map((c) => (
              <li key={c.key ?? "unchecked"} data-verdict={c.key ?? "unchecked"}>
                <VerdictBadge verdict={c.key} locale={locale} /> <span className="verdict-counts__n">{t.summary.count({ n: c.count })}</span>{" "}
                <span className="meta">({typeset(percent.format(c.count / total), locale)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {used.length > 0 ? (
        <details className="methodology">
          <summary>{t.summary.methodology}</summary>
          <dl>
            {used.map((v) => (
              <div key={v.key}>
                <dt>
                  <VerdictBadge verdict={v.key} locale={locale} />
                </dt>
                <dd>{typeset(v.description[locale], locale)}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </section>
  );
}
