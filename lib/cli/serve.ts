// The HTTP server `npm start` and `npm run dev` run: Next's request handler behind a thin layer
// that does, for every response, what Next cannot (docs/decisions/042 and 043):
//   - security headers on everything; a per-request CSP nonce for the newsroom's scripts, a
//     hash-only policy for the cached reader pages;
//   - a page write (server action) from another site answered 403 before Next turns it into a 500;
//   - X-Forwarded-For believed only from TRUSTED_PROXIES (the sign-in limit counts per client);
//   - reader HTML sent without Next's client runtime and flight data, and a reader 404 sent as
//     the localised not-found page rather than Next's empty shell;
//   - compression (Next's own is off: it would compress before the reader HTML is lightened).
// Started by lib/cli/start.ts after migrations, bootstrap and the build; run alone, it only serves.
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import compression from "compression";
import next from "next";
import { env, publicUrl } from "@/lib/env";
import { parseTrustedProxies, clientAddress } from "@/lib/http/client-address";
import { hasExecutableScript, isNotFoundShell, lightenReaderHtml } from "@/lib/http/reader-html";
import { isForeignOriginWrite } from "@/lib/http/request-origin";
import { API_CSP, baseSecurityHeaders, inlineStyles, newsroomCsp, readerCsp, type Area } from "@/lib/http/security-headers";
import { isReaderPath, readerPaths, splitLocale } from "@/lib/i18n/routing";
import { type Locale } from "@/lib/i18n/locales";

const dev = process.argv.includes("--dev");
const port = env.PORT;
const https = publicUrl().startsWith("https:");
const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);

const NEWSROOM = /^\/(?:newsroom|login|invite)(?:\/|$)/;

function areaOf(pathname: string): Area {
  if (pathname.startsWith("/_next/")) return "asset";
  if (pathname === "/api" || pathname.startsWith("/api/")) return "api";
  if (NEWSROOM.test(pathname)) return "newsroom";
  return isReaderPath(pathname) ? "reader" : "asset";
}

const app = next({ dev, dir: process.cwd(), port, hostname: "localhost" });
const handle = app.getRequestHandler();
const compress = compression();

async function serve(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://internal");
  const area = areaOf(url.pathname);

  // Next, Better Auth and the logs read the client from X-Forwarded-For: make it the truth.
  req.headers["x-forwarded-for"] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);

  for (const [name, value] of Object.entries(baseSecurityHeaders({ https, area }))) res.setHeader(name, value);

  if (area !== "api" && isForeignOriginWrite(req, publicUrl())) {
    res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": API_CSP });
    res.end("Refused: this request was sent from another site. Nothing was changed.\n");
    return;
  }

  if (area === "api") res.setHeader("Content-Security-Policy", API_CSP);
  if (area === "newsroom" && !dev) {
    const policy = newsroomCsp(randomBytes(16).toString("base64"));
    // Next reads the nonce from the request's policy and puts it on every script it renders.
    req.headers["content-security-policy"] = policy;
    res.setHeader("Content-Security-Policy", policy);
  }
  const isFlight = req.headers.rsc !== undefined || url.searchParams.has("_rsc");
  if (area === "reader" && !isFlight && (req.method === "GET" || req.method === "HEAD")) {
    interceptReaderHtml(req, res, url.pathname);
  }
  await handle(req, res);
}

/**
 * Holds Next's reader HTML until it is complete, then sends it lightened, with its own CSP (the
 * hashes of its inline styles) and a length that matches. Anything that is not HTML goes out as is.
 */
function interceptReaderHtml(req: IncomingMessage, res: ServerResponse, pathname: string) {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const locale = splitLocale(pathname)?.locale;
  let passThrough = false;

  const isHtml = () => String(res.getHeader("content-type") ?? "").startsWith("text/html");
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
  };

  res.writeHead = function (this: ServerResponse, status: number, ...args: unknown[]) {
    res.statusCode = status;
    const headers = args.find((a) => a && typeof a === "object") as Record<string, string | string[] | number> | undefined;
    if (headers) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
    if (passThrough || !isHtml() || req.method === "HEAD" || status === 304) {
      passThrough = true;
      if (req.method === "HEAD") res.removeHeader("content-length");
      return writeHead(status);
    }
    return res;
  } as ServerResponse["writeHead"];
  res.flushHeaders = () => undefined;

  res.write = function (chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (passThrough || !isHtml()) {
      passThrough = true;
      return write(chunk, encoding, callback);
    }
    collect(chunk, encoding);
    if (typeof encoding === "function") (encoding as () => void)();
    else if (typeof callback === "function") (callback as () => void)();
    return true;
  } as ServerResponse["write"];

  res.end = function (chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (passThrough || !isHtml() || req.method === "HEAD" || res.statusCode === 304) return end(chunk, encoding, callback);
    collect(chunk, encoding);
    const done = typeof encoding === "function" ? encoding : callback;
    void finishReaderHtml(Buffer.concat(chunks).toString("utf8"))
      .then((html) => {
        const body = Buffer.from(html, "utf8");
        res.removeHeader("transfer-encoding");
        res.setHeader("content-length", body.length);
        passThrough = true; // the headers now go out as they are (end() writes them)
        end(body, done);
      })
      .catch((error: unknown) => {
        console.error("Could not prepare a reader page", pathname, error);
        if (!res.headersSent) res.statusCode = 500;
        passThrough = true;
        end("", done);
      });
    return res;
  } as ServerResponse["end"];

  async function finishReaderHtml(html: string): Promise<string> {
    if (locale && readerPaths.notFound(locale) === pathname) res.statusCode = 404;
    // The same page (Next's ETag is a hash of its body) lightens the same way: do it once.
    const etag = res.getHeader("etag");
    const memoKey = !dev && typeof etag === "string" ? `${res.statusCode}:${etag}` : null;
    const memo = memoKey ? lightened.get(memoKey) : undefined;
    if (memo) {
      res.setHeader("Content-Security-Policy", memo.csp);
      html = memo.html;
    } else if (!dev && res.statusCode === 404 && locale && isNotFoundShell(html)) {
      html = await notFoundPage(locale);
      res.removeHeader("etag");
    }
    if (!dev && !memo) {
      html = lightenReaderHtml(html);
      if (hasExecutableScript(html)) console.warn(`A reader page still carries a script after lightening: ${pathname}`);
      const csp = readerCsp(inlineStyles(html));
      res.setHeader("Content-Security-Policy", csp);
      if (memoKey) remember(memoKey, { html, csp });
    }
    // A cookie would make a shared copy personal: such a response is never shared.
    if (res.getHeader("set-cookie") !== undefined && String(res.getHeader("cache-control") ?? "").includes("public")) {
      res.setHeader("cache-control", "private, no-store");
    }
    return html;
  }
}

/** Lightened pages by Next's ETag, most recent last (a Map keeps insertion order). */
const lightened = new Map<string, { html: string; csp: string }>();
function remember(key: string, value: { html: string; csp: string }) {
  lightened.set(key, value);
  if (lightened.size > 500) lightened.delete(lightened.keys().next().value!);
}

/** The localised not-found page's HTML (a cached page of its own), kept a minute per language. */
const notFoundPages = new Map<Locale, { html: string; until: number }>();
async function notFoundPage(locale: Locale): Promise<string> {
  const kept = notFoundPages.get(locale);
  if (kept && kept.until > Date.now()) return kept.html;
  const response = await fetch(`http://127.0.0.1:${port}${readerPaths.notFound(locale)}`);
  const html = await response.text();
  if (!html.includes("<main")) throw new Error(`the not-found page answered HTTP ${response.status} without a page`);
  notFoundPages.set(locale, { html, until: Date.now() + 60_000 });
  return html;
}

await app.prepare();
const server = http.createServer((req, res) => {
  compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => {
    serve(req, res).catch((error: unknown) => {
      console.error("Request failed", req.url, error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal error.\n");
    });
  });
});
server.listen(port, () => console.log(`▸ Listening on port ${port}${dev ? " (development)" : ""}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
