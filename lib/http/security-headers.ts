// The headers a security review expects, on every response the server sends (lib/cli/serve.ts)
// and, in the same words, in the static edition's nginx example (docs/deployment.md)
// (docs/decisions/043). Reader pages are cached and shared, so their Content-Security-Policy can
// carry no per-request nonce: they have no script at all, and their few inline styles are allowed
// by hash. Newsroom pages are rendered per request and allow Next's scripts by a fresh nonce.
import { createHash } from "node:crypto";

export type Area = "reader" | "newsroom" | "api" | "asset";

/** Headers every response gets, whatever it is. */
export function baseSecurityHeaders(options: { https: boolean; area: Area }): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    // frame-ancestors says the same to browsers that read CSP; this is for the others.
    "X-Frame-Options": "DENY",
    // Readers following a source link tell it only which site sent them; the newsroom, whose
    // addresses name unpublished dossiers, tells other sites nothing.
    "Referrer-Policy": options.area === "reader" ? "strict-origin-when-cross-origin" : "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000";
  return headers;
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The contents of the inline `<style>` elements of a page, for their CSP hashes. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
}

/**
 * A reader page's policy: nothing runs (its JSON-LD is data, which CSP does not block), styles come
 * from the site's stylesheet or are one of the page's own inline styles, by hash.
 */
export function readerCsp(styles: readonly string[] = []): string {
  return [
    "default-src 'none'",
    `style-src 'self'${[...new Set(styles)].map((s) => ` ${sha256(s)}`).join("")}`,
    // The verification summary's bars are sized by a style attribute: no script can hide there.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The newsroom's policy: Next's scripts by this request's nonce, everything else from the site. */
export function newsroomCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON, stored files and other non-documents: nothing may load or frame them as a page, and a browser that renders one anyway runs nothing (sandbox). */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
