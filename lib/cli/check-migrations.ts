// `npm run db:check`: fails when the committed migrations do not produce the schema in
// prisma/schema.prisma. Prisma's own `migrate diff --from-migrations` cannot run offline in
// adapter mode (docs/decisions/002), so this applies the migrations to one scratch database,
// builds another straight from the schema, and compares their structure.
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runPrisma } from "./prisma-cli";

type Shape = Record<string, unknown>;

function shapeOf(db: Database.Database): Shape {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
    )
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

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-dbcheck-"));
try {
  const migratedFile = path.join(scratch, "migrated.db");
  const deploy = runPrisma(["migrate", "deploy"], { DATABASE_URL: `file:${migratedFile}` });
  if (deploy.status !== 0) {
    console.error("Applying the migrations to an empty database failed:\n" + deploy.stderr + deploy.stdout);
    process.exit(1);
  }
  const expected = runPrisma(
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", path.join("prisma", "schema.prisma"), "--script"],
    { DATABASE_URL: ":memory:" },
  );
  if (expected.status !== 0) {
    console.error(expected.stderr || expected.stdout);
    process.exit(1);
  }
  const fromSchema = new Database(":memory:");
  fromSchema.exec(expected.stdout);
  const migrated = new Database(migratedFile, { readonly: true });
  const a = JSON.stringify(shapeOf(migrated), null, 1);
  const b = JSON.stringify(shapeOf(fromSchema), null, 1);
  migrated.close();
  if (a !== b) {
    const al = a.split("\n");
    const bl = b.split("\n");
    const first = al.findIndex((line, i) => line !== bl[i]);
    console.error(
      "Migrations and prisma/schema.prisma disagree. Run `npm run db:migration:create -- <name>`.\n" +
        `First difference near:\n  migrations: ${al.slice(Math.max(0, first - 3), first + 3).join(" ")}\n  schema:     ${bl.slice(Math.max(0, first - 3), first + 3).join(" ")}`,
    );
    process.exit(1);
  }
  console.log("Migrations and schema agree: no difference detected.");
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
