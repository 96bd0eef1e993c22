// Field building blocks for the newsroom's input schemas. Every input arrives either as form
// fields (strings; an unchecked checkbox is absent) or as JSON; these accept both and say, in
// words a journalist understands, what is wrong.
import { z } from "zod";
import { parseEdtf } from "@/lib/domain/edtf";
import { VERDICT_KEY_PATTERN } from "@/lib/domain/verdicts";

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** Empty query-string values ("All" in a filter) mean no filter. */
export const emptyAsAbsent = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A record id from the page (never typed by a person). */
export const id = (what = "record") => z.string({ error: `Missing ${what}.` }).trim().min(1, `Missing ${what}.`).max(64, `Invalid ${what}.`);

/** A record a person picks from a list (e.g. the source of a piece of evidence). */
export const pickedId = (what: string) => z.string({ error: `Choose a ${what}.` }).trim().min(1, `Choose a ${what}.`).max(64, `Choose a ${what}.`);

/** The version the edit started from (optimistic concurrency). */
export const version = z.coerce.number({ error: "Missing version." }).int("Invalid version.").min(1, "Invalid version.");

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

/** Free text that may be empty (stored as ""). */
export const text = (label: string, max: number) =>
  z.preprocess((v) => (v == null ? "" : v), z.string().trim().max(max, `${label} must be at most ${max} characters.`));

/** Optional text: empty (or absent) becomes null. */
export const optionalText = (label: string, max: number) =>
  z
    .preprocess(
      (v) => (v == null ? "" : v),
      z
        .string()
        .trim()
        .max(max, `${label} must be at most ${max} characters.`)
        .transform((v) => (v === "" ? null : v)),
    )
    // An API caller may leave the field out altogether.
    .default(null);

/** A checkbox: "on"/"true"/true when ticked, absent when not. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false);

/** An optional reference to another record: empty means none. */
export const optionalId = (what: string) => z.preprocess(blankToUndefined, id(what).optional()).transform((v) => v ?? null);

/** Repeated form fields (or a JSON array): a list of ids, possibly empty; duplicates dropped, order kept. */
export const idList = (what: string, max = 200) =>
  z
    .preprocess((v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(id(what)).max(max, `At most ${max} ${what}s may be chosen.`))
    .transform((ids) => [...new Set(ids)])
    .default([]);

export const httpUrl = z.preprocess(
  blankToUndefined,
  z.url({ protocol: /^https?$/, error: "Enter a full web address starting with http:// or https://." }).max(2000, "This address is too long.").optional(),
).transform((v) => v ?? null);

export const isoDay = z.preprocess(
  blankToUndefined,
  z.iso.date({ error: "Enter a date as YYYY-MM-DD, e.g. 2024-03-18." }).optional(),
).transform((v) => v ?? null);

/** An EDTF date typed as text; the message explains the accepted forms (lib/domain/edtf.ts). */
const edtfString = z.string().trim().superRefine((value, ctx) => {
  const parsed = parseEdtf(value);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
});

export const edtfDate = z.preprocess((v) => (v == null ? "" : v), edtfString);

export const optionalEdtfDate = z.preprocess(blankToUndefined, edtfString.optional()).transform((v) => v ?? null);

/** A verdict key's shape; whether this installation has it is a rule (lib/domain/verdict-rules). */
export const verdictKey = z
  .string({ error: "Choose a verdict." })
  .trim()
  .min(1, "Choose a verdict.")
  .regex(VERDICT_KEY_PATTERN, "This is not a verdict key (e.g. verified).");

/** A page number from a query string or an API call; absent means `fallback`. */
export const pageNumber = (fallback: number, max: number, what: string) =>
  z
    .preprocess(emptyAsAbsent, z.union([z.number(), z.string().trim().regex(/^\d+$/, `${what} must be a whole number.`).transform(Number)]).optional())
    .transform((v) => v ?? fallback)
    .pipe(z.number().int(`${what} must be a whole number.`).min(1, `${what} must be at least 1.`).max(max, `${what} must be at most ${max}.`));

export const choice = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `Choose a ${label}: ${values.join(", ")}.` });
