import "server-only";
// What the record's use cases read: the source a capture or document belongs to (named as the
// actor may: sources/confidentiality.ts), and the views of captures and documents (explicit
// selects, no text unless asked for). Jobs and their views: capture-queue.ts.
import { AppError } from "@/lib/domain/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db";
import { sourceNameSelect } from "../sources/confidentiality";

export const archiveSourceSelect = { id: true, url: true, ...sourceNameSelect } satisfies Prisma.SourceSelect;
export type ArchiveSourceRow = Prisma.SourceGetPayload<{ select: typeof archiveSourceSelect }>;

export async function findSourceInDossier(tx: Tx, dossierId: string, sourceId: string): Promise<ArchiveSourceRow> {
  const source = await tx.source.findFirst({ where: { id: sourceId, dossierId }, select: archiveSourceSelect });
  if (!source) throw new AppError("NOT_FOUND", "This source does not exist (it may have been deleted).");
  return source;
}

// ── Captures ──
export const captureSelect = {
  id: true,
  sourceId: true,
  requestedUrl: true,
  finalUrl: true,
  httpStatus: true,
  contentType: true,
  capturedAt: true,
  sha256: true,
  warcSize: true,
  pageTitle: true,
  textSha256: true,
  renderKind: true,
  renderSha256: true,
  renderSize: true,
  tools: true,
  timestampAt: true,
  timestampAuthority: true,
  timestampError: true,
  internetArchiveUrl: true,
  internetArchiveError: true,
  readerCopyAt: true,
  createdBy: { select: { name: true } },
  readerCopyBy: { select: { name: true } },
} satisfies Prisma.CaptureSelect;

function parseTools(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function toCaptureView(c: Prisma.CaptureGetPayload<{ select: typeof captureSelect }>) {
  const { createdBy, readerCopyBy, capturedAt, timestampAt, readerCopyAt, tools, ...rest } = c;
  return {
    ...rest,
    capturedAt: capturedAt.toISOString(),
    tools: parseTools(tools),
    timestamped: timestampAt !== null,
    timestampAt: timestampAt ? timestampAt.toISOString() : null,
    /** Chosen by an editor as the copy readers see. */
    readerCopy: readerCopyAt !== null,
    readerCopyBy: readerCopyBy?.name ?? null,
    createdBy: createdBy?.name ?? null,
  };
}

export type CaptureView = ReturnType<typeof toCaptureView>;

// ── Documents ──
export const documentSelect = {
  id: true,
  sourceId: true,
  filename: true,
  mediaType: true,
  size: true,
  sha256: true,
  pageCount: true,
  textError: true,
  readerCopyAt: true,
  createdAt: true,
  uploadedBy: { select: { name: true } },
} satisfies Prisma.DocumentSelect;

export function toDocumentView(d: Prisma.DocumentGetPayload<{ select: typeof documentSelect }>) {
  const { uploadedBy, readerCopyAt, createdAt, ...rest } = d;
  return { ...rest, readerCopy: readerCopyAt !== null, uploadedBy: uploadedBy?.name ?? null, createdAt: createdAt.toISOString() };
}

export type DocumentView = ReturnType<typeof toDocumentView>;

export function pagesOf(json: string | null): string[] | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : null;
  } catch {
    return null;
  }
}
