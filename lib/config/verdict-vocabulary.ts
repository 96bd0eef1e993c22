import "server-only";
// The installation's verdict vocabulary: DEFAULT_VERDICTS unless VERDICTS_FILE names a file.
// Read once per process; an invalid file stops the server with a message naming the problem.
import fs from "node:fs";
import { parse } from "yaml";
import { DEFAULT_VERDICTS, type VerdictDefinition } from "@/lib/domain/verdicts";
import { env } from "@/lib/env";
import { VerdictVocabularySchema } from "@/lib/schemas/verdict-vocabulary";

let cached: readonly VerdictDefinition[] | undefined;

export function loadVerdictVocabulary(file: string | undefined): readonly VerdictDefinition[] {
  if (!file) return DEFAULT_VERDICTS;
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`VERDICTS_FILE ${file}: cannot be read as YAML/JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  const result = VerdictVocabularySchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}: ${i.message}`);
    throw new Error(`VERDICTS_FILE ${file} is invalid:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function verdictVocabulary(): readonly VerdictDefinition[] {
  cached ??= loadVerdictVocabulary(env.VERDICTS_FILE);
  return cached;
}
