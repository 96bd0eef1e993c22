// `npm run db:copy -- --from <DATABASE_URL> --to <DATABASE_URL>`: moves a newsroom from one
// database to another — typically its SQLite file to a fresh PostgreSQL database. Every table is
// copied (users and sessions, dossiers with their revisions, claims, verdict history, proposals,
// evidence, sources, the audit log, notifications, settings), in one transaction on the target,
// parents before children; then each table is compared row by row (count and checksum).
// It refuses, and changes nothing, when the target already holds data or the source has
// migrations to apply. The source is only read.
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { databaseProviderOf } from "@/lib/env";
import { createClient, type Db } from "@/lib/server/db";
import { migrate, pendingMigrations, redact } from "./migrate";

const BATCH = 500;

export interface TableReport {
  table: string;
  rows: number;
  /** Equal counts and checksums on both sides. */
  verified: boolean;
}

interface Table {
  name: string;
  primaryKey: string[];
  parents: string[];
}

type Row = Record<string, unknown>;
type Delegate = {
  findMany(args: { orderBy: Record<string, "asc">[]; skip: number; take: number }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  count(): Promise<number>;
};

const delegate = (client: Pick<Db, "user">, table: string) => (client as unknown as Record<string, Delegate>)[table[0]!.toLowerCase() + table.slice(1)]!;

/** Tables, primary keys and foreign keys, read from the (migrated) database's own catalogue. */
async function tablesOf(client: Db, url: string): Promise<Table[]> {
  // The search index (search_* tables, outside Prisma: docs/decisions/080) is derived data: the
  // target builds its own at its first start or search.
  return (await catalogue(client, url)).filter((t) => !t.name.startsWith("search_"));
}

async function catalogue(client: Db, url: string): Promise<Table[]> {
  const q = <T>(sql: string, ...args: unknown[]) => client.$queryRawUnsafe<T[]>(sql, ...args);
  if (databaseProviderOf(url) === "postgresql") {
    const names = await q<{ name: string }>("SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'");
    const fks = await q<{ child: string; parent: string }>(`SELECT t.relname::text AS child, r.relname::text AS parent FROM pg_constraint c
      JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`);
    const pks = await q<{ tbl: string; col: string; pos: number }>(`SELECT t.relname::text AS tbl, a.attname::text AS col, array_position(i.indkey, a.attnum)::int AS pos
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indisprimary AND t.relnamespace = current_schema()::regnamespace`);
    return names.map(({ name }) => ({
      name,
      primaryKey: pks.filter((p) => p.tbl === name).sort((a, b) => a.pos - b.pos).map((p) => p.col),
      parents: fks.filter((f) => f.child === name && f.parent !== name).map((f) => f.parent),
    }));
  }
  const names = await q<{ name: string }>("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'");
  const tables: Table[] = [];
  for (const { name } of names) {
    const columns = await q<{ name: string; pk: number | bigint }>(`SELECT name, pk FROM pragma_table_info(?)`, name);
    const fks = await q<{ table: string }>(`SELECT "table" FROM pragma_foreign_key_list(?)`, name);
    tables.push({
      name,
      primaryKey: columns.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((c) => c.name),
      parents: fks.map((f) => f.table).filter((t) => t !== name),
    });
  }
  return tables;
}

/** Parents before children (the foreign keys stay enforced during the copy). */
function parentsFirst(tables: Table[]): Table[] {
  const ordered: Table[] = [];
  const placed = new Set<string>();
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length) {
    const ready = remaining.filter((t) => t.parents.every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle between ${remaining.map((t) => t.name).join(", ")}: cannot order the copy.`);
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.name);
    }
    remaining = remaining.filter((t) => !placed.has(t.name));
  }
  return ordered;
}

/** A value as text that is the same whichever database it was read from. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return value;
}

async function* batches(client: Db, table: Table): AsyncGenerator<Row[]> {
  const orderBy = table.primaryKey.map((column) => ({ [column]: "asc" as const }));
  for (let skip = 0; ; skip += BATCH) {
    const rows = await delegate(client, table.name).findMany({ orderBy, skip, take: BATCH });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < BATCH) return;
  }
}

async function checksum(client: Db, table: Table): Promise<{ rows: number; digest: string }> {
  const hash = createHash("sha256");
  let rows = 0;
  for await (const batch of batches(client, table)) {
    for (const row of batch) {
      hash.update(JSON.stringify(Object.keys(row).sort().map((k) => [k, canonical(row[k])])));
      rows++;
    }
  }
  return { rows, digest: hash.digest("hex") };
}

export async function copyDatabase(from: string, to: string, log: (line: string) => void = console.log): Promise<TableReport[]> {
  if (!databaseProviderOf(from) || !databaseProviderOf(to)) throw new Error("Both --from and --to must be database URLs (file:… or postgresql://…).");
  if (from === to) throw new Error("--from and --to are the same database.");
  const pendingAtSource = await pendingMigrations(from);
  if (pendingAtSource.length > 0) {
    throw new Error(`The source database has ${pendingAtSource.length} migration(s) to apply first (${pendingAtSource.join(", ")}): run \`DATABASE_URL=${redact(from)} npm run db:migrate\`, then copy.`);
  }
  log(`▸ Preparing ${redact(to)} (migrations)`);
  await migrate(to);
  const source = createClient(from);
  const target = createClient(to);
  try {
    const tables = parentsFirst(await tablesOf(source, from));
    const occupied: string[] = [];
    for (const t of tables) if ((await delegate(target, t.name).count()) > 0) occupied.push(t.name);
    if (occupied.length > 0) throw new Error(`The target database is not empty (${occupied.join(", ")} hold rows): copy into a fresh database. Nothing was changed.`);

    log(`▸ Copying ${tables.length} tables from ${redact(from)}`);
    await target.$transaction(
      async (tx) => {
        for (const t of tables) {
          let copied = 0;
          for await (const batch of batches(source, t)) {
            await delegate(tx as unknown as Db, t.name).createMany({ data: batch });
            copied += batch.length;
          }
          if (copied > 0) log(`  ${t.name}: ${copied}`);
        }
      },
      { timeout: 60 * 60_000, maxWait: 30_000 },
    );

    log("▸ Verifying every table (row count and checksum of every row)");
    const reports: TableReport[] = [];
    for (const t of tables) {
      const [a, b] = await Promise.all([checksum(source, t), checksum(target, t)]);
      reports.push({ table: t.name, rows: a.rows, verified: a.rows === b.rows && a.digest === b.digest });
      if (a.rows !== b.rows || a.digest !== b.digest) log(`  ✖ ${t.name}: source ${a.rows} rows, target ${b.rows} rows${a.rows === b.rows ? ", contents differ" : ""}`);
    }
    return reports;
  } finally {
    await Promise.all([source.$disconnect(), target.$disconnect()]);
  }
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const from = argument("from");
  const to = argument("to");
  if (!from || !to) {
    console.error("Usage: npm run db:copy -- --from file:./data/dossier.db --to postgresql://user:password@host:5432/dossier");
    process.exit(2);
  }
  try {
    const reports = await copyDatabase(from, to);
    const bad = reports.filter((r) => !r.verified);
    const rows = reports.reduce((n, r) => n + r.rows, 0);
    console.log(`\n${reports.length} tables, ${rows} rows: ${bad.length === 0 ? "every table verified (equal counts and checksums)." : `${bad.length} table(s) differ!`}`);
    for (const r of reports) console.log(`  ${r.verified ? "✔" : "✖"} ${r.table.padEnd(18)} ${r.rows}`);
    if (bad.length > 0) process.exit(1);
    console.log(`\nStart Dossier on it with DATABASE_URL=${redact(to)} npm start`);
  } catch (e) {
    console.error(`✖ ${(e as Error).message}`);
    process.exit(1);
  }
}
