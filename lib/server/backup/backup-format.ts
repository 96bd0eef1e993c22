import "server-only";
// The backup file (docs/backup.md): a gzip-compressed tar archive holding, in this order,
//   dossier-backup.json          the manifest (format, date, database kind, applied migrations, files)
//   database/dossier.sqlite      a SQLite database (SQLite's online backup API), or
//   database/dossier.pgdump      a PostgreSQL dump (pg_dump --format=custom)
//   storage/sha256/ab/<sha256>   every stored file (captures, screenshots, documents)
// The database is copied before the files: files are content-addressed and written before the
// rows that refer to them, so every file the copied database names is in the archive.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { z } from "zod";
import type { DatabaseProvider } from "@/lib/env";

export const BACKUP_FORMAT = 1;
export const MANIFEST = "dossier-backup.json";
export const DATABASE_ENTRY: Record<DatabaseProvider, string> = { sqlite: "database/dossier.sqlite", postgresql: "database/dossier.pgdump" };
export const STORAGE_PREFIX = "storage/";

export const BackupManifestSchema = z.strictObject({
  kind: z.literal("dossier-backup"),
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  database: z.strictObject({ provider: z.enum(["sqlite", "postgresql"]), entry: z.string(), migrations: z.array(z.string()), rows: z.number().int().nonnegative() }),
  storage: z.strictObject({ kind: z.string(), objects: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
});
export type BackupManifest = z.infer<typeof BackupManifestSchema>;

export const sqliteFile = (url: string) => path.resolve(url.replace(/^file:/, ""));

/** pg_dump / pg_restore: next to the server binaries when installed there, else on PATH. */
export function postgresTool(name: "pg_dump" | "pg_restore"): string {
  for (const dir of ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin", "/usr/local/bin", "/opt/homebrew/bin"]) {
    if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout?.trim();
  if (found) return found;
  throw new Error(`${name} was not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client), the same major version as the server or newer.`);
}

/** Rows in the database's tables (migrations aside), and the migrations it has applied. 0 rows: empty. */
export async function databaseContents(url: string, provider: DatabaseProvider): Promise<{ rows: number; migrations: string[] }> {
  const applied = "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name";
  if (provider === "sqlite") {
    const file = sqliteFile(url);
    if (!fs.existsSync(file)) return { rows: 0, migrations: [] };
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
      let rows = 0;
      for (const t of tables) if (t !== "_prisma_migrations" && !t.startsWith("search_")) rows += (sqlite.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n;
      const migrations = tables.includes("_prisma_migrations") ? (sqlite.prepare(applied).all() as { migration_name: string }[]).map((r) => r.migration_name) : [];
      return { rows, migrations };
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    if ((e as { code?: string }).code === "3D000") return { rows: 0, migrations: [] }; // no such database yet
    throw e;
  }
  try {
    const tables = (await client.query<{ name: string }>("SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema()")).rows.map((r) => r.name);
    let rows = 0;
    // The search index (search_*, docs/decisions/080) is derived from the other tables: not content.
    for (const t of tables) if (t !== "_prisma_migrations" && !t.startsWith("search_")) rows += Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`)).rows[0]!.n);
    const migrations = tables.includes("_prisma_migrations") ? (await client.query<{ migration_name: string }>(applied)).rows.map((r) => r.migration_name) : [];
    return { rows, migrations };
  } finally {
    await client.end();
  }
}
