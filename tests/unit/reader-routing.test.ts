// How a reader request finds its language and its page (proxy.ts and lib/i18n).
import { NextRequest } from "next/server";
import { getRedirectUrl, isRewrite } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locales";
import { dossierLocale, isReaderPath, localizedPath, readerPaths, safeExternalUrl, splitLocale } from "@/lib/i18n/routing";
import { proxy } from "@/proxy";

describe("negotiateLocale", () => {
  it("prefers the reader's explicit choice over the browser", () => {
    expect(negotiateLocale({ cookie: "en", acceptLanguage: "fr-FR,fr;q=0.9" }, "fr")).toBe("en");
  });

  it("follows Accept-Language, region and quality included", () => {
    expect(negotiateLocale({ acceptLanguage: "en-US,en;q=0.9" }, "fr")).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "fr-CA" }, "en")).toBe("fr");
    expect(negotiateLocale({ acceptLanguage: "de-DE, en;q=0.5, fr;q=0.8" }, "en")).toBe("fr");
  });

  it("falls back to the installation's default", () => {
    expect(negotiateLocale({ acceptLanguage: "de-DE,de" }, "fr")).toBe("fr");
    expect(negotiateLocale({ acceptLanguage: "de-DE,de" }, "en")).toBe("en");
    expect(negotiateLocale({}, "fr")).toBe("fr");
    expect(negotiateLocale({ acceptLanguage: "*" }, "en")).toBe("en");
    expect(negotiateLocale({ cookie: "xx", acceptLanguage: "" }, "fr")).toBe("fr");
  });
});

describe("reader paths", () => {
  it("never claims the newsroom, the API or Next's files", () => {
    for (const p of ["/api/dossiers/x", "/api", "/newsroom", "/newsroom/dossiers/x", "/login", "/invite/abc", "/_next/static/x.js", "/favicon.ico", "/robots.txt", "/.well-known/security.txt"]) {
      expect(isReaderPath(p), p).toBe(false);
    }
    for (const p of ["/", "/dossiers/mistral-ai", "/dossiers/mistral-ai/timeline", "/anything/else", "/newsroomx", "/apiary"]) {
      expect(isReaderPath(p), p).toBe(true);
    }
  });

  it("maps a public path to its internal per-language route", () => {
    expect(localizedPath("fr", "/")).toBe("/fr");
    expect(localizedPath("en", "/dossiers/x/claims/y")).toBe("/en/dossiers/x/claims/y");
  });

  it("only lets http(s) URLs become links", () => {
    expect(safeExternalUrl("https://mistral.ai/")).toBe("https://mistral.ai/");
    for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "/relative", "", null]) {
      expect(safeExternalUrl(bad), String(bad)).toBeNull();
    }
  });
});

describe("proxy", () => {
  const request = (url: string, headers: Record<string, string> = {}) => new NextRequest(new URL(url, "http://localhost:3000"), { headers });

  it("redirects a language-free URL to the reader's language, privately", () => {
    const response = proxy(request("/dossiers/mistral-ai?x=1", { "accept-language": "en-GB,en" }));
    expect(response.status).toBe(307);
    expect(getRedirectUrl(response)).toBe("http://localhost:3000/en/dossiers/mistral-ai?x=1");
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    expect(response.headers.get("vary")).toBe("Cookie, Accept-Language");
    expect(response.cookies.getAll()).toEqual([]);
  });

  it("uses the language cookie first", () => {
    const response = proxy(request("/", { "accept-language": "en", cookie: `${LOCALE_COOKIE}=fr` }));
    expect(getRedirectUrl(response)).toBe("http://localhost:3000/fr");
  });

  it("serves a page in its URL's language as one public document, whatever the cookie says", () => {
    for (const headers of [{}, { cookie: `${LOCALE_COOKIE}=fr`, "accept-language": "fr" }] as Record<string, string>[]) {
      const response = proxy(request("/en/dossiers/mistral-ai/timeline", headers));
      expect(isRewrite(response)).toBe(false);
      expect(response.headers.get("x-middleware-next")).toBe("1");
      expect(response.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=300, stale-while-revalidate=30");
      expect(response.headers.get("content-language")).toBe("en");
      expect(response.headers.get("cache-tag")).toBe("reader,reader:dossier:mistral-ai");
      expect(response.cookies.getAll()).toEqual([]);
    }
    expect(proxy(request("/fr")).headers.get("cache-tag")).toBe("reader,reader:list");
  });

  it("switches language with ?lang=: stores the choice and redirects to the page in that language", () => {
    for (const from of ["/dossiers/mistral-ai/timeline?lang=en", "/fr/dossiers/mistral-ai/timeline?lang=en"]) {
      const response = proxy(request(from));
      expect(response.status).toBe(303);
      expect(getRedirectUrl(response)).toBe("http://localhost:3000/en/dossiers/mistral-ai/timeline");
      expect(response.cookies.get(LOCALE_COOKIE)).toMatchObject({ value: "en", path: "/", httpOnly: true, sameSite: "lax" });
    }
  });

  it("ignores an unknown language in the switch (no cookie), and still drops the parameter", () => {
    const response = proxy(request("/fr?lang=de"));
    expect(response.status).toBe(303);
    expect(getRedirectUrl(response)).toBe("http://localhost:3000/fr");
    expect(response.cookies.get(LOCALE_COOKIE)).toBeUndefined();
  });

  it("leaves the newsroom and the API alone", () => {
    for (const p of ["/newsroom", "/api/dossiers/x?lang=en", "/login"]) {
      const response = proxy(request(p));
      expect(isRewrite(response), p).toBe(false);
      expect(response.headers.get("x-middleware-next"), p).toBe("1");
      expect(response.headers.get("cache-control"), p).toBeNull();
    }
  });
});

describe("reader URLs", () => {
  it("put the language first; without one, the URL negotiates", () => {
    expect(readerPaths.dossier("x", "en")).toBe("/en/dossiers/x");
    expect(readerPaths.claim("x", "c1", "fr")).toBe("/fr/dossiers/x/claims/c1");
    expect(readerPaths.timeline("x")).toBe("/dossiers/x/timeline");
    expect(readerPaths.home("fr")).toBe("/fr");
    expect(readerPaths.home()).toBe("/");
  });

  it("split a path into its language and the rest", () => {
    expect(splitLocale("/en/dossiers/x")).toEqual({ locale: "en", rest: "/dossiers/x" });
    expect(splitLocale("/fr")).toEqual({ locale: "fr", rest: "/" });
    expect(splitLocale("/fr/")).toEqual({ locale: "fr", rest: "/" });
    for (const p of ["/dossiers/x", "/de/dossiers/x", "/", "/frx"]) expect(splitLocale(p), p).toBeNull();
  });

  it("link a dossier's JSON to its own language when the site speaks it", () => {
    expect(dossierLocale("fr-CA", "en")).toBe("fr");
    expect(dossierLocale("de", "en")).toBe("en");
  });
});
