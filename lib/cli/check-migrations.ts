// `npm run db:check`: fails when a database's committed migrations do not produce the schema of
// the one model definition (prisma/schema.prisma). Prisma's own `migrate diff --from-migrations`
// cannot run offline in adapter mode (docs/decisions/002), so for each provider this applies the
// migrations to one scratch database, builds another straight from the schema, and compares
// their structure: SQLite in files, PostgreSQL on the server of TEST_POSTGRES_URL or a
// throw-away cluster (skipped, and said so, when neither is possible; required in CI).
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import { diffSchemas, runPrismaFor } from "./prisma-cli";
import { LAYOUTS, writeRenderedSchemas } from "./prisma-schema";
import { dropDatabase, postgresUnavailableReason, recreateDatabase, testPostgres } from "./postgres-cluster";

type Shape = Record<string, unknown>;

function sqliteShape(db: Database.Database): Shape {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
    .all() as { name: string }[];
  const shape: Shape = {};
  for (const { name } of tables) {
    const q = (sql: string) => db.prepare(sql).all();
    const indexes = (q(`PRAGMA index_list("${name}")`) as { name: string; unique: number; origin: string }[])
      .map((ix) => ({
        name: ix.name,
        unique: ix.unique,
        columns: (q(`PRAGMA index_info("${ix.name}")`) as { name: string }[]).map((c) => c.name),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    shape[name] = {
      columns: q(`PRAGMA table_info("${name}")`),
      indexes,
      foreignKeys: q(`PRAGMA foreign_key_list("${name}")`),
    };
  }
  return shape;
}

async function postgresShape(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows;
    return {
      // By name: a column added by a later migration comes last in the table, not in schema order.
      columns: await q(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`),
      constraints: await q(`SELECT t.relname AS table_name, c.conname, pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE c.connamespace = current_schema()::regnamespace AND t.relname <> '_prisma_migrations' ORDER BY 1, 2`),
    };
  } finally {
    await client.end();
  }
}

function compare(label: string, migrated: Shape, fromSchema: Shape): boolean {
  const a = JSON.stringify(migrated, null, 1);
  const b = JSON.stringify(fromSchema, null, 1);
  if (a === b) {
    console.log(`${label}: migrations and schema agree, no difference detected.`);
    return true;
  }
  const al = a.split("\n");
  const bl = b.split("\n");
  const first = al.findIndex((line, i) => line !== bl[i]);
  console.error(
    `${label}: the migrations and prisma/schema.prisma disagree. Run \`npm run db:migration:create -- <name>\`.\n` +
      `First difference near:\n  migrations: ${al.slice(Math.max(0, first - 3), first + 3).join(" ")}\n  schema:     ${bl.slice(Math.max(0, first - 3), first + 3).join(" ")}`,
  );
  return false;
}

function schemaSql(provider: "sqlite" | "postgresql"): string {
  const expected = diffSchemas(["--from-empty"], LAYOUTS[provider].schema);
  if (expected.status !== 0) throw new Error(expected.stderr || expected.stdout);
  return expected.stdout;
}

function checkSqlite(): boolean {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-dbcheck-"));
  try {
    const migratedFile = path.join(scratch, "migrated.db");
    const deploy = runPrismaFor("sqlite", ["migrate", "deploy"], `file:${migratedFile}`);
    if (deploy.status !== 0) {
      console.error("SQLite: applying the migrations to an empty database failed:\n" + deploy.stderr + deploy.stdout);
      return false;
    }
    const fromSchema = new Database(":memory:");
    fromSchema.exec(schemaSql("sqlite"));
    const migrated = new Database(migratedFile, { readonly: true });
    try {
      return compare("SQLite", sqliteShape(migrated), sqliteShape(fromSchema));
    } finally {
      migrated.close();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function checkPostgres(): Promise<boolean | "skipped"> {
  const server = await testPostgres();
  if (!server) {
    const reason = postgresUnavailableReason();
    if (env.CI) {
      console.error(`PostgreSQL: required in CI, but ${reason}.`);
      return false;
    }
    console.warn(`⚠ PostgreSQL: NOT checked, ${reason} (docs/postgresql.md).`);
    return "skipped";
  }
  const names = { migrated: "dossier_check_migrated", schema: "dossier_check_schema" };
  try {
    const migratedUrl = await recreateDatabase(server.url, names.migrated);
    const schemaUrl = await recreateDatabase(server.url, names.schema);
    const deploy = runPrismaFor("postgresql", ["migrate", "deploy"], migratedUrl);
    if (deploy.status !== 0) {
      console.error("PostgreSQL: applying the migrations to an empty database failed:\n" + deploy.stderr + deploy.stdout);
      return false;
    }
    const client = new pg.Client({ connectionString: schemaUrl });
    await client.connect();
    try {
      await client.query(schemaSql("postgresql"));
    } finally {
      await client.end();
    }
    return compare("PostgreSQL", await postgresShape(migratedUrl), await postgresShape(schemaUrl));
  } finally {
    for (const name of Object.values(names)) await dropDatabase(server.url, name).catch(() => {});
    await server.stop();
  }
}

writeRenderedSchemas();
const sqliteOk = checkSqlite();
const postgresOk = await checkPostgres();
if (!sqliteOk || postgresOk === false) process.exit(1);
