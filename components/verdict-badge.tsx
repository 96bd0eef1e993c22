import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { findVerdict, NOT_YET_CHECKED, verdictLabel, type Locale } from "@/lib/domain/verdicts";

const ICONS = { positive: "✓", mixed: "◐", negative: "✗", neutral: "?" } as const;

/** A verdict in words, with an icon and a colour as extra cues (never the only signal). */
export function VerdictBadge({ verdict, locale = "en" }: { verdict: string | null; locale?: Locale }) {
  const vocabulary = verdictVocabulary();
  const tone = findVerdict(verdict, vocabulary)?.tone ?? NOT_YET_CHECKED.tone;
  return (
    <span className={`verdict verdict--${tone}`} data-verdict={verdict ?? "unchecked"}>
      <span aria-hidden="true" className="verdict__icon">
        {verdict ? ICONS[tone] : "…"}
      </span>
      {verdictLabel(verdict, locale, vocabulary)}
    </span>
  );
}
