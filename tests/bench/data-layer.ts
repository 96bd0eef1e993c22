// One database's half of `npm run bench -- --only=db` (tests/bench/run.ts runs it once on SQLite
// and once on PostgreSQL, each on a fresh database, and prints the ratios). Measures the
// newsroom's heaviest reads — the claims desk over 500 and 5,000 claims in 20 dossiers, a dossier
// workspace of 100 and 1,000 claims — and the importer (1,200 claims), through the real use cases,
// counting the SQL statements each read runs. Prints one JSON line.
import fs from "node:fs";
import path from "node:path";
import { migrate } from "@/lib/cli/migrate";
import { env } from "@/lib/env";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { db, statementCount } from "@/lib/server/db";
import { listDeskClaims } from "@/lib/server/desk/list-desk-claims";
import { getVerificationProgress } from "../support/use-cases";
import { getDossierWorkspace } from "@/lib/server/dossiers/get-dossier-workspace";
import { ensureDemoUsers } from "@/lib/server/setup/demo-users";
import { writeSyntheticDossier } from "./synthetic";

const scratch = path.join(process.cwd(), "tests", ".tmp", "bench", `content-${path.basename(env.DATABASE_URL).replace(/\W/g, "")}`);
fs.rmSync(scratch, { recursive: true, force: true });

async function importDossier(slug: string, claims: number): Promise<number> {
  const folder = writeSyntheticDossier(scratch, slug, claims, { uncheckedEvery: 3 });
  const started = performance.now();
  const result = await importContentFolder(SYSTEM_IMPORT, folder);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return performance.now() - started;
}

/** Median time of `times` runs (after one warm-up), and the statements one run costs. */
async function measure(times: number, fn: () => Promise<unknown>): Promise<{ ms: number; statements: number }> {
  await fn();
  const before = statementCount();
  await fn();
  const statements = statementCount() - before;
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, statements };
}

await migrate();
await ensureDemoUsers();
const editor = await db.user.findFirstOrThrow({ where: { role: "editor" } });
const actor = { kind: "user" as const, id: editor.id, email: editor.email, name: editor.name, role: "editor" as const };

const results: Record<string, unknown> = { provider: env.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql" };

results.import1200 = await importDossier("import-1200", 1200);
await db.dossier.deleteMany({});

const desk = async (perDossier: number) => {
  for (let d = 0; d < 20; d++) await importDossier(`desk-${perDossier}-${d}`, perDossier);
  const page = await measure(7, () => listDeskClaims(actor, {}));
  const waiting = await measure(7, () => listDeskClaims(actor, { verdict: "unchecked" }));
  const progress = await measure(7, () => getVerificationProgress(actor, {}));
  const total = (await listDeskClaims(actor, {})).total;
  await db.dossier.deleteMany({});
  return { total, page, waiting, progress };
};
results.desk500 = await desk(25);
results.desk5000 = await desk(250);

const workspace = async (claims: number) => {
  await importDossier(`workspace-${claims}`, claims);
  const read = await measure(7, () => getDossierWorkspace(actor, `workspace-${claims}`));
  await db.dossier.deleteMany({});
  return read;
};
results.workspace100 = await workspace(100);
results.workspace1000 = await workspace(1000);

await db.$disconnect();
console.log(`BENCH ${JSON.stringify(results)}`);
