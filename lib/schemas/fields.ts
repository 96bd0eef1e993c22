// Field building blocks for the newsroom's input schemas. Every input arrives either as form
// fields (strings; an unchecked checkbox is absent) or as JSON; these accept both and say, in
// words a journalist understands, what is wrong.
import { z } from "zod";
import { parseEdtf } from "@/lib/domain/edtf";
import { SLUG_MAX_LENGTH, SLUG_PATTERN, RESERVED_SLUGS } from "@/lib/domain/slug";
import { findUnsafeCharacter, unsafeCharacterMessage } from "@/lib/domain/text";
import { VERDICT_KEY_PATTERN } from "@/lib/domain/verdicts";

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** Empty query-string values ("All" in a filter) mean no filter. */
export const emptyAsAbsent = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * Every string of every input goes through this: NUL characters and lone surrogates are refused
 * with the field named (lib/domain/text.ts), whether they come from a form, JSON or a content file.
 */
export const safeString = (label: string, params?: { error?: string }) =>
  z.string(params).superRefine((value, ctx) => {
    const found = findUnsafeCharacter(value);
    // Fatal: the length and format rules would only add noise about a string that cannot be kept.
    if (found) ctx.addIssue({ code: "custom", message: unsafeCharacterMessage(label, found.kind), fatal: true });
  });

/** A record id from the page (never typed by a person). */
export const id = (what = "record") => safeString(`The ${what} id`, { error: `Missing ${what}.` }).trim().min(1, `Missing ${what}.`).max(64, `Invalid ${what}.`);

/** A record a person picks from a list (e.g. the source of a piece of evidence). */
export const pickedId = (what: string) => safeString(`The ${what}`, { error: `Choose a ${what}.` }).trim().min(1, `Choose a ${what}.`).max(64, `Choose a ${what}.`);

/** The name of a file a person chose (an upload): shown back to them, so the same character rules as any text. */
export const fileName = (missing: string) => safeString("The file name", { error: missing }).trim().min(1, missing).max(1000, "This file name is too long.");

/** The version the edit started from (optimistic concurrency). */
export const version = z.coerce.number({ error: "Missing version." }).int("Invalid version.").min(1, "Invalid version.");

export const requiredText = (label: string, max: number) =>
  safeString(label, { error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

/** Free text that may be empty (stored as ""). */
export const text = (label: string, max: number) =>
  z.preprocess((v) => (v == null ? "" : v), safeString(label).trim().max(max, `${label} must be at most ${max} characters.`));

/**
 * Text kept exactly as typed, never trimmed (a quote, the article, a selected passage): the
 * same limits and character rules as any other text.
 */
export const verbatimText = (label: string, max: number, options: { required?: boolean; tooLong?: string } = {}) => {
  const base = safeString(label, { error: `${label} is required.` }).max(max, options.tooLong ?? `${label} must be at most ${max.toLocaleString("en")} characters.`);
  return options.required ? base.refine((v) => v.trim() !== "", `${label} is required.`) : base;
};

/** Optional text: empty (or absent) becomes null. */
export const optionalText = (label: string, max: number) =>
  z
    .preprocess(
      (v) => (v == null ? "" : v),
      safeString(label)
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
  safeString("The web address")
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: "Enter a full web address starting with http:// or https://." }).max(2000, "This address is too long."))
    .optional(),
).transform((v) => v ?? null);

export const isoDay = z.preprocess(
  blankToUndefined,
  safeString("The date").trim().pipe(z.iso.date({ error: "Enter a date as YYYY-MM-DD, e.g. 2024-03-18." })).optional(),
).transform((v) => v ?? null);

/** An EDTF date typed as text; the message explains the accepted forms (lib/domain/edtf.ts). */
const edtfString = safeString("The date").trim().superRefine((value, ctx) => {
  const parsed = parseEdtf(value);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
});

export const edtfDate = z.preprocess((v) => (v == null ? "" : v), edtfString);

export const optionalEdtfDate = z.preprocess(blankToUndefined, edtfString.optional()).transform((v) => v ?? null);

/** A verdict key's shape; whether this installation has it is a rule (lib/domain/verdict-rules). */
export const verdictKey = safeString("The verdict", { error: "Choose a verdict." })
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

/**
 * A dossier's web address (/dossiers/<slug>): one rule for the newsroom, the content files and
 * the reader routes, so nothing can be created that the reader would answer with a 404. Typed
 * values are trimmed; the reader's own check (`slugRule`) takes the address as it came.
 */
export const slugRule = safeString("The web address")
  .max(SLUG_MAX_LENGTH, `The web address must be at most ${SLUG_MAX_LENGTH} characters.`)
  .regex(SLUG_PATTERN, "Use lower-case letters, digits and hyphens only, e.g. city-hall-contracts.")
  .refine((v) => !RESERVED_SLUGS.includes(v), { message: `This web address is reserved by the newsroom (${RESERVED_SLUGS.map((s) => `“${s}”`).join(", ")}): choose another.` });

export const dossierSlug = safeString("The web address").trim().pipe(slugRule);
