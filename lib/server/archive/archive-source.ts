import "server-only";
// "Archive now": queue a capture of the source's web address. The capture runs in the
// background (worker.ts); the newsroom follows its progress (getSourceArchive).
import type { ArchiveSourceInput } from "@/lib/schemas/archive";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { findDossier } from "../newsroom/scope";
import { enqueueCapture, type JobView } from "./capture-queue";
import { findSourceInDossier } from "./record-views";
import { wakeArchiveWorker } from "./worker";

export async function archiveSource(actor: Actor, input: ArchiveSourceInput): Promise<{ job: JobView }> {
  requirePermission(actor, "source:edit");
  const job = await db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const source = await findSourceInDossier(tx, dossier.id, input.sourceId);
    return enqueueCapture(tx, actor, dossier, source);
  });
  wakeArchiveWorker();
  return { job };
}
