// Applies committed migrations to the configured database (idempotent), SQLite or PostgreSQL:
// prisma/migrations for a `file:` URL, prisma/postgresql/migrations for a `postgresql://` one.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { databaseProviderOf, env, postgresDatabaseName, type DatabaseProvider } from "@/lib/env";
import { runPrisma } from "./prisma-cli";
import { LAYOUTS } from "./prisma-schema";

const APPLIED = "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";

/** The migrations committed for a provider, oldest first. */
export function committedMigrations(provider: DatabaseProvider): string[] {
  const dir = LAYOUTS[provider].migrations;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

function appliedInSqlite(file: string): Set<string> {
  if (!fs.existsSync(file)) return new Set();
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'").get();
    if (!table) return new Set();
    return new Set((sqlite.prepare(APPLIED).all() as { migration_name: string }[]).map((r) => r.migration_name));
  } finally {
    sqlite.close();
  }
}

/** Connects, creating the database first when the server has none of that name (a fresh install). */
async function connectPostgres(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return client;
  } catch (e) {
    await client.end().catch(() => {});
    const name = postgresDatabaseName(url)!;
    if ((e as { code?: string }).code !== "3D000") throw new Error(`Cannot connect to the PostgreSQL database ${redact(url)}: ${(e as Error).message}`);
    const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
    try {
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}" ENCODING 'UTF8' TEMPLATE template0`);
      console.log(`▸ Created the PostgreSQL database "${name}".`);
    } catch (create) {
      throw new Error(`The PostgreSQL database "${name}" does not exist and could not be created (${(create as Error).message}). Create it (createdb ${name}), then start again.`);
    } finally {
      await admin.end().catch(() => {});
    }
    return connectPostgres(url);
  }
}

async function appliedInPostgres(url: string): Promise<Set<string>> {
  const client = await connectPostgres(url);
  try {
    const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (!rows[0]?.present) return new Set();
    return new Set((await client.query<{ migration_name: string }>(APPLIED)).rows.map((r) => r.migration_name));
  } finally {
    await client.end();
  }
}

/** A URL fit for messages: the password replaced. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

const sqliteFile = (url: string) => path.resolve(url.replace(/^file:/, ""));

/** Committed migrations a database has not applied yet (all of them for a new database). */
export async function pendingMigrations(url: string = env.DATABASE_URL): Promise<string[]> {
  const provider = databaseProviderOf(url)!;
  const applied = provider === "postgresql" ? await appliedInPostgres(url) : appliedInSqlite(sqliteFile(url));
  return committedMigrations(provider).filter((m) => !applied.has(m));
}

/** Applies the committed migrations to a database (the configured one by default). */
export async function migrate(url: string = env.DATABASE_URL): Promise<void> {
  if (databaseProviderOf(url) === "sqlite") fs.mkdirSync(path.dirname(sqliteFile(url)), { recursive: true });
  // Prisma's schema engine cannot take its lock while a running server holds a SQLite database
  // open, so it only runs when there is something to apply (e.g. `npm run import` next to a live site).
  if ((await pendingMigrations(url)).length === 0) return;
  const result = runPrisma(["migrate", "deploy"], { DATABASE_URL: url });
  if (result.status !== 0) {
    const busy = /SocketTimeout|database is locked|SQLITE_BUSY/.test(result.stderr + result.stdout);
    throw new Error(
      busy
        ? `The database ${redact(url)} has migrations to apply but is in use (is Dossier running?). Stop the server, then run \`npm start\`, which applies them.`
        : `Applying database migrations failed:\n${result.stderr || result.stdout}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await migrate();
  console.log(`Database ${redact(env.DATABASE_URL)} is up to date.`);
}
