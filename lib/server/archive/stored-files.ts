import "server-only";
// Finding and reading a stored file (a capture's WARC or screenshot, an uploaded document), with
// what a route needs to serve it safely: its media type, a download name and whether it may be
// shown inline (images only). The newsroom's and the readers' use cases decide which may be found.
import { AppError } from "@/lib/domain/errors";
import { UPLOAD_TYPES } from "@/lib/domain/archive";
import type { StoredFileInput } from "@/lib/schemas/archive";
import { db } from "../db";
import { readFile } from "../storage";

export interface StoredFileResponse {
  bytes: Uint8Array;
  mediaType: string;
  filename: string;
  inline: boolean;
  sha256: string;
}

const stamp = (d: Date) => d.toISOString().replace(/[:]/g, "-").replace(/\.\d{3}Z$/, "Z");

/** Finds the file a request names; `where` limits which captures and documents may be found. */
export async function resolveStoredFile(
  input: StoredFileInput,
  where: { capture: object; document: object },
): Promise<{ sha256: string; mediaType: string; filename: string; inline: boolean } | null> {
  if (input.kind === "capture") {
    const c = await db.capture.findFirst({ where: { id: input.id, ...where.capture }, select: { sha256: true, renderSha256: true, renderKind: true, capturedAt: true } });
    if (!c) return null;
    if (input.file === "warc") return { sha256: c.sha256, mediaType: "application/warc", filename: `capture-${stamp(c.capturedAt)}.warc`, inline: false };
    if (!c.renderSha256) return null;
    const pdf = c.renderKind === "pdf";
    return { sha256: c.renderSha256, mediaType: pdf ? "application/pdf" : "image/png", filename: `capture-${stamp(c.capturedAt)}.${pdf ? "pdf" : "png"}`, inline: !pdf };
  }
  const d = await db.document.findFirst({ where: { id: input.id, ...where.document }, select: { sha256: true, mediaType: true, filename: true } });
  if (!d) return null;
  return { sha256: d.sha256, mediaType: d.mediaType, filename: d.filename, inline: UPLOAD_TYPES[d.mediaType]?.inline ?? false };
}

export async function loadStoredFile(found: { sha256: string; mediaType: string; filename: string; inline: boolean }): Promise<StoredFileResponse> {
  const bytes = await readFile(found.sha256);
  if (!bytes) throw new AppError("NOT_FOUND", "This file is missing from the storage.");
  return { ...found, bytes };
}

