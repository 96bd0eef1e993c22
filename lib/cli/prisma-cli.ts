// Runs the Prisma CLI from node_modules with the project's config (offline, adapter mode).
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { DatabaseProvider } from "@/lib/env";
import { LAYOUTS } from "./prisma-schema";

const prismaBin = path.join(process.cwd(), "node_modules", "prisma", "build", "index.js");

export interface PrismaRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function runPrisma(args: string[], extraEnv: Record<string, string> = {}): PrismaRun {
  const result = spawnSync(process.execPath, [prismaBin, ...args], {
    encoding: "utf8",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", ...extraEnv },
  });
  return { status: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/**
 * Runs the CLI for one provider: prisma.config.ts picks schema, migrations and adapter from
 * DATABASE_URL, so the URL (a real one, or a placeholder for commands that never connect) decides.
 */
export function runPrismaFor(provider: DatabaseProvider, args: string[], url = LAYOUTS[provider].offlineUrl): PrismaRun {
  return runPrisma(args, { DATABASE_URL: url });
}

/**
 * `prisma migrate diff` between two schema files (or `--from-empty`), as SQL. In adapter mode the
 * CLI connects to its adapter's database even for this: an in-memory SQLite database serves, and
 * the SQL follows the schemas' own provider (a PostgreSQL schema gives PostgreSQL SQL, identical
 * to a diff run against a live server but for a `CREATE SCHEMA IF NOT EXISTS "public"` line), so
 * migrations for both databases are created without a PostgreSQL server.
 */
export function diffSchemas(from: string[], toSchema: string): PrismaRun {
  return runPrisma(["migrate", "diff", ...from, "--to-schema-datamodel", toSchema, "--script"], { DATABASE_URL: ":memory:" });
}
