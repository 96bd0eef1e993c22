import "server-only";
// How every stored file is sent (captures, screenshots, uploaded documents): it is untrusted
// content, so it must never run on Dossier's origin. The type is the one detected at storage
// (never guessed by the browser: nosniff), only images are shown inline, everything else is a
// download, and a CSP sandbox forbids scripts, plugins and forms even if a browser tried to
// render it. The ETag is the file's SHA-256: content never changes under an address.
import { contentDisposition } from "@/lib/domain/archive";
import type { StoredFileResponse } from "@/lib/server/archive/stored-files";

export function storedFileResponse(file: StoredFileResponse, request: Request, cacheControl: string): Response {
  const etag = `"sha256-${file.sha256}"`;
  const headers: Record<string, string> = {
    "Content-Type": file.mediaType,
    "Content-Disposition": contentDisposition(file.inline ? "inline" : "attachment", file.filename),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": cacheControl,
    ETag: etag,
    "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(file.bytes), { status: 200, headers: { ...headers, "Content-Length": String(file.bytes.byteLength) } });
}
