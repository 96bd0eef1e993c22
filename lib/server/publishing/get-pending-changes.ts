import "server-only";
// The changes not yet published: the working copy as readers would see it, compared with the
// published version they see (or saw, before it was taken off the site). Every role sees it (it is
// built by the reader-visibility code, so it holds nothing confidential). workingHash identifies
// what was compared: publishing an update names it, so only the reviewed changes are published.
import { diffVersions, noteRequirement, type NoteRequirement, type VersionDiff } from "@/lib/domain/published-version";
import type { PublishReadinessInput } from "@/lib/schemas/publishing";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { buildReaderView, viewHash } from "../reader/build-reader-view";
import type { PersonRef } from "../verdicts/claim-decision";
import { loadDossier, toPublishingDossier, type PublishingDossier } from "./publish-gate";
import { latestVersion } from "./versions";

export interface PendingChanges {
  dossier: PublishingDossier;
  /** The latest published version, or null when the dossier was never published. */
  published: { number: number; publishedAt: string; note: string | null; minor: boolean; publishedBy: PersonRef | null } | null;
  /** The working copy's fingerprint: pass it as reviewedHash to publish exactly these changes. */
  workingHash: string;
  /** Null when never published (everything is new); identical when nothing awaits publication. */
  diff: VersionDiff | null;
  /** The article as readers see it in the published version and in the working copy (Markdown, for the newsroom's diff). */
  article: { published: string; working: string } | null;
  /** Whether an update now needs the editor's note for readers, and why. */
  note: NoteRequirement;
  /** Requests from journalists to publish an update, made since the latest publication. */
  requests: { id: string; by: PersonRef | null; message: string | null; createdAt: string }[];
}

export async function getPendingChanges(actor: Actor, data: PublishReadinessInput): Promise<PendingChanges> {
  requirePermission(actor, "newsroom:access", "person");
  return db.$transaction(async (tx) => {
    const dossier = await loadDossier(tx, data.dossierId);
    const latest = await latestVersion(tx, dossier.id);
    const working = await buildReaderView(tx, dossier.id);
    const diff = latest ? diffVersions(latest.view, working) : null;
    const lastPublication = await tx.publicationEvent.findFirst({ where: { dossierId: dossier.id, action: "publish" }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    const requests = await tx.publicationEvent.findMany({
      where: { dossierId: dossier.id, action: "request-update", ...(lastPublication ? { createdAt: { gt: lastPublication.createdAt } } : {}) },
      orderBy: { createdAt: "asc" },
      select: { id: true, message: true, createdAt: true, actor: { select: { id: true, name: true } } },
    });
    return {
      dossier: toPublishingDossier(dossier),
      published: latest ? { number: latest.number, publishedAt: latest.createdAt.toISOString(), note: latest.note, minor: latest.minor, publishedBy: latest.publishedBy } : null,
      workingHash: viewHash(working),
      diff,
      article: latest ? { published: latest.view.body, working: working.body } : null,
      note: diff ? noteRequirement(diff) : { required: false, reasons: [] },
      requests: requests.map((r) => ({ id: r.id, by: r.actor, message: r.message, createdAt: r.createdAt.toISOString() })),
    };
  });
}
