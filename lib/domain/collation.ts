// How names and titles are ordered, the same on every database: in French collation order
// (accents and case are secondary: "Éric" sorts with the E's, "alice" with the A's), digits by
// value ("Dossier 2" before "Dossier 10"). Databases disagree here — SQLite compares bytes
// (every capital before every lower-case letter, "É" after "z"), PostgreSQL follows the
// collation its cluster was created with — so the data layer sorts such lists itself.
const collator = new Intl.Collator("fr", { sensitivity: "variant", numeric: true });

/** French collation order; strings equal under it keep a stable, byte-wise order. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A comparator on one text field, for `array.sort(byText((x) => x.name))`. */
export const byText =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    compareText(key(a), key(b));
