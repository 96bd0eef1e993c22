// `npm run bench`: speed and scale, each figure a ratio against a baseline measured in the same
// run (these machines are noisy; absolute numbers are printed for context only).
//   1. reader: serving the dossier page from the cache vs rendering it (right after a refresh),
//      and throughput against the cheapest dynamic request that touches the database
//   2. import scale: importing 10× and 100× more claims vs the 12-claim baseline
//   3. re-anchoring every claim after an edit vs rendering the article once
//   4. readers at scale: app, nginx cache and static edition against a minimal server (scale.ts)
//   5. the data layer on SQLite and on PostgreSQL in the same run (tests/bench/data-layer.ts): the
//      claims desk over 5,000 claims in 20 dossiers, a 1,000-claim dossier workspace, the importer,
//      as PostgreSQL/SQLite ratios and scale ratios, with the SQL statements each read costs
//   6. published versions: building a large dossier's snapshot, reading it (tests/bench/snapshot.ts)
//   7. search (tests/bench/search.ts): 50 dossiers × 500 claims with sources and quotes indexed,
//      newsroom, readers' and "seen before" latency (median, p95) against a primary-key lookup,
//      on SQLite and PostgreSQL
//   8. a large save: p99 of cached reader requests while a 2,000-claim article is saved, against
//      the p99 with no save running, and the editor page's size (tests/bench/large-save.ts)
// Usage: npm run bench [-- --only=http|import|anchor|scale|db|snapshot|search|save]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";

const root = process.cwd();
const scratch = path.join(root, "tests", ".tmp", "bench");
fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(scratch, { recursive: true });
// Set before any project module reads lib/env.ts.
process.env.DATABASE_URL = `file:${path.join(scratch, "bench.db")}`;
process.env.DEMO_MODE = "on";
// Shared with the benchmark server so this process can sign its cache-refresh requests.
process.env.AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0001";

const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
const rows: { bench: string; baseline: string; measured: string; ratio: string }[] = [];
const fmt = (n: number, digits = 1) => n.toLocaleString("en-GB", { maximumFractionDigits: digits });

async function median(times: number, fn: () => Promise<void> | void): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

async function benchAnchoring() {
  const { anchorQuote, prepareText } = await import("@/lib/domain/anchoring");
  const { articleText } = await import("@/lib/markdown/render");
  const { syntheticArticle, sentence } = await import("./synthetic");
  const claims = 500;
  const markdown = syntheticArticle(claims);
  const text = articleText(markdown);
  const edited = articleText("Un paragraphe ajouté en tête de l'article.\n\n" + markdown.replace(sentence(250), sentence(250).replace("établi", "etabli")));
  const selectors = Array.from({ length: claims }, (_, i) => {
    const start = text.indexOf(sentence(i));
    return { exact: sentence(i), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + sentence(i).length, start + sentence(i).length + 32), start };
  });
  const render = await median(5, () => void articleText(markdown));
  const reanchor = await median(5, () => {
    // As reanchorClaims does: the text is normalised once, then every claim is found in it.
    const prepared = prepareText(edited);
    for (const s of selectors) anchorQuote(prepared, s, s.start);
  });
  rows.push({
    bench: `re-anchor ${claims} claims after an edit (${fmt(text.length / 1000, 0)}k chars)`,
    baseline: `render the article once: ${fmt(render)} ms`,
    measured: `${fmt(reanchor)} ms`,
    ratio: `${fmt(reanchor / render, 2)}×`,
  });
}

async function benchImport() {
  const { migrate } = await import("@/lib/cli/migrate");
  await migrate();
  const { SYSTEM_IMPORT } = await import("@/lib/server/actor");
  const { importContentFolder } = await import("@/lib/server/content/import-folder");
  const { writeSyntheticDossier } = await import("./synthetic");
  const time = async (claims: number) => {
    const folder = writeSyntheticDossier(path.join(scratch, "content"), `synthetic-${claims}`, claims);
    const t = performance.now();
    const result = await importContentFolder(SYSTEM_IMPORT, folder);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    return performance.now() - t;
  };
  const base = await time(12);
  for (const n of [120, 1200]) {
    const t = await time(n);
    rows.push({
      bench: `import a dossier of ${n} claims`,
      baseline: `12 claims: ${fmt(base, 0)} ms`,
      measured: `${fmt(t, 0)} ms`,
      ratio: `${fmt(t / base, 1)}× for ${n / 12}× the claims`,
    });
  }
  const { db } = await import("@/lib/server/db");
  await db.$disconnect();
}

function startServer(port: number): Promise<ChildProcess> {
  const child = spawn("npm", ["start"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${path.join(scratch, "http.db")}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 300_000;
    const poll = async () => {
      try {
        if ((await fetch(`http://localhost:${port}/api/health`)).ok) return resolve(child);
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null || Date.now() > deadline) return reject(new Error(`server did not start:\n${log}`));
      setTimeout(poll, 500);
    };
    void poll();
  });
}

async function load(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 20, duration: 8 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function timedGet(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return performance.now() - t;
}

async function benchHttp() {
  const port = Number(process.env.BENCH_PORT ?? 3300);
  const server = await startServer(port);
  try {
    const base = `http://localhost:${port}`;
    const page = `${base}/dossiers/mistral-ai`;
    await timedGet(page); // the first request renders and caches it
    const { signRevalidation } = await import("@/lib/server/cache/revalidation-signature");
    const refresh = async () => {
      const body = JSON.stringify({ slugs: ["mistral-ai"], issuedAt: Date.now() });
      const res = await fetch(`${base}/api/internal/revalidate`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-dossier-signature": await signRevalidation(body) },
        body,
      });
      if (res.status !== 204) throw new Error(`refresh refused: HTTP ${res.status}`);
    };
    const cached: number[] = [];
    const rendered: number[] = [];
    for (let i = 0; i < 15; i++) {
      await refresh();
      rendered.push(await timedGet(page)); // renders from the database, then caches
      cached.push(await timedGet(page)); // served from the cache
    }
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    rows.push({
      bench: "reader: the sample dossier page, one request (median of 15)",
      baseline: `rendered after a verdict change: ${fmt(mid(rendered))} ms`,
      measured: `from the cache: ${fmt(mid(cached))} ms`,
      ratio: `${fmt(mid(rendered) / mid(cached), 1)}× faster from the cache`,
    });
    const dynamic = await load(`${base}/api/health`);
    const throughput = await load(page);
    rows.push({
      bench: "reader: the sample dossier page (cached, ≈ 170 kB), 20 connections",
      baseline: `/api/health (dynamic route, 15 B JSON; its database probe runs at most once a second): ${fmt(dynamic, 0)} req/s`,
      measured: `${fmt(throughput, 0)} req/s`,
      ratio: `${fmt(throughput / dynamic, 2)}×`,
    });
  } finally {
    process.kill(-server.pid!, "SIGTERM");
  }
}

type Timed = { ms: number; statements: number };
interface DataLayer {
  provider: string;
  import1200: number;
  desk500: { total: number; page: Timed; waiting: Timed; progress: Timed };
  desk5000: { total: number; page: Timed; waiting: Timed; progress: Timed };
  workspace100: Timed;
  workspace1000: Timed;
}

function runDataLayer(databaseUrl: string): DataLayer {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("tests", "bench", "data-layer.ts")], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.stdout.split("\n").find((l) => l.startsWith("BENCH "));
  if (run.status !== 0 || !line) throw new Error(`data-layer benchmark failed on ${databaseUrl}:\n${run.stderr.slice(-3000)}${run.stdout.slice(-2000)}`);
  return JSON.parse(line.slice(6)) as DataLayer;
}

async function benchDatabases() {
  const { startCluster, recreateDatabase } = await import("@/lib/cli/postgres-cluster");
  const { postgresUnavailableReason } = await import("@/lib/cli/postgres-cluster");
  const sqlite = runDataLayer(`file:${path.join(scratch, "data-layer.db")}`);
  const unavailable = postgresUnavailableReason();
  let postgres: DataLayer | null = null;
  if (unavailable) {
    console.warn(`⚠ PostgreSQL half of the data-layer benchmark skipped: ${unavailable}.`);
  } else {
    // Its own durable cluster (fsync on, as SQLite keeps its own durability), beside the tests'.
    const server = process.env.TEST_POSTGRES_URL
      ? { url: process.env.TEST_POSTGRES_URL, stop: async () => {} }
      : await startCluster({ port: Number(process.env.TEST_POSTGRES_PORT ?? 5433) + 1, durable: true });
    try {
      postgres = runDataLayer(await recreateDatabase(server.url, "dossier_bench"));
    } finally {
      await server.stop();
    }
  }
  const both = (label: string, baseline: string, a: number, b: number | undefined, extra = "") =>
    rows.push({
      bench: label,
      baseline: `${baseline}SQLite: ${fmt(a, 0)} ms`,
      measured: b === undefined ? "PostgreSQL: skipped" : `PostgreSQL: ${fmt(b, 0)} ms`,
      ratio: b === undefined ? "–" : `${fmt(b / a, 2)}× (PostgreSQL/SQLite)${extra}`,
    });
  const p = postgres;
  both("import a dossier of 1,200 claims", "", sqlite.import1200, p?.import1200);
  both(`desk, first page of ${sqlite.desk5000.total.toLocaleString("en-GB")} claims in 20 dossiers`, "", sqlite.desk5000.page.ms, p?.desk5000.page.ms);
  both("desk, unchecked claims only, 5,000 claims", "", sqlite.desk5000.waiting.ms, p?.desk5000.waiting.ms);
  both("desk, verification progress of 20 dossiers, 5,000 claims", "", sqlite.desk5000.progress.ms, p?.desk5000.progress.ms);
  both("dossier workspace of 1,000 claims", "", sqlite.workspace1000.ms, p?.workspace1000.ms);
  for (const r of [sqlite, ...(p ? [p] : [])]) {
    const name = r.provider === "sqlite" ? "SQLite" : "PostgreSQL";
    rows.push({
      bench: `${name}: desk first page, 5,000 vs 500 claims`,
      baseline: `500 claims: ${fmt(r.desk500.page.ms, 0)} ms, ${r.desk500.page.statements} statements`,
      measured: `5,000 claims: ${fmt(r.desk5000.page.ms, 0)} ms, ${r.desk5000.page.statements} statements`,
      ratio: `${fmt(r.desk5000.page.ms / r.desk500.page.ms, 1)}× the time for 10× the claims; statements ${r.desk5000.page.statements === r.desk500.page.statements ? "constant" : "GROW"}`,
    });
    rows.push({
      bench: `${name}: dossier workspace, 1,000 vs 100 claims`,
      baseline: `100 claims: ${fmt(r.workspace100.ms, 0)} ms, ${r.workspace100.statements} statements`,
      measured: `1,000 claims: ${fmt(r.workspace1000.ms, 0)} ms, ${r.workspace1000.statements} statements`,
      ratio: `${fmt(r.workspace1000.ms / r.workspace100.ms, 1)}× the time for 10× the claims; statements ${r.workspace1000.statements === r.workspace100.statements ? "constant" : "GROW"}`,
    });
  }
}

interface SearchBench {
  seedMs: number;
  indexMs: number;
  lookup: { median: number; p95: number };
  search: { median: number; p95: number };
  filtered: { median: number; p95: number };
  /** Absent from runs before readers' search was measured. */
  reader?: { median: number; p95: number };
  similar: { median: number; p95: number };
  documents: number;
  bytes: number;
  matches: number;
}

function runSearchBench(databaseUrl: string): SearchBench {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("tests", "bench", "search.ts")], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.stdout.split("\n").find((l) => l.startsWith("BENCH "));
  if (run.status !== 0 || !line) throw new Error(`search benchmark failed on ${databaseUrl}:\n${run.stderr.slice(-3000)}${run.stdout.slice(-2000)}`);
  return JSON.parse(line.slice(6)) as SearchBench;
}

async function benchSearch() {
  const { startCluster, recreateDatabase, postgresUnavailableReason } = await import("@/lib/cli/postgres-cluster");
  const results: [string, SearchBench][] = [["SQLite FTS5", runSearchBench(`file:${path.join(scratch, "search.db")}`)]];
  const unavailable = postgresUnavailableReason();
  if (unavailable) console.warn(`⚠ PostgreSQL half of the search benchmark skipped: ${unavailable}.`);
  else {
    const server = process.env.TEST_POSTGRES_URL
      ? { url: process.env.TEST_POSTGRES_URL, stop: async () => {} }
      : await startCluster({ port: Number(process.env.TEST_POSTGRES_PORT ?? 5433) + 1, durable: true });
    try {
      results.push(["PostgreSQL tsvector", runSearchBench(await recreateDatabase(server.url, "dossier_bench_search"))]);
    } finally {
      await server.stop();
    }
  }
  for (const [name, r] of results) {
    const base = `primary-key lookup: median ${fmt(r.lookup.median, 2)} ms, p95 ${fmt(r.lookup.p95, 2)} ms`;
    const row = (what: string, m: { median: number; p95: number }) =>
      rows.push({ bench: `${name}: ${what}`, baseline: base, measured: `median ${fmt(m.median, 1)} ms, p95 ${fmt(m.p95, 1)} ms`, ratio: `${fmt(m.median / r.lookup.median, 0)}× (median), p95 ${m.p95 < 100 ? "under" : "OVER"} 100 ms` });
    row(`newsroom search, ${r.documents.toLocaleString("en-GB")} documents (50 dossiers × 500 claims + sources, quotes, passages${r.reader ? ", and the published copies of 25" : ""})`, r.search);
    row("newsroom search filtered by kind and verdict", r.filtered);
    if (r.reader) row("readers' search (25 published dossiers)", r.reader);
    row("“seen before” (similar claims)", r.similar);
    rows.push({ bench: `${name}: index build and size`, baseline: `writing the rows: ${fmt(r.seedMs / 1000, 1)} s`, measured: `indexing them: ${fmt(r.indexMs / 1000, 1)} s; ${fmt(r.bytes / 1024 / 1024, 1)} MiB`, ratio: `${fmt(r.indexMs / r.seedMs, 1)}× the write time` });
  }
}

if (!only || only === "search") await benchSearch();
if (!only || only === "db") await benchDatabases();
if (!only || only === "anchor") await benchAnchoring();
if (!only || only === "import") await benchImport();
if (!only || only === "snapshot") rows.push(...(await (await import("./snapshot")).benchSnapshot(scratch, median, fmt)));
if (!only || only === "http") await benchHttp();
if (!only || only === "save") rows.push(...(await (await import("./large-save")).benchLargeSave(scratch, fmt)));
if (!only || only === "scale") await (await import("./scale")).benchScale(rows);

console.log("\nbenchmark | baseline (same run) | measured | ratio");
console.log("---|---|---|---");
for (const r of rows) console.log(`${r.bench} | ${r.baseline} | ${r.measured} | ${r.ratio}`);
