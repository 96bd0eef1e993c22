import "server-only";
// Use cases parse their own input with the shared schema (lib/schemas), so every caller — action,
// API, script, test — gets the same validation and the same coded error, and nothing is written
// when it fails. Parsing twice (the action wrapper, then here) is harmless: schemas are idempotent.
import type { z } from "zod";
import { AppError } from "@/lib/domain/errors";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const summary = Object.entries(fieldErrors)
    .map(([field, messages]) => (field === "_form" ? messages.join("; ") : `${field}: ${messages.join("; ")}`))
    .join(". ");
  throw new AppError("INVALID_INPUT", `Check the input. ${summary}.`, { fieldErrors });
}
