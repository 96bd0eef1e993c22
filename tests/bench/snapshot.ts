// The cost of published versions: building a version's snapshot of a large dossier (what an
// editor's publish and the newsroom's "changes not yet published" do), against a small one, and
// reading the latest version (what a reader page's cache miss does) against building it.
import path from "node:path";

export interface BenchRow {
  bench: string;
  baseline: string;
  measured: string;
  ratio: string;
}

export async function benchSnapshot(scratch: string, median: (times: number, fn: () => Promise<void> | void) => Promise<number>, fmt: (n: number, digits?: number) => string): Promise<BenchRow[]> {
  const { migrate } = await import("@/lib/cli/migrate");
  migrate();
  const { SYSTEM_IMPORT } = await import("@/lib/server/actor");
  const { importContentFolder } = await import("@/lib/server/content/import-folder");
  const { db } = await import("@/lib/server/db");
  const { buildReaderView, viewHash } = await import("@/lib/server/reader/build-reader-view");
  const { writeVersion } = await import("@/lib/server/publishing/versions");
  const { getPublishedDossier } = await import("@/lib/server/reader/get-published-dossier");
  const { writeSyntheticDossier } = await import("./synthetic");

  const dossierOf = async (claims: number) => {
    const slug = `snapshot-${claims}`;
    const result = await importContentFolder(SYSTEM_IMPORT, writeSyntheticDossier(path.join(scratch, "snapshot-content"), slug, claims));
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    return db.dossier.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true } });
  };
  const build = (id: string) => () => db.$transaction(async (tx) => void viewHash(await buildReaderView(tx, id)), { timeout: 120_000 });
  const small = await dossierOf(12);
  const large = await dossierOf(1200);
  const smallTime = await median(5, build(small.id));
  const largeTime = await median(5, build(large.id));

  // Publish the large one (as the importer or an editor would), then read it as a reader page does.
  await db.$transaction(
    async (tx) => {
      await tx.dossier.update({ where: { id: large.id }, data: { status: "published", publishedAt: new Date() } });
      const view = await buildReaderView(tx, large.id);
      await writeVersion(tx, { dossierId: large.id, view, hash: viewHash(view), previous: null, note: null, publishedById: null, now: new Date() });
    },
    { timeout: 120_000 },
  );
  const readTime = await median(5, async () => void (await getPublishedDossier(large.slug)));
  await db.$disconnect();
  return [
    {
      bench: "build a published version's snapshot, 1,200 claims (rows → reader view → hash)",
      baseline: `12 claims: ${fmt(smallTime)} ms`,
      measured: `${fmt(largeTime, 0)} ms`,
      ratio: `${fmt(largeTime / smallTime, 1)}× for 100× the claims`,
    },
    {
      bench: "read the latest published version, 1,200 claims (a reader page's cache miss)",
      baseline: `build it from the rows: ${fmt(largeTime, 0)} ms`,
      measured: `${fmt(readTime, 0)} ms`,
      ratio: `${fmt(readTime / largeTime, 2)}×`,
    },
  ];
}
