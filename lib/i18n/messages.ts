// Every UI string of the public site (and the newsroom screens translated so far), in French and
// English, as ICU messages formatted by use-intl (decision 112): plurals, selects and numbers are
// the library's, per locale. The catalogs are lib/i18n/catalogs/<locale>.ts; French templates are
// typeset once here (no-break spaces before ; : ! ?, inside « guillemets »), never the values put
// into them — an English title quoted in a French sentence keeps its own punctuation.
//
//   const t = messages(locale);
//   t.home.title                    // a message without arguments is a string
//   t.home.claims({ n: 3 })         // one with arguments is a function of their values
//   t.dossier.publishedOn({ date: <DayDate … /> })   // an element as a value: rich text, a node
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { createTranslator, type ICUArgs } from "use-intl/core";
import { en, type Catalog } from "./catalogs/en";
import { fr } from "./catalogs/fr";
import type { Locale } from "./locales";
import { frenchTypography } from "./typography";

type Values<S extends string> = ICUArgs<S, { ICUArgument: string | number; ICUNumberArgument: number; ICUDateArgument: Date }>;

/** A message with arguments: their values give a string; an element among them, a node. */
interface Format<S extends string> {
  (values: Values<S>): string;
  (values: { [K in keyof Values<S>]: Values<S>[K] | ReactElement }): ReactNode;
}

/** A catalog's shape as the interface uses it: plain strings, and functions of the ICU arguments. */
type Formatted<T> = T extends string
  ? string extends T
    ? string
    : [keyof Values<T>] extends [never]
      ? string
      : Format<T>
  : { [K in keyof T]: Formatted<T[K]> };

export type Messages = Formatted<typeof en>;
export type UiMessages = Messages;

/** Applies a function to every string of a catalog, keeping its shape. */
function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === "string") return fn(value);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, mapStrings(v, fn)]));
}

/** True when a message has an argument (a `{…}` that is not inside ICU quotes). */
function hasArguments(message: string): boolean {
  return /\{/.test(message.replace(/'[^']*'/g, ""));
}

/** use-intl reads "." in a key as nesting: keys that contain one (audit actions) are spelt with "․" for it. */
const libraryKey = (key: string) => key.replaceAll(".", "\u2024");

function build(locale: Locale, catalog: Catalog): Messages {
  const renamed = (value: unknown): unknown =>
    typeof value === "string" ? value : Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [libraryKey(k), renamed(v)]));
  const t = createTranslator({
    locale,
    messages: renamed(catalog) as never,
    timeZone: "UTC",
    onError: (error) => {
      throw error;
    },
  }) as unknown as { (key: string, values?: Record<string, unknown>): string; rich(key: string, values: Record<string, unknown>): ReactNode };
  const rich = (values: Record<string, unknown>) => Object.values(values).some((v) => typeof v === "object" && v !== null && !(v instanceof Date));
  // Elements become siblings of the message's text: each needs a key.
  const keyed = (values: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, isValidElement(v) && v.key === null ? cloneElement(v, { key: k }) : v]));
  const walk = (value: unknown, path: string): unknown => {
    if (typeof value === "string") return hasArguments(value) ? (values: Record<string, unknown>) => (rich(values) ? t.rich(path, keyed(values)) : t(path, values)) : t(path);
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, walk(v, path ? `${path}.${libraryKey(k)}` : libraryKey(k))]));
  };
  return walk(catalog, "") as Messages;
}

const CATALOGS: Record<Locale, Catalog> = { en, fr: mapStrings(fr, frenchTypography) as Catalog };
const built = new Map<Locale, Messages>();

export function messages(locale: Locale): Messages {
  let m = built.get(locale);
  if (!m) built.set(locale, (m = build(locale, CATALOGS[locale])));
  return m;
}

/** The catalogs as written (French typeset), for tests and tools. */
export function catalog(locale: Locale): Catalog {
  return CATALOGS[locale];
}
