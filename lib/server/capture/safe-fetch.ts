import "server-only";
// Fetching what a capture keeps: one GET per address, redirects followed by hand (each new
// address checked again), a deadline for the whole capture, and a size limit enforced while the
// bytes arrive (a huge page is cut off, not downloaded). The raw exchange of every hop is kept
// for the WARC file: request headers, status line, response headers, the body as received.
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import { CaptureFailure } from "./failure";
import { assertLiteralHostAllowed, guardedLookup, RefusedAddress } from "./address-policy";

export interface Exchange {
  url: string;
  /** ISO time of the request. */
  at: string;
  method: "GET";
  requestHeaders: [string, string][];
  httpVersion: string;
  status: number;
  statusText: string;
  /** As received, in order (Transfer-Encoding is dropped: the body below is de-chunked). */
  responseHeaders: [string, string][];
  /** The body as received (still compressed when the server compressed it). */
  body: Uint8Array;
  remoteAddress: string | null;
}

export interface FetchOptions {
  allowPrivateHosts: readonly string[];
  userAgent: string;
  /** Absolute time (ms since epoch) after which the fetch fails with "timeout". */
  deadline: number;
  maxBytes: number;
  accept?: string;
  onBytes?: (received: number) => void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
export const MAX_REDIRECTS = 10;

export function headerValue(headers: [string, string][], name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === lower)?.[1] ?? null;
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() === "transfer-encoding") continue;
    out.push([raw[i]!, raw[i + 1]!]);
  }
  return out;
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CaptureFailure("invalid-url");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new CaptureFailure("invalid-url", "Only http:// and https:// addresses are captured.");
  if (parsed.username || parsed.password) throw new CaptureFailure("invalid-url", "Addresses with a user name or password are not captured.");
  return parsed;
}

/** One GET, no redirect following. */
export function fetchOnce(url: string, options: FetchOptions): Promise<Exchange> {
  const target = parseUrl(url);
  try {
    assertLiteralHostAllowed(target.hostname, options.allowPrivateHosts);
  } catch {
    return Promise.reject(new CaptureFailure("refused-address", `(${target.hostname})`));
  }
  const remaining = options.deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new CaptureFailure("timeout"));
  const requestHeaders: [string, string][] = [
    ["Host", target.host],
    ["User-Agent", options.userAgent],
    ["Accept", options.accept ?? "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"],
    ["Accept-Language", "fr,en;q=0.8,*;q=0.5"],
    ["Accept-Encoding", "gzip, deflate, br"],
    ["Connection", "close"],
  ];
  const client = target.protocol === "https:" ? https : http;
  const at = new Date().toISOString();
  return new Promise<Exchange>((resolve, reject) => {
    let settled = false;
    const fail = (error: CaptureFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new CaptureFailure("timeout")), remaining);
    const request = client.request(
      target,
      {
        method: "GET",
        headers: Object.fromEntries(requestHeaders.filter(([k]) => k !== "Host")),
        lookup: guardedLookup(options.allowPrivateHosts),
        // One connection per request, so every hop's address is looked up (and checked) afresh.
        agent: false,
      },
      (response) => {
        const declared = Number(response.headers["content-length"]);
        if (Number.isFinite(declared) && declared > options.maxBytes) {
          fail(new CaptureFailure("too-large", `(${declared} bytes declared; the limit is ${options.maxBytes}.)`));
          return;
        }
        const chunks: Buffer[] = [];
        let received = 0;
        response.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > options.maxBytes) {
            fail(new CaptureFailure("too-large", `(more than ${options.maxBytes} bytes.)`));
            return;
          }
          chunks.push(chunk);
          options.onBytes?.(received);
        });
        response.on("error", () => fail(new CaptureFailure("unreachable", "(the connection broke during the transfer.)")));
        response.on("aborted", () => fail(new CaptureFailure("unreachable", "(the connection broke during the transfer.)")));
        response.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({
            url: target.href,
            at,
            method: "GET",
            requestHeaders,
            httpVersion: response.httpVersion,
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? "",
            responseHeaders: pairs(response.rawHeaders),
            body: new Uint8Array(Buffer.concat(chunks)),
            remoteAddress: response.socket?.remoteAddress ?? null,
          });
        });
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error instanceof RefusedAddress || error.code === "EREFUSEDADDRESS") fail(new CaptureFailure("refused-address", `(${target.hostname})`));
      else if (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN") fail(new CaptureFailure("unreachable", `(no such host: ${target.hostname}.)`));
      else if (error.code === "ECONNREFUSED") fail(new CaptureFailure("unreachable", "(the connection was refused.)"));
      else if (error.code?.startsWith("ERR_TLS") || error.code?.includes("CERT")) fail(new CaptureFailure("unreachable", `(its certificate is not valid: ${error.code}.)`));
      else fail(new CaptureFailure("unreachable", error.code ? `(${error.code}.)` : undefined));
    });
    request.end();
  });
}

/** GET with redirects followed: every hop, the last one being the page itself. */
export async function fetchFollowing(url: string, options: FetchOptions): Promise<Exchange[]> {
  const hops: Exchange[] = [];
  let next = url;
  for (;;) {
    const hop = await fetchOnce(next, options);
    hops.push(hop);
    const location = headerValue(hop.responseHeaders, "location");
    if (!REDIRECTS.has(hop.status) || !location) return hops;
    if (hops.length > MAX_REDIRECTS) throw new CaptureFailure("too-many-redirects");
    try {
      next = new URL(location, hop.url).href;
    } catch {
      throw new CaptureFailure("http-error", "(it redirects to an invalid address.)");
    }
  }
}

/** The body as the page's bytes: decompressed (with a size limit, against compression bombs). */
export function decodedBody(exchange: Exchange, maxBytes: number): Uint8Array {
  const encoding = (headerValue(exchange.responseHeaders, "content-encoding") ?? "").trim().toLowerCase();
  const options = { maxOutputLength: maxBytes };
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return new Uint8Array(zlib.gunzipSync(exchange.body, options));
    if (encoding === "deflate") return new Uint8Array(zlib.inflateSync(exchange.body, options));
    if (encoding === "br") return new Uint8Array(zlib.brotliDecompressSync(exchange.body, options));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new CaptureFailure("too-large", "(once decompressed.)");
    throw new CaptureFailure("http-error", `(its ${encoding} compression is broken.)`);
  }
  return exchange.body;
}
