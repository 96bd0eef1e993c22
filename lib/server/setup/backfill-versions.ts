import "server-only";
// Dossiers published before published versions existed have none, and readers read only versions:
// at start-up each such dossier gets version 1, built from what readers were already shown (its
// rows, through the reader-visibility code). Runs as the system; does nothing once done.
import { db } from "../db";
import { writeVersion } from "../publishing/versions";
import { buildReaderView, viewHash } from "../reader/build-reader-view";

export async function backfillPublishedVersions(): Promise<string[]> {
  const dossiers = await db.dossier.findMany({ where: { status: "published", versions: { none: {} } }, select: { id: true, slug: true } });
  for (const d of dossiers) {
    await db.$transaction(async (tx) => {
      if ((await tx.publishedVersion.count({ where: { dossierId: d.id } })) > 0) return;
      const view = await buildReaderView(tx, d.id);
      const now = new Date();
      await writeVersion(tx, { dossierId: d.id, view, hash: viewHash(view), previous: null, note: null, publishedById: null, now });
      await tx.publicationEvent.create({ data: { dossierId: d.id, action: "publish", versionNumber: 1, message: "Version 1: what readers were shown when published versions were introduced", createdAt: now } });
    });
  }
  return dossiers.map((d) => d.slug);
}
