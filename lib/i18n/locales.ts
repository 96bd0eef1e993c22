// The reader's UI languages and how one is chosen for a request: the reader's explicit choice
// (a cookie set by the language switch) wins, then the browser's Accept-Language, then the
// installation's default. Pure: proxy.ts passes the request's values in.
import Negotiator from "negotiator";
import type { Locale } from "@/lib/domain/verdicts";

export type { Locale };

export const LOCALES = ["fr", "en"] as const satisfies readonly Locale[];

/** Set by the language switch; read only by proxy.ts (cached pages never read cookies). */
export const LOCALE_COOKIE = "dossier-lang";
/** Query parameter of the language switch links (`?lang=en`), handled by proxy.ts. */
export const LOCALE_PARAM = "lang";

/** Intl locale used for dates and numbers in each UI language. en-GB: "24 April 2023", unambiguous. */
export const INTL_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

/** Each language's name in itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { fr: "Français", en: "English" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function negotiateLocale(request: { cookie?: string | null; acceptLanguage?: string | null }, defaultLocale: Locale): Locale {
  if (isLocale(request.cookie)) return request.cookie;
  // The default goes first so that "*" or an absent header picks it.
  const offered = [defaultLocale, ...LOCALES.filter((l) => l !== defaultLocale)];
  const headers = request.acceptLanguage ? { "accept-language": request.acceptLanguage } : {};
  const [best] = new Negotiator({ headers }).languages(offered);
  return isLocale(best) ? best : defaultLocale;
}

/** The primary language subtag of a BCP 47 tag ("fr-CA" → "fr"), for comparing content and UI. */
export const primaryLanguage = (tag: string): string => tag.split("-")[0]!.toLowerCase();
