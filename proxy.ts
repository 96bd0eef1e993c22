// Chooses the reader's language before the cache is consulted (docs/decisions/005): reader pages
// never read cookies or headers themselves, so they stay cached; this rewrites each public URL to
// its internal per-language route (`/dossiers/x` → `/en/dossiers/x`) and handles the language
// switch (`?lang=en` sets the cookie and redirects to the clean URL, no JavaScript needed).
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { malformedEscape, malformedPathResponse } from "@/lib/http/malformed-path";
import { isLocale, LOCALE_COOKIE, LOCALE_PARAM, negotiateLocale } from "@/lib/i18n/locales";
import { isReaderPath, localizedPath } from "@/lib/i18n/routing";

const ONE_YEAR = 60 * 60 * 24 * 365;

export function proxy(request: NextRequest): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  const escape = malformedEscape(pathname);
  if (escape !== null) return malformedPathResponse(pathname, escape, readerLocale(request));
  if (!isReaderPath(pathname)) return NextResponse.next();

  const requested = searchParams.get(LOCALE_PARAM);
  if (requested !== null) {
    const target = request.nextUrl.clone();
    target.searchParams.delete(LOCALE_PARAM);
    const response = NextResponse.redirect(target, 303);
    // An unknown value changes nothing: the reader lands on the same page in the same language.
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

  const locale = readerLocale(request);
  const target = request.nextUrl.clone();
  target.pathname = localizedPath(locale, pathname);
  const response = NextResponse.rewrite(target);
  // One URL, two languages. Next overwrites Vary on pages (it only lists its own RSC headers), so
  // a shared cache could not tell the languages apart: keep pages out of shared caches (the
  // server's own page cache does the caching) and let browsers revalidate with the ETag.
  response.headers.set("Cache-Control", "private, no-cache");
  response.headers.set("Vary", "Cookie, Accept-Language");
  response.headers.set("Content-Language", locale);
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
