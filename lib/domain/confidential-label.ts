// A quote's speaker description is shown to every journalist, but a confidential source's title
// and identity are withheld from them (docs/permissions.md): a speaker label that repeats one of
// them gives away what every other page hides. This finds such labels, so the importer and the
// newsroom's quote form can warn before anyone reads it.

export interface ConfidentialSourceText {
  /** How the warning names the source (its key in a content file, its public description in the newsroom). */
  name: string;
  title: string | null;
  identity: string | null;
}

/** Differences of typing that do not make two descriptions different to a reader. */
export function normaliseForComparison(text: string): string {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase("fr")
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s"'.,;:!?()-]+|[\s"'.,;:!?()-]+$/g, "");
}

/** Below this, a title or identity is too short to look for inside a longer label. */
const MIN_CONTAINED = 8;

export type LabelLeak = { source: string; field: "title" | "identity" };

/** The confidential sources whose withheld title or identity a speaker label repeats. */
export function speakerLabelLeaks(label: string | null | undefined, sources: readonly ConfidentialSourceText[]): LabelLeak[] {
  if (!label) return [];
  const said = normaliseForComparison(label);
  if (said === "") return [];
  const leaks: LabelLeak[] = [];
  for (const source of sources) {
    for (const field of ["title", "identity"] as const) {
      const secret = source[field] ? normaliseForComparison(source[field]) : "";
      if (secret === "") continue;
      if (said === secret || (secret.length >= MIN_CONTAINED && said.includes(secret))) {
        leaks.push({ source: source.name, field });
        break;
      }
    }
  }
  return leaks;
}
