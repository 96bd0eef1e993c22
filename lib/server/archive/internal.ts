import "server-only";
// Shared steps of the record's use cases: find a source in its dossier, queue a capture, and the
// views of captures, documents and jobs (explicit selects, no text unless asked for).
import { AppError } from "@/lib/domain/errors";
import { ARCHIVE_STAGES, type ArchiveStage } from "@/lib/domain/archive";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorId, type Actor } from "../actor";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { inDossier, type DossierRef } from "../newsroom/scope";
import { sourceLabel, sourceNameSelect } from "../sources/confidentiality";

export const archiveSourceSelect = { id: true, url: true, ...sourceNameSelect } satisfies Prisma.SourceSelect;
export type ArchiveSourceRow = Prisma.SourceGetPayload<{ select: typeof archiveSourceSelect }>;

export async function findSourceInDossier(tx: Tx, dossierId: string, sourceId: string): Promise<ArchiveSourceRow> {
  const source = await tx.source.findFirst({ where: { id: sourceId, dossierId }, select: archiveSourceSelect });
  if (!source) throw new AppError("NOT_FOUND", "This source does not exist (it may have been deleted).");
  return source;
}

export const ACTIVE_JOB = { status: { in: ["queued", "running"] } };

/** Queues a capture of the source's address; the archive worker runs it in the background. */
export async function enqueueCapture(tx: Tx, actor: Actor, dossier: DossierRef, source: ArchiveSourceRow): Promise<JobView> {
  if (!source.url) throw new AppError("RULE_VIOLATION", "This source has no web address to capture. Add one, or upload the document instead.");
  const running = await tx.archiveJob.findFirst({ where: { sourceId: source.id, ...ACTIVE_JOB }, select: { id: true } });
  if (running) throw new AppError("RULE_VIOLATION", "A capture of this source is already under way: wait for it to finish.");
  const job = await tx.archiveJob.create({
    data: { dossierId: dossier.id, sourceId: source.id, url: source.url, requestedById: actorId(actor) },
    select: jobSelect,
  });
  await recordAudit(tx, actor, { action: "capture.request", entityType: "source", entityId: source.id, ...inDossier(dossier), after: { jobId: job.id } });
  return toJobView(job);
}

// ── Jobs ──
export const jobSelect = {
  id: true,
  sourceId: true,
  url: true,
  status: true,
  stage: true,
  bytesReceived: true,
  errorCode: true,
  error: true,
  captureId: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  requestedBy: { select: { name: true } },
} satisfies Prisma.ArchiveJobSelect;

export interface JobView {
  id: string;
  sourceId: string;
  url: string;
  status: string;
  stage: string;
  /** The stage in words ("Fetching the page"). */
  stageLabel: string;
  bytesReceived: number;
  errorCode: string | null;
  error: string | null;
  captureId: string | null;
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toJobView(j: Prisma.ArchiveJobGetPayload<{ select: typeof jobSelect }>): JobView {
  const { requestedBy, createdAt, startedAt, finishedAt, ...rest } = j;
  return {
    ...rest,
    stageLabel: ARCHIVE_STAGES[j.stage as ArchiveStage] ?? j.stage,
    requestedBy: requestedBy?.name ?? null,
    createdAt: createdAt.toISOString(),
    startedAt: iso(startedAt),
    finishedAt: iso(finishedAt),
  };
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

export interface CaptureView {
  id: string;
  sourceId: string;
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  contentType: string;
  capturedAt: string;
  sha256: string;
  warcSize: number;
  pageTitle: string | null;
  textSha256: string;
  renderKind: string | null;
  renderSha256: string | null;
  renderSize: number | null;
  tools: Record<string, string>;
  timestamped: boolean;
  timestampAt: string | null;
  timestampAuthority: string | null;
  timestampError: string | null;
  internetArchiveUrl: string | null;
  internetArchiveError: string | null;
  /** Chosen by an editor as the copy readers see. */
  readerCopy: boolean;
  readerCopyBy: string | null;
  createdBy: string | null;
}

function parseTools(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function toCaptureView(c: Prisma.CaptureGetPayload<{ select: typeof captureSelect }>): CaptureView {
  const { createdBy, readerCopyBy, capturedAt, timestampAt, readerCopyAt, tools, ...rest } = c;
  return {
    ...rest,
    capturedAt: capturedAt.toISOString(),
    tools: parseTools(tools),
    timestamped: timestampAt !== null,
    timestampAt: iso(timestampAt),
    readerCopy: readerCopyAt !== null,
    readerCopyBy: readerCopyBy?.name ?? null,
    createdBy: createdBy?.name ?? null,
  };
}

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

export interface DocumentView {
  id: string;
  sourceId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  pageCount: number | null;
  textError: string | null;
  readerCopy: boolean;
  uploadedBy: string | null;
  createdAt: string;
}

export function toDocumentView(d: Prisma.DocumentGetPayload<{ select: typeof documentSelect }>): DocumentView {
  const { uploadedBy, readerCopyAt, createdAt, ...rest } = d;
  return { ...rest, readerCopy: readerCopyAt !== null, uploadedBy: uploadedBy?.name ?? null, createdAt: createdAt.toISOString() };
}

export function pagesOf(json: string | null): string[] | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : null;
  } catch {
    return null;
  }
}

export const sourceName = (actor: Actor, s: ArchiveSourceRow) => sourceLabel(actor, s);
