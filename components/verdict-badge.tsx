import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { findVerdict, NOT_YET_CHECKED, verdictIcon, verdictLabel, type Locale } from "@/lib/domain/verdicts";

/** A verdict in words, with an icon and a colour as extra cues (never the only signal). */
export function VerdictBadge({ verdict, locale = "en" }: { verdict: string | null; locale?: Locale }) {
  const vocabulary = verdictVocabulary();
  const definition = findVerdict(verdict, vocabulary);
  const tone = definition?.tone ?? NOT_YET_CHECKED.tone;
  return (
    <span className={`verdict verdict--${tone}`} data-verdict={verdict ?? "unchecked"}>
      <span aria-hidden="true" className="verdict__icon">
        {verdict ? verdictIcon(definition ?? NOT_YET_CHECKED) : "…"}
      </span>
      {verdictLabel(verdict, locale, vocabulary)}
    </span>
  );
}
