// Dates for readers, in the reader's language. EDTF dates keep their real precision and
// uncertainty in words ("early June 2023", « printemps 2024 », "circa 2022"); edtf.js parses,
// Intl names the months, and the wording of uncertainty is ours. Pure.
import edtf, { type EdtfValue } from "edtf";
import { edtfType } from "@/lib/domain/edtf";
import { INTL_LOCALE, type Locale } from "./locales";
import { frenchTypography } from "./typography";

export interface FormattedDate {
  /** What a reader sees. */
  text: string;
  /** A valid HTML `datetime` value when the date has one (a day, a month or a year), else null. */
  datetime: string | null;
}

const WORDS = {
  en: {
    circa: (d: string) => `circa ${d}`,
    uncertain: (d: string) => `${d} (uncertain)`,
    early: (m: string) => `early ${m}`,
    mid: (m: string) => `mid-${m}`,
    late: (m: string) => `late ${m}`,
    decade: (y: number) => `the ${y}s`,
    century: (c: number) => `the ${ordinalEn(c)} century`,
    range: (a: string, b: string) => `from ${a} to ${b}`,
    between: (a: string, b: string, year: number) => `between ${a} and ${b} ${year}`,
    from: (a: string) => `from ${a} onwards`,
    until: (b: string) => `until ${b}`,
    fromUnknownEnd: (a: string) => `from ${a} (end unknown)`,
    untilUnknownStart: (b: string) => `until ${b} (start unknown)`,
    seasons: {
      spring: "spring",
      summer: "summer",
      autumn: "autumn",
      winter: "winter",
    },
    southern: (s: string) => `${s} (southern hemisphere)`,
    quarter: ["first quarter of", "second quarter of", "third quarter of", "fourth quarter of"],
    quadrimester: ["first four months of", "middle four months of", "last four months of"],
    semester: ["first half of", "second half of"],
  },
  fr: {
    circa: (d: string) => `vers ${d}`,
    uncertain: (d: string) => `${d} (date incertaine)`,
    early: (m: string) => `début ${m}`,
    mid: (m: string) => `mi-${m}`,
    late: (m: string) => `fin ${m}`,
    decade: (y: number) => `les années ${y}`,
    century: (c: number) => `le ${roman(c)}e siècle`,
    // French contracts the preposition with what follows: « du 24 avril », « d’avril », « des
    // années 2010 », « au 3 mai », « jusqu’aux années 2020 ».
    range: (a: string, b: string) => `${de(a)} ${toward(b)}`,
    between: (a: string, b: string, year: number) => `entre ${a} et ${b} ${year}`,
    from: (a: string) => `à partir ${de(a)}`,
    until: (b: string) => `jusqu’${toward(b)}`,
    fromUnknownEnd: (a: string) => `à partir ${de(a)} (fin inconnue)`,
    untilUnknownStart: (b: string) => `jusqu’${toward(b)} (début inconnu)`,
    seasons: {
      spring: "printemps",
      summer: "été",
      autumn: "automne",
      winter: "hiver",
    },
    southern: (s: string) => `${s} (hémisphère sud)`,
    quarter: ["premier trimestre", "deuxième trimestre", "troisième trimestre", "quatrième trimestre"],
    quadrimester: ["premier quadrimestre", "deuxième quadrimestre", "troisième quadrimestre"],
    semester: ["premier semestre", "second semestre"],
  },
} as const;

/** A French date that starts with its day (« 24 avril 2023 », « 1er juin »), which takes « le ». */
const startsWithDay = (d: string) => /^\d{1,2}(er)? \p{L}/u.test(d);

/** « de » before a date: du (a day, le XXe siècle), des (les années), d’ (a vowel or mute h), de. */
function de(d: string): string {
  if (startsWithDay(d)) return `du ${d}`;
  if (d.startsWith("les ")) return `des ${d.slice(4)}`;
  if (d.startsWith("le ")) return `du ${d.slice(3)}`;
  if (/^[aeiouyéèêh]/i.test(d)) return `d’${d}`;
  return `de ${d}`;
}

/** « à » before a date: au (a day, le XXe siècle), aux (les années), à. */
function toward(d: string): string {
  if (startsWithDay(d)) return `au ${d}`;
  if (d.startsWith("les ")) return `aux ${d.slice(4)}`;
  if (d.startsWith("le ")) return `au ${d.slice(3)}`;
  return `à ${d}`;
}

function ordinalEn(n: number): string {
  const rule = new Intl.PluralRules("en", { type: "ordinal" }).select(n);
  return `${n}${{ one: "st", two: "nd", few: "rd", other: "th" }[rule as "one" | "two" | "few" | "other"] ?? "th"}`;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

const utc = (year: number, month = 0, day = 1) => {
  const d = new Date(Date.UTC(2000, month, day));
  d.setUTCFullYear(year);
  return d;
};

function monthYear(year: number, month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: "long", year: "numeric", timeZone: "UTC" }).format(utc(year, month));
}

function monthName(month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: "long", timeZone: "UTC" }).format(utc(2000, month));
}

function dayMonthYear(year: number, month: number, day: number, locale: Locale): string {
  const text = new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(utc(year, month, day));
  // French writes the first of the month as an ordinal: « 1er juin 2023 ».
  return locale === "fr" && day === 1 ? text.replace(/^1 /, "1er ") : text;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

const flag = (v: unknown): boolean => {
  if (v == null) return false;
  if (typeof v === "object" && "value" in (v as object)) return Boolean((v as { value: unknown }).value);
  return Boolean(v);
};

function qualify(text: string, value: EdtfValue, locale: Locale): string {
  let out = text;
  if (flag(value.approximate)) out = WORDS[locale].circa(out);
  if (flag(value.uncertain)) out = WORDS[locale].uncertain(out);
  return out;
}

/** A calendar date, possibly with unspecified digits ("2023-06-0X", "201X") and qualifiers. */
function formatDateValue(value: EdtfValue, locale: Locale): FormattedDate {
  const words = WORDS[locale];
  // The canonical form tells which digits are unspecified; qualifiers are read from the value.
  const core = value.toEDTF().replace(/[~?%]/g, "");
  const match = /^(-?[\dX]+)(?:-([\dX]{2}))?(?:-([\dX]{2}))?$/.exec(core);
  if (!match) return { text: value.toEDTF(), datetime: null };
  const [, y, m, d] = match as unknown as [string, string, string | undefined, string | undefined];

  if (y.includes("X")) {
    const digits = y.replace(/X+$/, "");
    const unknown = y.length - digits.length;
    if (unknown === 1) return { text: qualify(words.decade(Number(digits) * 10), value, locale), datetime: null };
    if (unknown === 2) return { text: qualify(words.century(Number(digits) + 1), value, locale), datetime: null };
    return { text: value.toEDTF(), datetime: null };
  }
  const year = Number(y);
  const yearDatetime = year >= 0 && y.replace("-", "").length === 4 ? y : null;
  // 0X: a month from January to September, 1X: from October to December; XX: any month.
  if (m === "0X" || m === "1X") {
    const [first, last] = m === "0X" ? [0, 8] : [9, 11];
    return { text: qualify(words.between(monthName(first, locale), monthName(last, locale), year), value, locale), datetime: yearDatetime };
  }
  if (!m || m.includes("X")) return { text: qualify(String(year), value, locale), datetime: yearDatetime };

  const month = Number(m) - 1;
  const monthDatetime = yearDatetime ? `${y}-${m}` : null;
  if (!d || d === "XX") return { text: qualify(monthYear(year, month, locale), value, locale), datetime: monthDatetime };
  if (d.endsWith("X")) {
    // 0X: days 1–9, 1X: 10–19, 2X: 20–29 (EDTF has no 3X).
    const part = d[0] === "0" ? words.early : d[0] === "1" ? words.mid : words.late;
    return { text: qualify(part(monthYear(year, month, locale)), value, locale), datetime: monthDatetime };
  }
  const day = Number(d);
  return {
    text: qualify(dayMonthYear(year, month, day, locale), value, locale),
    datetime: yearDatetime ? `${y}-${m}-${pad(day, 2)}` : null,
  };
}

/** EDTF seasons: 21–24 and 25–28 seasons, 29–32 southern seasons, 33–36 quarters, 37–39 quadrimesters, 40–41 semesters. */
function formatSeason(value: EdtfValue, locale: Locale): FormattedDate {
  const words = WORDS[locale];
  const year = value.values?.[0] ?? value.year ?? 0;
  const code = value.values?.[1] ?? value.season ?? 21;
  const names = [words.seasons.spring, words.seasons.summer, words.seasons.autumn, words.seasons.winter];
  let text: string;
  if (code >= 21 && code <= 28) text = `${names[(code - 21) % 4]} ${year}`;
  else if (code >= 29 && code <= 32) text = words.southern(`${names[code - 29]} ${year}`);
  else if (code >= 33 && code <= 36) text = `${words.quarter[code - 33]} ${year}`;
  else if (code >= 37 && code <= 39) text = `${words.quadrimester[code - 37]} ${year}`;
  else if (code >= 40 && code <= 41) text = `${words.semester[code - 40]} ${year}`;
  else return { text: value.toEDTF(), datetime: null };
  return { text: qualify(text, value, locale), datetime: year >= 1000 && year <= 9999 ? String(year) : null };
}

/** A date marked approximate (~), not uncertain, with every digit given. */
function isApproximateOnly(v: EdtfValue): boolean {
  return edtfType(v) === "Date" && flag(v.approximate) && !flag(v.uncertain) && !/X/.test(v.toEDTF());
}

function isPlainDate(v: EdtfValue | null | undefined): v is EdtfValue {
  return !!v && edtfType(v) === "Date" && !/[X~?%]/.test(v.toEDTF());
}

function formatInterval(value: EdtfValue, locale: Locale): FormattedDate {
  const words = WORDS[locale];
  // An open end ("..") is ±Infinity, not a date: "../2023-08" is "until August 2023".
  const rawLower = value.lower as EdtfValue | number | null | undefined;
  const lower = rawLower && typeof rawLower === "object" ? rawLower : null;
  const upper = value.upper as EdtfValue | number | null | undefined;
  const open = (v: unknown) => v === Infinity || v === -Infinity;
  const part = (v: EdtfValue) => formatValue(v, locale).text;

  if (lower && upper && typeof upper === "object") {
    // Two plain dates of the same precision read best as Intl's range: "June – July 2023".
    if (isPlainDate(lower) && isPlainDate(upper) && lower.precision === upper.precision && (lower.precision === 2 || lower.precision === 3)) {
      const options: Intl.DateTimeFormatOptions =
        lower.precision === 2 ? { month: "long", year: "numeric", timeZone: "UTC" } : { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
      const [ly, lm = 1, ld = 1] = lower.values ?? [];
      const [uy, um = 1, ud = 1] = upper.values ?? [];
      const from = utc(ly ?? 0, lm, ld);
      const to = utc(uy ?? 0, um, ud);
      return { text: new Intl.DateTimeFormat(INTL_LOCALE[locale], options).formatRange(from, to), datetime: null };
    }
    // Two approximate months (or days) of one year: « vers avril – vers juin 2023 », the year once.
    if (isApproximateOnly(lower) && isApproximateOnly(upper) && lower.precision === upper.precision && (lower.precision ?? 0) >= 2 && lower.values?.[0] === upper.values?.[0]) {
      const [, lm = 1, ld = 1] = lower.values ?? [];
      const withoutYear = new Intl.DateTimeFormat(INTL_LOCALE[locale], lower.precision === 2 ? { month: "long", timeZone: "UTC" } : { day: "numeric", month: "long", timeZone: "UTC" }).format(utc(2000, lm, ld));
      return { text: `${words.circa(withoutYear)} – ${part(upper)}`, datetime: null };
    }
    // An approximate end, or a month range such as 2024-0X, reads badly after « de … à » (« de vers
    // novembre », « d’entre janvier… »): the two ends with a dash.
    const loose = (v: EdtfValue) => flag(v.approximate) || /^-?\d+-[01]X[~?%]*$/.test(v.toEDTF());
    if (loose(lower) || loose(upper)) return { text: `${part(lower)} – ${part(upper)}`, datetime: null };
    return { text: words.range(part(lower), part(upper)), datetime: null };
  }
  if (lower && open(upper)) return { text: words.from(part(lower)), datetime: null };
  if (lower) return { text: words.fromUnknownEnd(part(lower)), datetime: null };
  if (upper && typeof upper === "object") return { text: open(rawLower) ? words.until(part(upper)) : words.untilUnknownStart(part(upper)), datetime: null };
  return { text: value.toEDTF(), datetime: null };
}

function formatValue(value: EdtfValue, locale: Locale): FormattedDate {
  switch (edtfType(value)) {
    case "Date":
      return formatDateValue(value, locale);
    case "Season":
      return formatSeason(value, locale);
    case "Interval":
      return formatInterval(value, locale);
    case "Decade": {
      const decade = (value.values?.[0] ?? 0) * 10;
      return { text: qualify(WORDS[locale].decade(decade), value, locale), datetime: null };
    }
    case "Year":
      return { text: qualify(String(value.year ?? value.values?.[0] ?? value.toEDTF()), value, locale), datetime: null };
    default:
      return { text: value.toEDTF(), datetime: null };
  }
}

/**
 * An EDTF date in words, in the reader's language. An input that is not EDTF is shown as written
 * (never hidden, never guessed at).
 */
export function formatEdtf(input: string, locale: Locale): FormattedDate {
  let value: EdtfValue;
  try {
    value = edtf(input.trim());
  } catch {
    // Content is validated when saved; a date that still fails to parse is shown as written.
    return { text: input, datetime: null };
  }
  const formatted = formatValue(value, locale);
  return locale === "fr" ? { ...formatted, text: frenchTypography(formatted.text) } : formatted;
}

/** A day stored as an ISO instant (e.g. publishedAt), as the reader's language writes it. */
export function formatDay(iso: string, locale: Locale): FormattedDate {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { text: iso, datetime: null };
  const text = dayMonthYear(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), locale);
  return { text, datetime: date.toISOString().slice(0, 10) };
}
