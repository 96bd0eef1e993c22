import { VerdictBadge } from "@/components/verdict-badge";
import type { VerdictDefinition } from "@/lib/domain/verdicts";
import type { Locale } from "@/lib/i18n/locales";
import type { UiMessages } from "@/lib/i18n/messages";
import { anchors, readerPaths } from "@/lib/i18n/routing";
import { typeset } from "@/lib/i18n/typography";
import type { PublicClaim, PublicSource } from "@/lib/server/reader/get-published-dossier";
import { countVerdicts } from "./verification-summary";
import { SourceRef } from "./source-ref";

const FILTER = "claim-filter";
const filterId = (key: string | null) => `${FILTER}-${key ?? "unchecked"}`;

/**
 * The filter needs no JavaScript: radio buttons and CSS `:has()` hide the other claims, and a
 * claim reached from its marker in the text (`:target`) is always shown. Verdict keys are
 * validated as [a-z0-9-], so they are safe in the generated selectors.
 */
function filterCss(keys: (string | null)[]): string {
  return keys
    .map((key) => {
      const value = key ?? "unchecked";
      return `.claims:has(#${filterId(key)}:checked) .claim-list > li:not([data-verdict="${value}"]):not(:target){display:none}`;
    })
    .join("\n");
}

export function ClaimList({
  slug,
  claims,
  sources,
  language,
  vocabulary,
  locale,
  t,
  placed,
}: {
  /** Claims whose passage is marked in the article (the others get no "show in the article" link). */
  placed: ReadonlySet<string>;
  slug: string;
  claims: PublicClaim[];
  sources: PublicSource[];
  language: string;
  vocabulary: readonly VerdictDefinition[];
  locale: Locale;
  t: UiMessages;
}) {
  const counts = countVerdicts(claims, vocabulary);
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return (
    <section aria-labelledby="claims-heading" className="claims" id="claims">
      <h2 id="claims-heading">{t.claims.heading}</h2>
      {claims.length === 0 ? (
        <p className="empty">{t.summary.empty}</p>
      ) : (
        <>
          <p>{t.claims.intro}</p>
          {counts.length > 1 ? (
            <>
              <style>{filterCss(counts.map((c) => c.key))}</style>
              <fieldset className="claim-filter">
                <legend>{t.claims.filterLegend}</legend>
                <span className="claim-filter__option">
                  <input type="radio" name={FILTER} id={`${FILTER}-all`} value="all" defaultChecked />
                  <label htmlFor={`${FILTER}-all`}>
                    {t.claims.filterAll} ({claims.length})
                  </label>
                </span>
                {counts.map((c) => (
                  <span className="claim-filter__option" key={c.key ?? "unchecked"}>
                    <input type="radio" name={FILTER} id={filterId(c.key)} value={c.key ?? "unchecked"} />
                    <label htmlFor={filterId(c.key)}>
                      <VerdictBadge verdict={c.key} locale={locale} /> ({c.count})
                    </label>
                  </span>
                ))}
              </fieldset>
            </>
          ) : null}
          <ol className="claim-list">
            {claims.map((claim) => (
              <li key={claim.id} id={anchors.claim(claim.id)} value={claim.number} className="claim" data-verdict={claim.verdict ?? "unchecked"}>
                <h3 className="claim__heading">
                  <span className="claim__number">{t.claims.claim({ n: claim.number })}</span> <VerdictBadge verdict={claim.verdict} locale={locale} />
                </h3>
                <p lang={language} className="claim__text">
                  {typeset(claim.text, language)}
                </p>
                {claim.hedged ? <p className="claim__hedged meta">{t.claims.hedged}</p> : null}
                {claim.verdictRationale ? (
                  <p lang={language} className="claim__rationale">
                    {typeset(claim.verdictRationale, language)}
                  </p>
                ) : null}
                {claim.history.some((h) => h.isCorrection) ? <p className="claim__corrected">{t.claims.corrected}</p> : null}
                <p className="claim__links meta">
                  {claim.evidence.length > 0 ? (
                    <>
                      {t.claims.evidence({ n: new Set(claim.evidence.map((e) => e.sourceId)).size })}{" "}
                      {[...new Set(claim.evidence.map((e) => e.sourceId))]
                        .flatMap((id) => sourceById.get(id) ?? [])
                        .sort((a, b) => a.number - b.number)
                        .map((source) => (
                          <span key={source.id}>
                            <SourceRef source={source} href={`#${anchors.source(source.number)}`} t={t} />{" "}
                          </span>
                        ))}
                    </>
                  ) : (
                    t.claims.noEvidence
                  )}
                </p>
                <p className="claim__actions">
                  <a href={readerPaths.claim(slug, claim.id, locale)}>
                    {t.claims.howChecked}
                    <span className="visually-hidden"> ({t.claims.claim({ n: claim.number })})</span>
                  </a>
                  {placed.has(claim.id) ? (
                    <a href={`#${anchors.marker(claim.id)}`}>
                      {t.claims.showInArticle}
                      <span className="visually-hidden"> ({t.claims.claim({ n: claim.number })})</span>
                    </a>
                  ) : null}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
