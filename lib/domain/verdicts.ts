// The fact-check vocabulary. An installation may replace it (see docs), but every verdict needs
// labels in French and English, a reader-facing description (our methodology), a numeric rating
// for schema.org ClaimReview, and whether it may only be set with evidence.

export type Locale = "fr" | "en";

export interface VerdictDefinition {
  key: string;
  label: Record<Locale, string>;
  description: Record<Locale, string>;
  /** ClaimReview ratingValue on a 1 (worst) to 5 (best) scale; -1 = not rateable. */
  rating: number;
  needsEvidence: boolean;
  /**
   * Four eyes: the claim's author may not give this verdict (lib/domain/verdict-rules.ts).
   * Optional; when absent, the two ends of the ClaimReview scale (best and worst: "verified" and
   * "false" in the default vocabulary) need a second person.
   */
  fourEyes?: boolean;
  /** Decides the badge's colour, and its icon unless `icon` is given; the label always carries the meaning. */
  tone: "positive" | "mixed" | "negative" | "neutral";
  /** The badge's icon when the tone's would not tell it from another verdict of the same tone. */
  icon?: string;
}

const TONE_ICONS = { positive: "✓", mixed: "◐", negative: "✗", neutral: "?" } as const;

/** The badge's icon: the verdict's own, else its tone's; "…" for a claim not yet checked. */
export function verdictIcon(definition: Pick<VerdictDefinition, "tone" | "icon"> | undefined): string {
  if (!definition) return "…";
  return definition.icon ?? TONE_ICONS[definition.tone];
}

export const CLAIMREVIEW_SCALE = { best: 5, worst: 1 } as const;

/** What a verdict key looks like, wherever one is written (vocabulary file, content file, forms). */
export const VERDICT_KEY_PATTERN = /^[a-z][a-z0-9-]*$/;

export const DEFAULT_VERDICTS: readonly VerdictDefinition[] = [
  {
    key: "verified",
    label: { fr: "Vérifié", en: "Verified" },
    description: {
      fr: "Les sources consultées confirment l’affirmation telle qu’elle est formulée.",
      en: "The sources we consulted confirm the claim as stated.",
    },
    rating: 5,
    needsEvidence: true,
    tone: "positive",
  },
  {
    key: "partly-true",
    label: { fr: "Partiellement vrai", en: "Partly true" },
    description: {
      fr: "Une partie de l’affirmation est confirmée, une autre ne l’est pas ou est inexacte.",
      en: "Part of the claim is confirmed; part of it is not, or is inaccurate.",
    },
    rating: 3,
    needsEvidence: true,
    tone: "mixed",
  },
  {
    key: "misleading",
    label: { fr: "Trompeur", en: "Misleading" },
    description: {
      fr: "Les faits sont exacts mais présentés de façon à induire en erreur.",
      en: "The facts are accurate but presented in a way that misleads.",
    },
    rating: 2,
    needsEvidence: true,
    tone: "negative",
  },
  {
    key: "false",
    label: { fr: "Faux", en: "False" },
    description: {
      fr: "Les sources consultées contredisent l’affirmation.",
      en: "The sources we consulted contradict the claim.",
    },
    rating: 1,
    needsEvidence: true,
    tone: "negative",
  },
  {
    key: "unverifiable",
    label: { fr: "Invérifiable", en: "Unverifiable" },
    description: {
      fr: "Aucune source accessible ne permet de confirmer ou d’infirmer l’affirmation.",
      en: "No accessible source can confirm or refute the claim.",
    },
    rating: -1,
    needsEvidence: false,
    tone: "neutral",
  },
  {
    key: "outdated",
    label: { fr: "Dépassé", en: "Outdated" },
    description: {
      fr: "L’affirmation était exacte au moment de la publication mais des faits ultérieurs l’ont rendue caduque.",
      en: "The claim was accurate when published but later events have overtaken it.",
    },
    rating: 4,
    needsEvidence: false,
    tone: "neutral",
    // Neutral like "unverifiable" (?), but it says time has passed, not that nothing can be known.
    icon: "⌛",
  },
];

export const NOT_YET_CHECKED: Pick<VerdictDefinition, "label" | "description" | "tone"> = {
  label: { fr: "Pas encore vérifié", en: "Not yet checked" },
  description: {
    fr: "La rédaction n’a pas encore rendu de verdict sur cette affirmation.",
    en: "The newsroom has not yet reached a verdict on this claim.",
  },
  tone: "neutral",
};

export function findVerdict(key: string | null | undefined, vocabulary: readonly VerdictDefinition[] = DEFAULT_VERDICTS) {
  if (!key) return undefined;
  return vocabulary.find((v) => v.key === key);
}

export function verdictLabel(key: string | null | undefined, locale: Locale, vocabulary: readonly VerdictDefinition[] = DEFAULT_VERDICTS): string {
  return findVerdict(key, vocabulary)?.label[locale] ?? NOT_YET_CHECKED.label[locale];
}

export const verdictKeys = (vocabulary: readonly VerdictDefinition[] = DEFAULT_VERDICTS): string[] => vocabulary.map((v) => v.key);
