import "server-only";
// `npm run restore -- [--force] <file>`: puts a backup (create-backup.ts) back (docs/backup.md).
// Everything is read and checked before anything is written: the manifest, the database copy
// (SQLite: integrity check), every stored file against its SHA-256. The target must be the same
// kind of database as the backup's, and empty — a database holding rows is refused unless --force,
// and then a backup of it is made first (nothing is ever lost by restoring). Stored files go back
// into the storage (content-addressed: nothing there is overwritten), then the migrations a newer
// Dossier added since the backup are applied.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import Database from "better-sqlite3";
import pg from "pg";
import tar from "tar-stream";
import { databaseProviderOf } from "@/lib/env";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "../actor";
import type { Storage } from "../storage/types";
import { BackupManifestSchema, MANIFEST, STORAGE_PREFIX, databaseContents, postgresTool, sqliteFile, type BackupManifest } from "./backup-format";
import { createBackup } from "./create-backup";

export interface RestoreOptions {
  databaseUrl: string;
  storage: Storage;
  file: string;
  /** Replace a database that holds data (a backup of it is made first). */
  force?: boolean;
  /** The migrations this version of Dossier has (a backup with others was made by a newer one). */
  knownMigrations: string[];
  /** Applies the committed migrations to the restored database. */
  migrate: (url: string) => Promise<void>;
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  files: number;
  /** The backup of the replaced database, with --force on a database that held data. */
  replacedBackup: string | null;
}

export class RestoreRefused extends Error {}

const KEY = /^sha256\/[0-9a-f]{2}\/([0-9a-f]{64})$/;

export async function restoreBackup(actor: Actor, options: RestoreOptions): Promise<RestoreResult> {
  if (actor.kind !== "system") throw new AppError("FORBIDDEN", "Backups are restored by whoever runs the installation (npm run restore).");
  const log = options.log ?? (() => {});
  const provider = databaseProviderOf(options.databaseUrl);
  if (!provider) throw new RestoreRefused("DATABASE_URL is not a database URL (file:… or postgresql://…).");
  if (!fs.existsSync(options.file)) throw new RestoreRefused(`There is no backup file at ${options.file}.`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-restore-"));
  try {
    log(`▸ Reading and checking ${options.file}`);
    const { manifest, databaseFile, files } = await unpack(options.file, work);
    if (manifest.database.provider !== provider) {
      throw new RestoreRefused(
        `This backup is of a ${manifest.database.provider === "sqlite" ? "SQLite" : "PostgreSQL"} database and DATABASE_URL is a ${provider === "sqlite" ? "SQLite" : "PostgreSQL"} one: restore it into the same kind of database, then move it with npm run db:copy.`,
      );
    }
    const unknown = manifest.database.migrations.filter((m) => !options.knownMigrations.includes(m));
    if (unknown.length) throw new RestoreRefused(`This backup was made by a newer version of Dossier (migrations ${unknown.join(", ")} are not known here): upgrade Dossier first. Nothing was changed.`);
    if (provider === "sqlite") {
      const check = new Database(databaseFile, { readonly: true, fileMustExist: true });
      try {
        const result = check.pragma("integrity_check", { simple: true });
        if (result !== "ok") throw new RestoreRefused(`The database in this backup is damaged (${String(result)}). Nothing was changed.`);
      } finally {
        check.close();
      }
    }

    const target = await databaseContents(options.databaseUrl, provider);
    let replacedBackup: string | null = null;
    if (target.rows > 0) {
      if (!options.force) {
        throw new RestoreRefused(`The target database is not empty (${target.rows} rows): nothing was changed. Restore into an empty database, or pass --force to replace it (a backup of it is made first).`);
      }
      replacedBackup = path.join(path.dirname(path.resolve(options.file)), `before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}.dossier-backup.tar.gz`);
      log(`▸ The target holds data: backing it up first to ${replacedBackup}`);
      await createBackup(actor, { databaseUrl: options.databaseUrl, storage: options.storage, file: replacedBackup, log });
    }

    log("▸ Restoring the database");
    if (provider === "sqlite") {
      const dest = sqliteFile(options.databaseUrl);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const staged = `${dest}.restoring`;
      fs.copyFileSync(databaseFile, staged);
      for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${dest}${suffix}`, { force: true });
      fs.renameSync(staged, dest);
    } else {
      // The database exists (created if needed); its tables make way for the dump's (the target was
      // empty, or backed up above), which is restored in one transaction.
      await options.migrate(options.databaseUrl);
      await dropTables(options.databaseUrl);
      const restore = spawnSync(postgresTool("pg_restore"), ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${options.databaseUrl}`, databaseFile], { encoding: "utf8" });
      if (restore.status !== 0) throw new Error(`pg_restore failed (${(restore.stderr || restore.stdout || String(restore.error)).trim()}); the database is left empty${replacedBackup ? `, and its former content is in ${replacedBackup}` : ""}.`);
    }

    log(`▸ Restoring ${files.length} stored file(s)`);
    for (const f of files) await options.storage.put(f.key, fs.readFileSync(f.path), "application/octet-stream");
    await options.migrate(options.databaseUrl);
    return { manifest, files: files.length, replacedBackup };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function dropTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query<{ name: string }>("SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema()")).rows;
    if (tables.length) await client.query(`DROP TABLE ${tables.map((t) => `"${t.name.replace(/"/g, '""')}"`).join(", ")} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Extracts the archive into `work`, checking every entry; refuses anything it does not expect. */
async function unpack(file: string, work: string): Promise<{ manifest: BackupManifest; databaseFile: string; files: { key: string; path: string }[] }> {
  let manifest: BackupManifest | null = null;
  let databaseFile: string | null = null;
  const files: { key: string; path: string }[] = [];
  const extract = tar.extract();
  extract.on("entry", (header, stream, next) => {
    const done = (error?: Error) => {
      if (error) extract.destroy(error);
      else next();
    };
    // A cut archive fails the entry being read too: the pipeline below reports it.
    stream.on("error", () => {});
    const chunks: Buffer[] = [];
    const hash = createHash("sha256");
    stream.on("data", (c) => {
      if (!Buffer.isBuffer(c)) return;
      if (header.name === MANIFEST) chunks.push(c);
      else hash.update(c);
    });
    if (header.name === MANIFEST) {
      stream.on("end", () => {
        try {
          const parsed = BackupManifestSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
          if (!parsed.success) return done(new RestoreRefused(`${file} is not a Dossier backup this version can read (its manifest: ${parsed.error.issues[0]!.message}).`));
          manifest = parsed.data;
          done();
        } catch {
          done(new RestoreRefused(`${file} is not a Dossier backup (its manifest is not JSON).`));
        }
      });
      return;
    }
    if (!manifest) return done(new RestoreRefused(`${file} is not a Dossier backup (${MANIFEST} must come first).`));
    if (header.name === manifest.database.entry) {
      databaseFile = path.join(work, "database");
      stream.pipe(fs.createWriteStream(databaseFile)).on("finish", () => done()).on("error", done);
      return;
    }
    const key = header.name.startsWith(STORAGE_PREFIX) ? header.name.slice(STORAGE_PREFIX.length) : null;
    const match = key ? KEY.exec(key) : null;
    if (!key || !match) return done(new RestoreRefused(`${file} holds an unexpected entry (${header.name.slice(0, 120)}): not restored, nothing was changed.`));
    const out = path.join(work, "files", match[1]!);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    stream.pipe(fs.createWriteStream(out)).on("error", done).on("finish", () => {
      if (hash.digest("hex") !== match[1]) return done(new RestoreRefused(`The stored file ${key} in ${file} does not match its SHA-256: the backup is damaged. Nothing was changed.`));
      files.push({ key, path: out });
      done();
    });
  });
  try {
    await pipeline(fs.createReadStream(file), createGunzip(), extract);
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(`${file} cannot be read as a Dossier backup (${(error as Error).message}). Nothing was changed.`);
  }
  const m = manifest as BackupManifest | null;
  if (!m) throw new RestoreRefused(`${file} is not a Dossier backup (no ${MANIFEST}).`);
  if (!databaseFile) throw new RestoreRefused(`${file} holds no database (${m.database.entry}): it is incomplete. Nothing was changed.`);
  if (files.length !== m.storage.objects) throw new RestoreRefused(`${file} holds ${files.length} stored files, its manifest says ${m.storage.objects}: it is incomplete. Nothing was changed.`);
  return { manifest: m, databaseFile, files };
}
