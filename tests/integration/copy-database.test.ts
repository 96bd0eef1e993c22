// `npm run db:copy`: moving a newsroom to another database (SQLite → PostgreSQL above all). The
// run's database is filled through the real use cases (users, sessions, dossiers, revisions,
// claims, verdict history, proposals, notifications, the audit log), then copied by the real
// command into a fresh database of the other kind when this machine has it (or of the same kind),
// and every table is compared.
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { createClient } from "@/lib/server/db";
import { setVerdict } from "../support/use-cases";
import { proposeVerdict } from "../support/use-cases";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { db, provider, resetDatabase, scratchDatabase } from "../support/db";
import { seedDesk } from "../support/desk";
import { signInRequest } from "../support/auth";
import { demoActors } from "../support/newsroom";
import { DEMO_PASSWORD } from "@/lib/server/setup/demo-users";

function copy(from: string, to: string) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/copy-database.ts", "--from", from, "--to", to], {
    encoding: "utf8",
    env: { ...process.env },
  });
}

/**
 * The SQLite run copies into a database on the run's PostgreSQL server, as a newsroom moving
 * would (when there is one: npm test's, or the integration-postgresql project's cluster); the
 * PostgreSQL run, and a machine without PostgreSQL, into a fresh database of the same kind.
 */
async function target(name: string): Promise<string> {
  if (provider === "sqlite") {
    const { recreateDatabase } = await import("@/lib/cli/postgres-cluster");
    const serverUrl = env.TEST_POSTGRES_URL ?? `postgresql://postgres@127.0.0.1:${env.TEST_POSTGRES_PORT}/postgres`;
    const url = await recreateDatabase(serverUrl, `dossier_scratch_from_sqlite_${name}`).catch(() => null);
    if (url) return url;
  }
  return scratchDatabase(name);
}

describe(`npm run db:copy (from ${provider})`, () => {
  beforeAll(async () => {
    await resetDatabase();
    const f = await seedDesk();
    const d = await db.dossier.findUniqueOrThrow({ where: { id: f.dossier.id } });
    await saveArticle(f.journalist, { dossierId: d.id, version: d.version, body: `${d.body}\nUne phrase ajoutée — « citée ».\n`, note: "ajout" });
    await setVerdict(f.editor, { claimId: f.claims.siege.id, version: f.claims.siege.version, verdict: "verified", rationale: "Le registre le confirme.", evidenceIds: [f.evidence.siege![0]!] });
    const produit = await db.claim.findUniqueOrThrow({ where: { id: f.claims.produit.id } });
    await proposeVerdict(f.journalist2, { claimId: produit.id, version: produit.version, verdict: "verified", rationale: "Vu.", evidenceIds: f.evidence.produit!.slice(0, 1) });
    // An editor's direct verdict closes that proposal and tells its author (a notification).
    const proposed = await db.claim.findUniqueOrThrow({ where: { id: produit.id } });
    await setVerdict(f.editor2, { claimId: produit.id, version: proposed.version, verdict: "misleading", rationale: "Le produit est sorti plus tard.", evidenceIds: f.evidence.produit!.slice(0, 1) });
    // A session and Better Auth's rate-limit counter (a BigInt column).
    await demoActors();
    expect((await signInRequest("journalist@example.com", DEMO_PASSWORD)).status).toBe(200);
  }, 120_000);

  // Each runs the real command (a Node process with its own migrations): minutes on a busy machine.
  it("copies every table into a fresh database and verifies each one, row by row", { timeout: 240_000 }, async () => {
    const to = await target("copy_into");
    const run = copy(env.DATABASE_URL, to);
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toMatch(/every table verified \(equal counts and checksums\)/);

    const copied = createClient(to);
    try {
      for (const model of ["user", "session", "rateLimit", "dossier", "articleRevision", "claim", "verdictChange", "verdictProposal", "evidence", "source", "auditLog", "notification", "setting"] as const) {
        const here = await (db[model] as unknown as { count(): Promise<number> }).count();
        expect(here, model).toBeGreaterThan(0);
        expect(await (copied[model] as unknown as { count(): Promise<number> }).count(), model).toBe(here);
      }
      // Values survive the trip exactly: instants to the millisecond, text, booleans, JSON text.
      const original = await db.verdictChange.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
      expect(await copied.verdictChange.findUniqueOrThrow({ where: { id: original.id } })).toEqual(original);
      const article = await db.dossier.findFirstOrThrow({ where: { slug: "desk" } });
      expect(await copied.dossier.findUniqueOrThrow({ where: { id: article.id } })).toEqual(article);
    } finally {
      await copied.$disconnect();
    }
  });

  it("refuses a target that already holds data, and changes nothing there", { timeout: 240_000 }, async () => {
    const to = await target("copy_occupied");
    expect(copy(env.DATABASE_URL, to).status).toBe(0);
    const again = copy(env.DATABASE_URL, to);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/The target database is not empty .*Nothing was changed\./);
    const copied = createClient(to);
    try {
      expect(await copied.claim.count()).toBe(await db.claim.count());
    } finally {
      await copied.$disconnect();
    }
  });

  it("explains its usage", { timeout: 60_000 }, () => {
    const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/copy-database.ts"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: npm run db:copy -- --from");
  });
});
