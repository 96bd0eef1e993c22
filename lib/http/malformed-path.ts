// A request path whose percent-encoding does not decode (`/dossiers/%ff`, `/api/dossiers/%C3%28`)
// makes Next's router throw before any route runs, and it answered 500. proxy.ts sees such paths
// first (its matcher includes every path with a "%") and answers 400 with a sentence instead:
// JSON for the API, a small page for everything else, in the reader's language on the public site.
import { NextResponse } from "next/server";
import type { Locale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";

/** The first percent-escape sequence of `pathname` that is not valid UTF-8, or null. */
export function malformedEscape(pathname: string): string | null {
  if (!pathname.includes("%")) return null;
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      // Show the escapes that fail, not the whole (possibly long) segment.
      const run = /(?:%[0-9A-Fa-f]{2})+|%(?![0-9A-Fa-f]{2})/g;
      for (const m of segment.matchAll(run)) {
        try {
          decodeURIComponent(m[0]);
        } catch {
          return m[0].slice(0, 24);
        }
      }
      return segment.slice(0, 24);
    }
  }
  return null;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function malformedPathResponse(pathname: string, escape: string, locale: Locale): NextResponse {
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (/^\/api(?:\/|$)/.test(pathname)) {
    return NextResponse.json(
      { error: { code: "INVALID_INPUT", message: `This address is not valid: it contains “${escape}”, which does not encode any character (percent-encoding must be UTF-8).` } },
      { status: 400, headers },
    );
  }
  // Newsroom pages are in English; public pages in the reader's language.
  const lang: Locale = /^\/(?:newsroom|login|invite)(?:\/|$)/.test(pathname) ? "en" : locale;
  const t = messages(lang).badAddress;
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t.title)}</title></head><body><main><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.body({ escape }))}</p><p><a href="/">${lang === "fr" ? "Accueil" : "Home"}</a></p></main></body></html>`;
  return new NextResponse(html, { status: 400, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
