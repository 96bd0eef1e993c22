// Applies committed migrations to the configured database (idempotent).
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { env } from "@/lib/env";
import { runPrisma } from "./prisma-cli";

const MIGRATIONS_DIR = path.join("prisma", "migrations");

/** Committed migrations the database has not applied yet (all of them for a new database). */
export function pendingMigrations(file: string): string[] {
  const committed = fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  if (!fs.existsSync(file)) return committed;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'").get();
    if (!table) return committed;
    const applied = new Set(
      (sqlite.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as { migration_name: string }[]).map(
        (r) => r.migration_name,
      ),
    );
    return committed.filter((m) => !applied.has(m));
  } finally {
    sqlite.close();
  }
}

export function migrate(): void {
  const file = path.resolve(env.DATABASE_URL.replace(/^file:/, ""));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Prisma's schema engine cannot take its lock while a running server holds the database open,
  // so it only runs when there is something to apply (e.g. `npm run import` next to a live site).
  if (pendingMigrations(file).length === 0) return;
  const result = runPrisma(["migrate", "deploy"]);
  if (result.status !== 0) {
    const busy = /SocketTimeout|database is locked|SQLITE_BUSY/.test(result.stderr + result.stdout);
    throw new Error(
      busy
        ? `The database ${env.DATABASE_URL} has migrations to apply but is in use (is Dossier running?). Stop the server, then run \`npm start\`, which applies them.`
        : `Applying database migrations failed:\n${result.stderr || result.stdout}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  migrate();
  console.log(`Database ${env.DATABASE_URL} is up to date.`);
}
