// `npm run db:migration:create -- <name>`: writes the SQL that takes the last migrated schema
// (prisma/migrations/schema.snapshot.prisma) to prisma/schema.prisma, then updates the snapshot.
// `prisma migrate dev` cannot do this offline in adapter mode (docs/decisions/002).
import fs from "node:fs";
import path from "node:path";
import { runPrisma } from "./prisma-cli";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:create -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const migrationsDir = path.join("prisma", "migrations");
const snapshot = path.join(migrationsDir, "schema.snapshot.prisma");
const from = fs.existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
const diff = runPrisma(
  ["migrate", "diff", ...from, "--to-schema-datamodel", path.join("prisma", "schema.prisma"), "--script"],
  { DATABASE_URL: ":memory:" },
);
if (diff.status !== 0) {
  console.error(diff.stderr || diff.stdout);
  process.exit(1);
}
const sql = diff.stdout.trim();
if (sql === "" || sql === "-- This is an empty migration.") {
  console.log("The schema has not changed since the last migration: nothing to create.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
fs.copyFileSync(path.join("prisma", "schema.prisma"), snapshot);
const lock = path.join(migrationsDir, "migration_lock.toml");
if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "sqlite"\n');
console.log(`Created ${dir}/migration.sql and updated the snapshot.`);
