// Characters no field may hold, whatever the way in (form, JSON, content file). A NUL (U+0000)
// is never typed by a person and truncates text in tools downstream; a lone UTF-16 surrogate
// (half of an emoji, or a "\uD800" escape in JSON or YAML) is not a character at all, cannot be
// written as UTF-8, and makes the database layer fail with an error instead of storing it.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type UnsafeCharacter = "nul" | "lone-surrogate";

/** The first unsafe character in `value` and where it is, or null when the text is clean. */
export function findUnsafeCharacter(value: string): { kind: UnsafeCharacter; index: number } | null {
  const nul = value.indexOf("\u0000");
  const surrogate = value.search(LONE_SURROGATE);
  if (nul === -1 && surrogate === -1) return null;
  if (surrogate === -1 || (nul !== -1 && nul < surrogate)) return { kind: "nul", index: nul };
  return { kind: "lone-surrogate", index: surrogate };
}

/** "Title contains a NUL character…": said of a field, in words a journalist can act on. */
export function unsafeCharacterMessage(label: string, kind: UnsafeCharacter): string {
  return kind === "nul"
    ? `${label} contains a NUL character (U+0000), which cannot be stored: remove it.`
    : `${label} contains a broken character (half of a UTF-16 surrogate pair, e.g. from a "\\uD800" escape or a damaged copy-paste), which cannot be stored: remove it.`;
}

/** Every string anywhere in a JSON-like value, with its dotted path ("body", "items.2.text"). */
export function findUnsafeStrings(value: unknown, path: string[] = []): { path: string; kind: UnsafeCharacter }[] {
  if (typeof value === "string") {
    const found = findUnsafeCharacter(value);
    return found ? [{ path: path.join("."), kind: found.kind }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => findUnsafeStrings(v, [...path, String(i)]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => {
      const keyProblem = findUnsafeCharacter(k);
      return keyProblem ? [{ path: [...path, k].join("."), kind: keyProblem.kind }] : findUnsafeStrings(v, [...path, k]);
    });
  }
  return [];
}
