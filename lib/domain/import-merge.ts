// A re-import never silently undoes newsroom work. For every record the content files describe,
// three fingerprints decide what the importer does: what the last import wrote (stored), what
// the files say now (file), and what the database holds now (db; null when the row is gone).
//   - the files did not change the record since the last import → leave it (the newsroom's edits stay);
//   - the database already holds what the files say → nothing to write;
//   - nobody changed it in the newsroom since the last import → write the files' version;
//   - both changed it (or it was deleted in the newsroom, or no import ever recorded it) → a
//     conflict: kept as the newsroom has it, reported, unless the import is told to overwrite.

export type MergeDecision =
  | { action: "create" }
  | { action: "update" }
  | { action: "keep"; reason: "unchanged-in-files" }
  | { action: "record" }
  | { action: "conflict"; reason: "changed-in-newsroom" | "deleted-in-newsroom" | "not-imported-before" }
  | { action: "overwrite"; reason: "changed-in-newsroom" | "deleted-in-newsroom" | "not-imported-before" };

export function mergeDecision(f: { stored: string | null; file: string; db: string | null; overwrite: boolean }): MergeDecision {
  if (f.db === null) {
    if (f.stored === null) return { action: "create" };
    if (f.stored === f.file) return { action: "keep", reason: "unchanged-in-files" };
    return f.overwrite ? { action: "overwrite", reason: "deleted-in-newsroom" } : { action: "conflict", reason: "deleted-in-newsroom" };
  }
  if (f.stored === f.file) return { action: "keep", reason: "unchanged-in-files" };
  if (f.db === f.file) return { action: "record" };
  if (f.stored !== null && f.stored === f.db) return { action: "update" };
  const reason = f.stored === null ? "not-imported-before" : "changed-in-newsroom";
  return f.overwrite ? { action: "overwrite", reason } : { action: "conflict", reason };
}

/** The fields two canonical records differ in (for the conflict report). */
export function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));
}
