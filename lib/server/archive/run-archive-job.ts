import "server-only";
// Runs one queued capture: fetch and process it in memory (capture/capture-page.ts), and only
// when all of it succeeded store its files and write the Capture row, in that order. A failure
// (unreachable, timeout, too large, refused type or address) marks the job failed with its reason
// and stores nothing. Runs as the system, on behalf of whoever asked (recorded in the audit log).
import { CAPTURE_FAILURES, type ArchiveStage } from "@/lib/domain/archive";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { capturePage } from "../capture/capture-page";
import { CaptureFailure, isCaptureFailure } from "../capture/failure";
import { saveToInternetArchive } from "../capture/internet-archive";
import { captureSettings, type CaptureSettings } from "../capture/settings";
import { requestTimestamp, type Timestamp } from "../capture/timestamp";
import { db } from "../db";
import { sha256Hex, storeFile } from "../storage";

/** A running job not heard from for this long was interrupted (its server stopped). */
export const STALE_AFTER_MS = 2 * 60_000;

/** Takes the oldest queued job for this process, or null when there is none. */
export async function claimNextJob(): Promise<string | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const next = await db.archiveJob.findFirst({ where: { status: "queued" }, orderBy: { createdAt: "asc" }, select: { id: true } });
    if (!next) return null;
    const now = new Date();
    // Another process may take it first: only one update wins.
    const taken = await db.archiveJob.updateMany({ where: { id: next.id, status: "queued" }, data: { status: "running", stage: "fetching", startedAt: now, heartbeatAt: now } });
    if (taken.count === 1) return next.id;
  }
  return null;
}

/** Jobs left running by a server that stopped: failed, with nothing stored. */
export async function failInterruptedJobs(staleAfterMs = STALE_AFTER_MS): Promise<number> {
  const { count } = await db.archiveJob.updateMany({
    where: { status: "running", heartbeatAt: { lt: new Date(Date.now() - staleAfterMs) } },
    data: { status: "failed", errorCode: "interrupted", error: CAPTURE_FAILURES.interrupted, finishedAt: new Date() },
  });
  return count;
}

async function requester(id: string | null): Promise<Actor> {
  if (!id) return { kind: "system", label: "setup" };
  const user = await db.user.findUnique({ where: { id }, select: { id: true, role: true, email: true, name: true } });
  if (!user) return { kind: "system", label: "setup" };
  return { kind: "user", id: user.id, role: user.role as "journalist", email: user.email, name: user.name };
}

/** Runs a job claimed by claimNextJob (status running). Never throws: the outcome is on the job. */
export async function runArchiveJob(jobId: string, settings: CaptureSettings = captureSettings()): Promise<"succeeded" | "failed"> {
  const job = await db.archiveJob.findUnique({
    where: { id: jobId },
    select: { id: true, url: true, status: true, dossierId: true, sourceId: true, requestedById: true, dossier: { select: { slug: true } } },
  });
  if (!job || job.status !== "running") return "failed";
  let lastWrite = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const progress = (stage: ArchiveStage, bytesReceived?: number) => {
    const now = Date.now();
    // Progress is written at most twice a second (a large page reports every chunk).
    if (stage === "fetching" && now - lastWrite < 500) return;
    lastWrite = now;
    pending = pending.then(() =>
      db.archiveJob.update({ where: { id: job.id }, data: { stage, heartbeatAt: new Date(), ...(bytesReceived !== undefined ? { bytesReceived } : {}) } }).catch(() => undefined),
    );
  };
  // A long step (rendering, Save Page Now) still shows the job is alive.
  const heartbeat = setInterval(() => {
    pending = pending.then(() => db.archiveJob.update({ where: { id: job.id }, data: { heartbeatAt: new Date() } }).catch(() => undefined));
  }, 30_000);
  heartbeat.unref();
  try {
    const result = await capturePage(job.url, settings, progress);
    const sha256 = sha256Hex(result.warc);
    let timestamp: Timestamp | null = null;
    let timestampError: string | null = null;
    if (settings.timestampAuthorityUrl) {
      progress("timestamping");
      try {
        timestamp = await requestTimestamp(settings.timestampAuthorityUrl, result.warc, Date.now() + 30_000);
      } catch (error) {
        timestampError = error instanceof Error ? error.message.slice(0, 500) : "The timestamp authority could not be reached.";
      }
    }
    progress("storing");
    await pending;
    await storeFile(result.warc, "application/warc");
    const render = result.render ? await storeFile(result.render.bytes, result.render.mediaType) : null;
    const actor = await requester(job.requestedById);
    const capture = await db.$transaction(async (tx) => {
      const source = await tx.source.findFirst({ where: { id: job.sourceId, dossierId: job.dossierId }, select: { id: true } });
      if (!source) throw new CaptureFailure("internal", "(The source was deleted during the capture.)");
      const row = await tx.capture.create({
        data: {
          dossierId: job.dossierId,
          sourceId: job.sourceId,
          requestedUrl: result.requestedUrl,
          finalUrl: result.finalUrl,
          httpStatus: result.httpStatus,
          contentType: result.contentType,
          capturedAt: result.capturedAt,
          sha256,
          warcSize: result.warc.byteLength,
          pageTitle: result.title,
          text: result.text,
          textSha256: sha256Hex(new TextEncoder().encode(result.text)),
          pageTexts: result.pageTexts ? JSON.stringify(result.pageTexts) : null,
          renderKind: result.render?.kind ?? null,
          renderSha256: render?.sha256 ?? null,
          renderSize: render?.size ?? null,
          tools: JSON.stringify(result.tools),
          timestampToken: timestamp?.token ?? null,
          timestampAt: timestamp?.genTime ?? null,
          timestampAuthority: timestamp?.authority ?? (timestampError ? settings.timestampAuthorityUrl : null),
          timestampError,
          createdById: job.requestedById,
        },
        select: { id: true },
      });
      await tx.archiveJob.update({ where: { id: job.id }, data: { captureId: row.id, stage: "storing", heartbeatAt: new Date() } });
      await recordAudit(tx, actor, {
        action: "capture.create",
        entityType: "capture",
        entityId: row.id,
        dossierId: job.dossierId,
        dossierSlug: job.dossier.slug,
        after: { sourceId: job.sourceId, sha256, finalUrl: result.finalUrl, httpStatus: result.httpStatus },
      });
      return row;
    });
    if (settings.internetArchive.enabled) {
      // Public sources only, checked now: a source made confidential during the capture is not sent.
      const source = await db.source.findUnique({ where: { id: job.sourceId }, select: { confidential: true } });
      if (source && !source.confidential) {
        progress("internet-archive");
        await pending;
        try {
          const address = await saveToInternetArchive(result.finalUrl, settings.internetArchive, Date.now() + 30_000 + settings.internetArchive.pollMs * settings.internetArchive.maxPolls);
          await db.capture.update({ where: { id: capture.id }, data: { internetArchiveUrl: address } });
        } catch (error) {
          await db.capture.update({ where: { id: capture.id }, data: { internetArchiveError: error instanceof Error ? error.message.slice(0, 500) : "Save Page Now failed." } });
        }
      }
    }
    await pending;
    await db.archiveJob.update({ where: { id: job.id }, data: { status: "succeeded", stage: "done", finishedAt: new Date(), heartbeatAt: new Date() } });
    return "succeeded";
  } catch (error) {
    await pending;
    const failure = isCaptureFailure(error) ? error : new CaptureFailure("internal");
    if (!isCaptureFailure(error)) console.error(`Capture ${job.id} of ${job.url} failed`, error);
    await db.archiveJob.update({
      where: { id: job.id },
      data: { status: "failed", errorCode: failure.code, error: failure.message.slice(0, 1000), captureId: null, finishedAt: new Date() },
    });
    return "failed";
  } finally {
    clearInterval(heartbeat);
  }
}
