// The reader's view after a change made straight in the database: readers only ever see a
// published version, so a test that edits rows publishes them as the next version (as an editor's
// update would), through the same reader-visibility code, then reads what readers get.
import { db } from "@/lib/server/db";
import { latestVersion, writeVersion } from "@/lib/server/publishing/versions";
import { buildReaderView, viewHash } from "@/lib/server/reader/build-reader-view";
import { getPublishedDossier } from "@/lib/server/reader/get-published-dossier";

export async function republish(slug: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { id } = await tx.dossier.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const view = await buildReaderView(tx, id);
    await writeVersion(tx, { dossierId: id, view, hash: viewHash(view), previous: await latestVersion(tx, id), note: "Test update.", publishedById: null, now: new Date() });
  });
}

/** Publishes the working copy as it is now, then reads the dossier as readers get it. */
export async function publishedAfterChanges(slug: string) {
  await republish(slug);
  return getPublishedDossier(slug);
}
