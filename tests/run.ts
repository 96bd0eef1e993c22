// `npm test`: every check, on both databases. PostgreSQL's layer (its migrations check, the
// integration suite, the e2e suite) runs on a throw-away cluster started here (or the server of
// TEST_POSTGRES_URL) when PostgreSQL is installed; without it, the run says plainly what it
// skipped — and CI (CI=1) fails instead, since there it must run.
//   npm test                      everything
//   npm run test:postgresql       only the PostgreSQL layer (db:check, integration, e2e)
import { spawn } from "node:child_process";
import { env } from "@/lib/env";
import { postgresUnavailableReason, testPostgres, type PostgresServer } from "@/lib/cli/postgres-cluster";

const postgresOnly = process.argv.includes("--postgresql-only");

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** Stop here when it fails (later steps would only repeat the failure). */
  gate?: boolean;
}

type Counts = { passed: number; failed: number };

function counts(output: string): Counts | null {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
  const vitest = /Tests\s+(?:(\d+) failed \| )?(\d+) passed/.exec(plain);
  if (vitest) return { failed: Number(vitest[1] ?? 0), passed: Number(vitest[2]) };
  const passed = /^\s*(\d+) passed \(/m.exec(plain);
  const failed = /^\s*(\d+) failed$/m.exec(plain);
  if (passed || failed) return { passed: Number(passed?.[1] ?? 0), failed: Number(failed?.[1] ?? 0) };
  return null;
}

type Result = { name: string; ok: boolean; counts: Counts | null; seconds: number };

/**
 * Runs one step; `live` streams its output as it comes, otherwise it is kept and printed whole
 * when the step ends (a step running beside another must not interleave its lines with it).
 */
function run(step: Step, childEnv: NodeJS.ProcessEnv, live = true): Promise<Result> {
  const started = Date.now();
  const header = `\n▸ ${step.name}: ${step.command.join(" ")}`;
  console.log(live ? header : `${header} (beside the step above; its output follows when it ends)`);
  return new Promise((resolve) => {
    const child = spawn(step.command[0]!, step.command.slice(1), { env: { ...childEnv, ...step.env }, stdio: ["ignore", "pipe", "pipe"] });
    let tail = "";
    const kept: Buffer[] = [];
    const keep = (chunk: Buffer, out: NodeJS.WriteStream) => {
      if (live) out.write(chunk);
      else kept.push(chunk);
      tail = (tail + chunk.toString()).slice(-20_000);
    };
    child.stdout.on("data", (c: Buffer) => keep(c, process.stdout));
    child.stderr.on("data", (c: Buffer) => keep(c, process.stderr));
    child.on("close", (code) => {
      if (!live) {
        console.log(`${header} — output:`);
        process.stdout.write(Buffer.concat(kept));
      }
      resolve({ name: step.name, ok: code === 0, counts: counts(tail), seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

/** Steps in one group run side by side (the two databases' integration suites share nothing). */
async function runGroup(group: Step[], childEnv: NodeJS.ProcessEnv): Promise<Result[]> {
  return Promise.all(group.map((step, i) => run(step, childEnv, i === 0)));
}

let server: PostgresServer | null = null;
const unavailable = postgresUnavailableReason();
if (!unavailable) {
  console.log(`▸ PostgreSQL: ${env.TEST_POSTGRES_URL ? "the server of TEST_POSTGRES_URL" : `a throw-away cluster on port ${env.TEST_POSTGRES_PORT}`}`);
  server = await testPostgres();
} else if (env.CI || postgresOnly) {
  console.error(`✖ PostgreSQL is required ${env.CI ? "in CI" : "by test:postgresql"}, but ${unavailable}.`);
  process.exit(1);
}

const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DOSSIER_TEST_DATABASES: postgresOnly ? "postgresql" : server ? "sqlite,postgresql" : "sqlite",
  ...(server ? { TEST_POSTGRES_URL: server.url } : {}),
};

// The SQLite and PostgreSQL integration suites run side by side: each has its own database, its
// own stored files and ports, and on two cores together they take about the time of the longer one.
const steps: Step[][] = [
  [{ name: "db:check", command: ["npm", "run", "--silent", "db:check"], gate: true }],
  ...(postgresOnly
    ? []
    : [
        [{ name: "typecheck", command: ["npm", "run", "--silent", "typecheck"], gate: true }],
        [{ name: "lint", command: ["npm", "run", "--silent", "lint"], gate: true }],
      ]),
  [
    ...(postgresOnly ? [] : [{ name: "unit + integration (SQLite)", command: ["npx", "vitest", "run", "--project", "unit", "--project", "integration"] }]),
    ...(server ? [{ name: "integration (PostgreSQL)", command: ["npx", "vitest", "run", "--project", "integration-postgresql"] }] : []),
  ],
  ...(postgresOnly ? [] : [[{ name: "e2e (SQLite)", command: ["npx", "playwright", "test"], env: { E2E_DATABASE: "sqlite" } }]]),
  ...(server ? [[{ name: "e2e (PostgreSQL)", command: ["npx", "playwright", "test"], env: { E2E_DATABASE: "postgresql" } }]] : []),
];

const results: Result[] = [];
let stopped = false;
try {
  for (const group of steps) {
    const outcome = await runGroup(group, childEnv);
    results.push(...outcome);
    if (outcome.some((r, i) => !r.ok && group[i]!.gate)) {
      stopped = true;
      break;
    }
  }
} finally {
  await server?.stop();
}

console.log("\n── npm test ──");
for (const r of results) {
  const tally = r.counts ? ` (${r.counts.passed} passed${r.counts.failed ? `, ${r.counts.failed} failed` : ""})` : "";
  console.log(`${r.ok ? "✔" : "✖"} ${r.name}${tally}, ${r.seconds} s`);
}
for (const s of steps.flat().slice(results.length)) console.log(`– ${s.name}: not run (an earlier check failed)`);
if (!server) {
  console.log(`⚠ SKIPPED the PostgreSQL layer (its migrations check, the integration and e2e suites on PostgreSQL): ${unavailable}.`);
  console.log("  Install PostgreSQL (apt-get install postgresql, brew install postgresql) or set TEST_POSTGRES_URL; see docs/postgresql.md.");
}
const total = results.reduce((t, r) => ({ passed: t.passed + (r.counts?.passed ?? 0), failed: t.failed + (r.counts?.failed ?? 0) }), { passed: 0, failed: 0 });
const ok = !stopped && results.length === steps.flat().length && results.every((r) => r.ok);
console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
process.exit(ok ? 0 : 1);
