// Turns raw input (form fields, JSON) into a schema's output, or an AppError INVALID_INPUT whose
// fieldErrors name each field and say what is wrong. Shared by server actions and API routes.
import { z } from "zod";
import { AppError } from "@/lib/domain/errors";

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".");
    if (key === "") formErrors.push(issue.message);
    else (fieldErrors[key] ??= []).push(issue.message);
  }
  const message = formErrors.length ? formErrors.join(" ") : "Some fields need attention: nothing was saved.";
  return failInvalid(message, fieldErrors);
}

function failInvalid(message: string, fieldErrors: Record<string, string[]>): never {
  throw new AppError("INVALID_INPUT", message, { fieldErrors });
}

/**
 * Form fields as a plain object: one value → a string, repeated names → an array of strings.
 * React's own hidden fields ($ACTION_…) are left out. Files are not accepted by any form.
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
