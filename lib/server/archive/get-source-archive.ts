import "server-only";
// What the newsroom has archived of one source: its captures (newest first), its documents, and
// its recent capture jobs with their progress, which the source page polls while one runs.
import type { SourceArchiveInput } from "@/lib/schemas/archive";
import { can, requirePermission, type Actor } from "../actor";
import { captureSettings } from "../capture/settings";
import { db } from "../db";
import { findDossier } from "../newsroom/scope";
import { sourceLabel } from "../sources/confidentiality";
import { jobSelect, toJobView, type JobView } from "./capture-queue";
import { captureSelect, documentSelect, findSourceInDossier, toCaptureView, toDocumentView, type CaptureView, type DocumentView } from "./record-views";

export interface SourceArchive {
  source: { id: string; label: string; url: string | null; confidential: boolean };
  captures: CaptureView[];
  documents: DocumentView[];
  /** The last few jobs, newest first: running ones and recent failures. */
  jobs: JobView[];
  /** A job is queued or running. */
  busy: boolean;
  can: { archive: boolean; upload: boolean; chooseReaderCopy: boolean };
  features: { screenshots: boolean; timestamps: boolean; internetArchive: boolean };
}

export async function getSourceArchive(actor: Actor, input: SourceArchiveInput): Promise<SourceArchive> {
  requirePermission(actor, "newsroom:access");
  const dossier = await findDossier(db, input.dossierId);
  const source = await findSourceInDossier(db, dossier.id, input.sourceId);
  const [captures, documents, jobs] = await Promise.all([
    db.capture.findMany({ where: { sourceId: source.id }, orderBy: [{ capturedAt: "desc" }, { createdAt: "desc" }], select: captureSelect }),
    db.document.findMany({ where: { sourceId: source.id }, orderBy: { createdAt: "desc" }, select: documentSelect }),
    db.archiveJob.findMany({ where: { sourceId: source.id }, orderBy: { createdAt: "desc" }, take: 5, select: jobSelect }),
  ]);
  const settings = captureSettings();
  const jobViews = jobs.map(toJobView);
  return {
    source: { id: source.id, label: sourceLabel(actor, source), url: source.url, confidential: source.confidential },
    captures: captures.map(toCaptureView),
    documents: documents.map(toDocumentView),
    jobs: jobViews,
    busy: jobViews.some((j) => j.status === "queued" || j.status === "running"),
    can: { archive: can(actor, "source:edit") && !!source.url, upload: can(actor, "source:edit"), chooseReaderCopy: can(actor, "dossier:publish") && !source.confidential },
    features: {
      screenshots: settings.browserPath !== null,
      timestamps: settings.timestampAuthorityUrl !== null,
      internetArchive: settings.internetArchive.enabled && !source.confidential,
    },
  };
}
