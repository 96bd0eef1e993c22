import "server-only";
// The capture queue: a capture is asked for by queueing an ArchiveJob, which the archive worker
// (worker.ts, run-archive-job.ts) runs in the background; and the view of a job, with its
// progress. Not a use case: enqueueCapture takes the caller's transaction.
import { AppError } from "@/lib/domain/errors";
import { ARCHIVE_STAGES, type ArchiveStage } from "@/lib/domain/archive";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorId, type Actor } from "../actor";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { inDossier, type DossierRef } from "../newsroom/scope";
import type { ArchiveSourceRow } from "./record-views";

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

export function toJobView(j: Prisma.ArchiveJobGetPayload<{ select: typeof jobSelect }>) {
  const { requestedBy, createdAt, startedAt, finishedAt, ...rest } = j;
  const stageLabel: string = ARCHIVE_STAGES[j.stage as ArchiveStage] ?? j.stage;
  return {
    ...rest,
    /** The stage in words ("Fetching the page"). */
    stageLabel,
    requestedBy: requestedBy?.name ?? null,
    createdAt: createdAt.toISOString(),
    startedAt: startedAt ? startedAt.toISOString() : null,
    finishedAt: finishedAt ? finishedAt.toISOString() : null,
  };
}

export type JobView = ReturnType<typeof toJobView>;
