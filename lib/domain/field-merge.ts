// Three-way merge of a form's fields after a refused save (someone saved a newer version):
// base = what the journalist started from, mine = what they typed, theirs = the newer version.
// A field only one side changed merges by itself; a field both changed differently is a
// conflict the journalist decides. Nothing is decided silently: the UI shows every outcome.
export type FieldValue = string | boolean | null | readonly string[];

export type MergeOutcome =
  /** Nobody changed it. */
  | "unchanged"
  /** Both sides made the same change. */
  | "same"
  /** Only I changed it: keep mine. */
  | "mine"
  /** Only they changed it: take theirs. */
  | "theirs"
  /** Both changed it differently: a person decides. */
  | "conflict";

export interface FieldMerge {
  field: string;
  base: FieldValue;
  mine: FieldValue;
  theirs: FieldValue;
  outcome: MergeOutcome;
}

/** Values compare as trimmed text; lists as sets (the order of linked records has no meaning). */
export function normaliseFieldValue(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return value.trim().replace(/\r\n/g, "\n");
  return [...value].sort().join("\u0000");
}

export function mergeField(field: string, base: FieldValue, mine: FieldValue, theirs: FieldValue): FieldMerge {
  const [b, m, t] = [base, mine, theirs].map(normaliseFieldValue);
  let outcome: MergeOutcome;
  if (m === t) outcome = m === b ? "unchanged" : "same";
  else if (m === b) outcome = "theirs";
  else if (t === b) outcome = "mine";
  else outcome = "conflict";
  return { field, base, mine, theirs, outcome };
}

export function mergeFields(
  fields: readonly string[],
  base: Record<string, FieldValue>,
  mine: Record<string, FieldValue>,
  theirs: Record<string, FieldValue>,
): FieldMerge[] {
  return fields.map((f) => mergeField(f, base[f] ?? null, mine[f] ?? null, theirs[f] ?? null));
}
