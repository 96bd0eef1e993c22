import "server-only";
// `npm run backup -- <file>`: a consistent copy of a running installation (docs/backup.md). The
// database is copied online — SQLite's backup API (better-sqlite3), which copies a consistent
// snapshot while the server keeps writing; `pg_dump`, which reads in one repeatable-read snapshot —
// then every stored file. Written to <file>.partial and renamed at the end: a file with the final
// name is always a complete backup.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import Database from "better-sqlite3";
import tar from "tar-stream";
import { databaseProviderOf } from "@/lib/env";
import type { Actor } from "../actor";
import { AppError } from "@/lib/domain/errors";
import type { Storage } from "../storage/types";
import { BACKUP_FORMAT, DATABASE_ENTRY, MANIFEST, STORAGE_PREFIX, databaseContents, postgresTool, sqliteFile, type BackupManifest } from "./backup-format";

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  bytes: number;
}

export async function createBackup(actor: Actor, options: { databaseUrl: string; storage: Storage; file: string; log?: (line: string) => void }): Promise<BackupResult> {
  if (actor.kind !== "system") throw new AppError("FORBIDDEN", "Backups are made by whoever runs the installation (npm run backup).");
  const log = options.log ?? (() => {});
  const provider = databaseProviderOf(options.databaseUrl);
  if (!provider) throw new Error("DATABASE_URL is not a database URL (file:… or postgresql://…).");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-backup-"));
  const partial = `${options.file}.partial`;
  try {
    const dbCopy = path.join(work, "database");
    if (provider === "sqlite") {
      const source = sqliteFile(options.databaseUrl);
      if (!fs.existsSync(source)) throw new Error(`There is no database at ${source}: nothing to back up.`);
      log(`▸ Copying the SQLite database ${source} (online backup)`);
      const sqlite = new Database(source, { readonly: true, fileMustExist: true });
      try {
        // All pages in one step: SQLite restarts a step-by-step backup whenever another connection
        // writes, which on a busy newsroom could go on for ever; one step reads one snapshot
        // (writers carry on meanwhile: the database is in WAL mode).
        await sqlite.backup(dbCopy, { progress: () => 0x7fffffff });
      } finally {
        sqlite.close();
      }
    } else {
      log("▸ Dumping the PostgreSQL database (pg_dump, one consistent snapshot)");
      const dump = spawnSync(postgresTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${dbCopy}`, `--dbname=${options.databaseUrl}`], { encoding: "utf8" });
      if (dump.status !== 0) throw new Error(`pg_dump failed: ${(dump.stderr || dump.stdout || String(dump.error)).trim()}`);
    }
    // What the copy holds (SQLite: read from the copy; PostgreSQL: from the database just dumped).
    const contents = await databaseContents(provider === "sqlite" ? `file:${dbCopy}` : options.databaseUrl, provider);

    const objects: { key: string; size: number }[] = [];
    for await (const o of options.storage.list()) objects.push(o);
    objects.sort((a, b) => a.key.localeCompare(b.key));
    const manifest: BackupManifest = {
      kind: "dossier-backup",
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      database: { provider, entry: DATABASE_ENTRY[provider], migrations: contents.migrations, rows: contents.rows },
      storage: { kind: options.storage.kind, objects: objects.length, bytes: objects.reduce((n, o) => n + o.size, 0) },
    };

    fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
    const pack = tar.pack();
    const written = pipeline(pack, createGzip(), fs.createWriteStream(partial));
    const add = (name: string, bytes: Buffer | Uint8Array) =>
      new Promise<void>((resolve, reject) => pack.entry({ name, size: bytes.byteLength, mode: 0o600 }, Buffer.from(bytes), (e) => (e ? reject(e) : resolve())));
    await add(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)));
    await new Promise<void>((resolve, reject) => {
      const entry = pack.entry({ name: DATABASE_ENTRY[provider], size: fs.statSync(dbCopy).size, mode: 0o600 }, (e) => (e ? reject(e) : resolve()));
      fs.createReadStream(dbCopy).on("error", reject).pipe(entry);
    });
    log(`▸ Copying ${objects.length} stored file(s)`);
    for (const o of objects) {
      const bytes = await options.storage.get(o.key);
      if (!bytes) throw new Error(`The stored file ${o.key} disappeared during the backup.`);
      await add(`${STORAGE_PREFIX}${o.key}`, bytes);
    }
    pack.finalize();
    await written;
    fs.renameSync(partial, options.file);
    return { file: options.file, manifest, bytes: fs.statSync(options.file).size };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
