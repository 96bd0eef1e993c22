// The vocabulary of the record: capture jobs, their stages and failures, which responses a capture
// keeps and which files an upload accepts, and how a stored file is named when it is served. Pure.

export const ARCHIVE_JOB_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type ArchiveJobStatus = (typeof ARCHIVE_JOB_STATUSES)[number];

/** What a running capture is doing, in order, with the words the newsroom shows. */
export const ARCHIVE_STAGES = {
  queued: "Waiting to start",
  fetching: "Fetching the page",
  reading: "Extracting the readable text",
  rendering: "Taking a screenshot in the browser",
  storing: "Storing the capture",
  timestamping: "Asking the timestamp authority",
  "internet-archive": "Submitting to the Internet Archive",
  done: "Done",
} as const;
export type ArchiveStage = keyof typeof ARCHIVE_STAGES;

export const CAPTURE_FAILURES = {
  "invalid-url": "The address is not a web address Dossier can capture.",
  "refused-address": "The address points to an internal network, which captures may not reach.",
  unreachable: "The site could not be reached.",
  timeout: "The site took too long to answer.",
  "too-large": "The page is larger than captures allow.",
  "content-type": "The address does not lead to a web page or a PDF.",
  "http-error": "The site answered with an error.",
  "too-many-redirects": "The address redirects too many times.",
  interrupted: "The capture was interrupted (the server stopped): nothing was stored. Archive again.",
  internal: "Something went wrong on our side: nothing was stored.",
} as const;
export type CaptureFailureCode = keyof typeof CAPTURE_FAILURES;

/** Media types a capture keeps (a page, plain text or a PDF); anything else is refused. */
export const CAPTURABLE_TYPES = ["text/html", "application/xhtml+xml", "text/plain", "application/pdf"] as const;

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

export const isCapturable = (contentType: string | null | undefined): boolean =>
  (CAPTURABLE_TYPES as readonly string[]).includes(mediaTypeOf(contentType));

/** HTTP statuses a capture keeps: success pages, and gone/not-found pages are evidence too (a deleted page). */
export function isKeptStatus(status: number): boolean {
  return (status >= 200 && status < 300) || status === 404 || status === 410 || status === 451;
}

/**
 * Files an upload accepts, by the type detected from their content (never their name): what
 * each is called in the newsroom, and whether the browser may show it inline (images only:
 * anything else is downloaded, so no uploaded file ever runs in Dossier's pages).
 */
export const UPLOAD_TYPES: Record<string, { label: string; inline: boolean; extension: string }> = {
  "application/pdf": { label: "PDF", inline: false, extension: "pdf" },
  "image/png": { label: "PNG image", inline: true, extension: "png" },
  "image/jpeg": { label: "JPEG image", inline: true, extension: "jpg" },
  "image/gif": { label: "GIF image", inline: true, extension: "gif" },
  "image/webp": { label: "WebP image", inline: true, extension: "webp" },
  "image/tiff": { label: "TIFF image", inline: false, extension: "tif" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { label: "Word document", inline: false, extension: "docx" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { label: "Excel spreadsheet", inline: false, extension: "xlsx" },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": { label: "PowerPoint presentation", inline: false, extension: "pptx" },
  "application/vnd.oasis.opendocument.text": { label: "OpenDocument text", inline: false, extension: "odt" },
  "application/vnd.oasis.opendocument.spreadsheet": { label: "OpenDocument spreadsheet", inline: false, extension: "ods" },
  "application/vnd.oasis.opendocument.presentation": { label: "OpenDocument presentation", inline: false, extension: "odp" },
  // Word, Excel and PowerPoint 97–2003 files share one container format, which is what the content says.
  "application/x-cfb": { label: "Office 97–2003 document", inline: false, extension: "doc" },
  "application/rtf": { label: "RTF document", inline: false, extension: "rtf" },
};

export const ACCEPTED_UPLOADS_IN_WORDS = "PDF, images (PNG, JPEG, GIF, WebP, TIFF) and office documents (Word, Excel, PowerPoint, OpenDocument, RTF)";

export const isAcceptedUpload = (mediaType: string): boolean => Object.hasOwn(UPLOAD_TYPES, mediaType);

/** Kinds of stored file a capture has, as they appear in its download addresses. */
export const CAPTURE_FILES = ["warc", "render"] as const;
export type CaptureFile = (typeof CAPTURE_FILES)[number];

/** The name a file had, made safe to show and to offer as a download name. */
export function safeFilename(name: string, fallback = "document"): string {
  const base = name
    .normalize("NFC")
    .split(/[\\/]/)
    .pop()!
    // Control characters, and characters that mean something in a header or a path.
    .replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  return (base || fallback).slice(0, 200);
}

/** A Content-Disposition header (RFC 6266): an ASCII fallback name and the UTF-8 name. */
export function contentDisposition(kind: "inline" | "attachment", filename: string): string {
  const safe = safeFilename(filename);
  const ascii = safe.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/[%\\]/g, "") || "download";
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}

/** Bytes in words: "1.2 MB", "830 kB", "12 bytes". */
export function sizeInWords(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? "" : "s"}`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 100) / 10} kB`;
  return `${Math.round(bytes / 100_000) / 10} MB`;
}
