// Runs before the page cache, for reader paths only (docs/decisions/005 and 040). Every reader page
// lives under its language (`/en/dossiers/x`) and is the same document for everybody, so it is sent
// as publicly cacheable, without cookies. A language-free URL (`/dossiers/x`, the first releases'
// URLs, still linked from everywhere) is negotiated — the `dossier-lang` cookie, then
// Accept-Language, then DEFAULT_LOCALE — and redirected. The language switch (`?lang=en`) stores
// the choice in that cookie and redirects to the page in that language: no JavaScript needed.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { malformedEscape, malformedPathResponse } from "@/lib/http/malformed-path";
import { cacheTagsOf, PRIVATE_NO_CACHE, publicCacheControl } from "@/lib/http/cache-headers";
import { isLocale, LOCALE_COOKIE, LOCALE_PARAM, negotiateLocale } from "@/lib/i18n/locales";
import { isReaderPath, localizedPath, splitLocale } from "@/lib/i18n/routing";

const ONE_YEAR = 60 * 60 * 24 * 365;

export function proxy(request: NextRequest): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  const escape = malformedEscape(pathname);
  if (escape !== null) return malformedPathResponse(pathname, escape, readerLocale(request));
  if (!isReaderPath(pathname)) return NextResponse.next();
  const localized = splitLocale(pathname);

  const requested = searchParams.get(LOCALE_PARAM);
  if (requested !== null) {
    const target = request.nextUrl.clone();
    target.searchParams.delete(LOCALE_PARAM);
    // An unknown value changes nothing: the reader lands on the same page in the same language.
    if (isLocale(requested)) target.pathname = localizedPath(requested, localized ? localized.rest : pathname);
    const response = NextResponse.redirect(target, 303);
    if (isLocale(requested)) {
      response.cookies.set(LOCALE_COOKIE, requested, {
        path: "/",
        maxAge: ONE_YEAR,
        sameSite: "lax",
        httpOnly: true,
        secure: request.nextUrl.protocol === "https:",
      });
    }
    response.headers.set("Cache-Control", "no-store");
    return response;
  }

  if (!localized) {
    const locale = readerLocale(request);
    const target = request.nextUrl.clone();
    target.pathname = localizedPath(locale, pathname);
    const response = NextResponse.redirect(target, 307);
    // Depends on who asks: only the reader's own browser may keep it.
    response.headers.set("Cache-Control", PRIVATE_NO_CACHE);
    response.headers.set("Vary", "Cookie, Accept-Language");
    return response;
  }

  // Next keeps a Cache-Control set here (it would otherwise send its own for cached pages) and
  // sets Vary itself: the RSC headers, which are what tell an HTML request from a flight request
  // at the same URL. The language is in the URL, so nothing else varies.
  const response = NextResponse.next();
  response.headers.set("Cache-Control", publicCacheControl());
  response.headers.set("Content-Language", localized.locale);
  response.headers.set("Cache-Tag", cacheTagsOf(pathname).join(","));
  return response;
}

function readerLocale(request: NextRequest) {
  return negotiateLocale({ cookie: request.cookies.get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get("accept-language") }, env.DEFAULT_LOCALE);
}

export const config = {
  matcher: [
    // Keep in step with isReaderPath (lib/i18n/routing.ts), which the function checks again.
    "/((?!api(?:/|$)|newsroom(?:/|$)|login(?:/|$)|invite(?:/|$)|_next/|__next|favicon\\.ico$|robots\\.txt$|sitemap\\.xml$).*)",
    // Any path with a percent-escape, wherever it points (API, newsroom, Next's files): one that
    // does not decode must be answered here, before Next's router fails on it (malformed-path.ts).
    "/(.*%.*)",
  ],
};
