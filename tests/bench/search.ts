// One database's half of `npm run bench -- --only=search` (run.ts runs it on SQLite and on
// PostgreSQL): 50 dossiers × 500 claims, with sources and quotes, written straight into the
// tables (the triggers enqueue every row), every other dossier published, then the index built
// by draining the outbox. Query latency (median, p95) of newsroom searches, readers' searches
// and "seen before" against a plain indexed lookup in the same run, and the index's size.
// Prints one JSON line.
import { migrate } from "@/lib/cli/migrate";
import { db } from "@/lib/server/db";
import { drainSearchOutbox, ensureSearchIndex, searchIndexSize } from "@/lib/server/search/search-index";
import { findSimilarClaims } from "@/lib/server/search/find-similar-claims";
import { searchNewsroom } from "@/lib/server/search/search-newsroom";
import { searchPublished } from "@/lib/server/search/search-published";
import { latestVersion, writeVersion } from "@/lib/server/publishing/versions";
import { buildReaderView, viewHash } from "@/lib/server/reader/build-reader-view";
import { ensureDemoUsers } from "@/lib/server/setup/demo-users";

const DOSSIERS = 50;
const CLAIMS = 500;
const WORDS = ["contrat", "investisseurs", "subvention", "mairie", "registre", "port", "armateur", "vérifié", "société", "impôt", "déclaration", "financement", "rapport", "audit", "marché"];
const word = (i: number) => WORDS[i % WORDS.length]!;

await migrate();
await ensureDemoUsers();
await ensureSearchIndex();
const editor = await db.user.findFirstOrThrow({ where: { role: "journalist" } });
const actor = { kind: "user" as const, id: editor.id, email: editor.email, name: editor.name, role: "journalist" as const };

const seedStarted = performance.now();
for (let d = 0; d < DOSSIERS; d++) {
  const dossier = await db.dossier.create({
    data: { slug: `bench-search-${d}`, title: `Enquête ${d} sur le ${word(d)}`, language: d % 3 === 0 ? "en" : "fr", body: Array.from({ length: 50 }, (_, p) => `Paragraphe ${p} : le ${word(p + d)} et la ${word(p * 7 + d)} de la ville numéro ${d}.`).join("\n\n") },
  });
  await db.claim.createMany({
    data: Array.from({ length: CLAIMS }, (_, i) => ({
      dossierId: dossier.id,
      text: `Le ${word(i)} numéro ${i} du dossier ${d} a été ${i % 2 ? "vérifié" : "signé"} par la ${word(i * 3 + d)} en ${2000 + (i % 25)}`,
      anchorExact: `fait ${i}`,
      position: i,
      verdict: i % 3 === 0 ? null : i % 3 === 1 ? "verified" : "false",
    })),
  });
  await db.source.createMany({
    data: Array.from({ length: CLAIMS / 5 }, (_, i) => ({ dossierId: dossier.id, kind: "document", title: `Document ${i} du ${word(i + 1)}`, publisher: `Éditeur ${i % 17}`, position: i, confidential: i % 20 === 0, publicDescription: i % 20 === 0 ? "Une personne proche" : null, identity: i % 20 === 0 ? `Secret ${i}` : null })),
  });
  await db.quote.createMany({
    data: Array.from({ length: CLAIMS / 5 }, (_, i) => ({ dossierId: dossier.id, text: `« Nous avons ${word(i + 2)} tout le ${word(i + 5)} en ${2010 + (i % 10)} »`, language: "fr", speakerLabel: `Porte-parole ${i % 9}`, position: i })),
  });
  // Every other dossier is published, as an editor's sign-off would (readers search those).
  if (d % 2 === 1) {
    await db.$transaction(async (tx) => {
      await tx.dossier.update({ where: { id: dossier.id }, data: { status: "published", publishedAt: new Date() } });
      const view = await buildReaderView(tx, dossier.id);
      await writeVersion(tx, { dossierId: dossier.id, view, hash: viewHash(view), previous: await latestVersion(tx, dossier.id), note: "Benchmark.", publishedById: null, now: new Date() });
    }, { timeout: 120_000 });
  }
}
const seedMs = performance.now() - seedStarted;
const indexStarted = performance.now();
await drainSearchOutbox();
const indexMs = performance.now() - indexStarted;

async function percentiles(times: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, p95: samples[Math.floor(samples.length * 0.95)]! };
}

const claimIds = (await db.claim.findMany({ select: { id: true }, take: 2000 })).map((c) => c.id);
// The baseline: the cheapest read a page makes, a claim by its primary key.
const lookup = await percentiles(200, (i) => db.claim.findUnique({ where: { id: claimIds[i % claimIds.length]! }, select: { id: true, text: true, verdict: true } }));
const queries = ["contrat vérifié", "investisseur", "verifie mairie", "subventions port", "declaration impot", "audit rapport 2012", "société", "marche financement", "armateurs", "registre"];
const oneWord = await percentiles(200, (i) => searchNewsroom(actor, { q: queries[i % queries.length]! }));
const filtered = await percentiles(100, (i) => searchNewsroom(actor, { q: queries[i % queries.length]!, type: "claim", verdict: "verified" }));
const reader = await percentiles(200, (i) => searchPublished({ q: queries[i % queries.length]! }, "fr"));
const similar = await percentiles(50, (i) => findSimilarClaims(actor, { text: `Le contrat numéro ${i} du dossier a été vérifié par la mairie` }));
const documents = Number((await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM search_doc`))[0]!.n);
const bytes = await searchIndexSize();
const sample = await searchNewsroom(actor, { q: "contrat vérifié" });

console.log(`BENCH ${JSON.stringify({ seedMs, indexMs, lookup, search: oneWord, filtered, reader, similar, documents, bytes, matches: sample.total })}`);
await db.$disconnect();
process.exit(0);
