// Field schemas shared by the fact-check desk's inputs (verdicts, proposals, publishing, desk
// filters, notifications). Each accepts what a form posts (strings, a single checkbox value) as
// well as what an API client sends (numbers, arrays), and says what is wrong in words.
import { z } from "zod";

export const recordId = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(64, `${what} is not a valid id`);

/** Optimistic concurrency: the version of the record the person was looking at. */
export const recordVersion = z
  .union([z.number(), z.string().trim().regex(/^\d+$/, "must be a version number").transform(Number)], {
    error: "must be a version number",
  })
  .pipe(z.number().int("must be a version number").positive("must be a version number"));

export const requiredText = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} must be at most ${max} characters`);

/** A text a form may leave empty: "" (or only spaces) means absent. */
export const optionalText = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(max, `${what} must be at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Ids from checkboxes: absent → [], one value → [value]; duplicates dropped, order kept. */
export const idList = (what: string, max: number) =>
  z
    .union([recordId(what), z.array(recordId(what))], { error: `${what} must be a list of ids` })
    .optional()
    .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])]))
    .pipe(z.array(z.string()).max(max, `at most ${max} ${what} may be given`));

/** A verdict key's shape; whether this installation has it is a rule (lib/domain/verdict-rules). */
export const verdictKey = z
  .string({ error: "Choose a verdict" })
  .trim()
  .min(1, "Choose a verdict")
  .regex(/^[a-z][a-z0-9-]*$/, "is not a verdict key (e.g. verified)");

/** Empty query-string values ("All" in a filter) mean no filter. */
export const emptyAsAbsent = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const pageNumber = (fallback: number, max: number, what: string) =>
  z
    .preprocess(emptyAsAbsent, z.union([z.number(), z.string().trim().regex(/^\d+$/, `${what} must be a whole number`).transform(Number)]).optional())
    .transform((v) => v ?? fallback)
    .pipe(z.number().int(`${what} must be a whole number`).min(1, `${what} must be at least 1`).max(max, `${what} must be at most ${max}`));

export const booleanFlag = z
  .union([z.boolean(), z.enum(["true", "false", "on", "off", "1", "0", ""])])
  .optional()
  .transform((v) => v === true || v === "true" || v === "on" || v === "1");
