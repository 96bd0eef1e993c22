// Integration-test helpers: a real database (the run's SQLite file or PostgreSQL database,
// whichever DATABASE_URL the vitest project set), emptied between tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import { db, provider } from "@/lib/server/db";

/** Deletes every row (foreign keys stay enforced outside this function). */
export async function resetDatabase(): Promise<void> {
  if (provider === "postgresql") {
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'",
    );
    await db.$executeRawUnsafe(`TRUNCATE TABLE ${tables.map(({ name }) => `"${name}"`).join(", ")} CASCADE`);
    return;
  }
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    // The search index's FTS5 table empties itself with search_doc (a trigger); its shadow tables are FTS5's own.
    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' AND name NOT LIKE 'search_fts%'",
  );
  await db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
  try {
    for (const { name } of tables) await db.$executeRawUnsafe(`DELETE FROM "${name}"`);
  } finally {
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  }
}

export { db, provider };

/**
 * An empty database of the run's kind, for a test that needs its own (a CLI run, a copy): a new
 * SQLite file, or a new database on the run's PostgreSQL server. Not migrated.
 */
export async function scratchDatabase(name: string): Promise<string> {
  if (provider === "postgresql") {
    const { recreateDatabase } = await import("@/lib/cli/postgres-cluster");
    return recreateDatabase(env.DATABASE_URL, `dossier_scratch_${name}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dossier-${name}-`));
  return `file:${path.join(dir, `${name}.db`)}`;
}
