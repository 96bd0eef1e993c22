// `npm run backup` and `npm run restore` as an installation runs them, on the run's kind of
// database: a copy made while the newsroom keeps writing restores into an empty database and an
// empty storage as the same newsroom; a database holding data is refused without --force, and
// --force backs it up before replacing it; a damaged backup changes nothing.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@/lib/server/db";
import { localStorage } from "@/lib/server/storage/local";
import { keyForHash, sha256Hex } from "@/lib/server/storage";
import { listKeys } from "../support/archive";
import { provider, scratchDatabase } from "../support/db";
import { dossierRecord } from "../support/export";

const run = async (script: string, env: { DATABASE_URL: string; STORAGE_DIR: string }, ...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", `lib/cli/${script}.ts`, ...args], { encoding: "utf8", env: { ...process.env, ...env } });
    return { status: 0, stdout, stderr };
  } catch (e) {
    const error = e as { code?: number; stdout?: string; stderr?: string };
    return { status: error.code ?? 1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" };
  }
};

const SAMPLE = path.join(process.cwd(), "content", "dossiers", "mistral-ai");
const scratchDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `dossier-${name}-`));

describe(`npm run backup / restore (${provider})`, () => {
  const clients: ReturnType<typeof createClient>[] = [];
  const client = (url: string) => {
    const c = createClient(url);
    clients.push(c);
    return c;
  };
  afterAll(() => Promise.all(clients.map((c) => c.$disconnect())));

  let live: { DATABASE_URL: string; STORAGE_DIR: string };
  let backupFile: string;
  const pdf = Buffer.from("%PDF-1.4\n% a document of the evidence vault\n");
  beforeAll(async () => {
    live = { DATABASE_URL: await scratchDatabase("backup_live"), STORAGE_DIR: scratchDir("backup-live-storage") };
    const imported = await run("import", live, SAMPLE);
    expect(imported.status, imported.stderr).toBe(0);
    // A stored file, and the document row that refers to it.
    const db = client(live.DATABASE_URL);
    await localStorage(live.STORAGE_DIR).put(keyForHash(sha256Hex(pdf)), pdf, "application/pdf");
    const source = await db.source.findFirstOrThrow({ where: { confidential: false }, select: { id: true, dossierId: true } });
    await db.document.create({ data: { dossierId: source.dossierId, sourceId: source.id, filename: "statuts.pdf", mediaType: "application/pdf", size: pdf.byteLength, sha256: sha256Hex(pdf) } });
    backupFile = path.join(scratchDir("backups"), "dossier.tar.gz");
  }, 120_000);

  it("copies the database while it is being written, with every stored file", { timeout: 180_000 }, async () => {
    const db = client(live.DATABASE_URL);
    const user = await db.user.create({ data: { email: "busy@example.org", name: "Busy", role: "journalist" }, select: { id: true } });
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        await db.notification.create({ data: { userId: user.id, kind: "test", message: `write ${writes}` } });
        writes++;
        // A macrotask between writes (SQLite's driver is synchronous: without it, nothing else runs).
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const result = await run("backup", live, backupFile);
    writing = false;
    await writer;
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/✔ Backed up .* and 1 stored file\(s\) to /);
    expect(fs.existsSync(`${backupFile}.partial`)).toBe(false);
    expect(writes).toBeGreaterThan(0);
    // An existing file is not replaced without --force.
    expect((await run("backup", live, backupFile)).stderr).toContain("already exists");
  });

  it("restores into an empty database and storage as the same newsroom", { timeout: 180_000 }, async () => {
    const target = { DATABASE_URL: await scratchDatabase("backup_target"), STORAGE_DIR: scratchDir("backup-target-storage") };
    const restored = await run("restore", target, backupFile);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("✔ Restored the backup of");
    const a = client(live.DATABASE_URL);
    const b = client(target.DATABASE_URL);
    expect(await dossierRecord("mistral-ai", b)).toEqual(await dossierRecord("mistral-ai", a));
    expect(await b.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, role: true } })).toEqual(await a.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, role: true } }));
    expect(await b.auditLog.count()).toBe(await a.auditLog.count());
    // The writes that went on during the backup: what was committed before the copy, nothing torn.
    const copied = await b.notification.count();
    expect(copied).toBeLessThanOrEqual(await a.notification.count());
    expect(await b.notification.count({ where: { message: `write ${copied - 1}` } })).toBe(copied > 0 ? 1 : 0);
    expect(await listKeys(localStorage(target.STORAGE_DIR))).toEqual(await listKeys(localStorage(live.STORAGE_DIR)));

    // Restoring again over it is refused, and changes nothing.
    const again = await run("restore", target, backupFile);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("The target database is not empty");
    expect(await b.notification.count()).toBe(copied);
  });

  it("--force replaces a database that holds data, after backing it up", { timeout: 180_000 }, async () => {
    const target = { DATABASE_URL: await scratchDatabase("backup_forced"), STORAGE_DIR: scratchDir("backup-forced-storage") };
    expect((await run("import", target, path.join(process.cwd(), "tests", "fixtures", "content", "mini"))).status).toBe(0);
    const forced = await run("restore", target, "--force", backupFile);
    expect(forced.status, forced.stderr).toBe(0);
    const saved = /backed up first to (.*)\./.exec(forced.stdout)?.[1];
    expect(saved && fs.existsSync(saved)).toBeTruthy();
    const b = client(target.DATABASE_URL);
    expect(await b.dossier.findMany({ select: { slug: true } })).toEqual([{ slug: "mistral-ai" }]);
    // The replaced database is in that backup: restoring it gives it back.
    const back = { DATABASE_URL: await scratchDatabase("backup_back"), STORAGE_DIR: scratchDir("backup-back-storage") };
    expect((await run("restore", back, saved!)).status).toBe(0);
    expect(await client(back.DATABASE_URL).dossier.findMany({ select: { slug: true } })).toEqual([{ slug: "mini" }]);
  });

  it("refuses a damaged or foreign file and changes nothing", { timeout: 120_000 }, async () => {
    const target = { DATABASE_URL: await scratchDatabase("backup_damaged"), STORAGE_DIR: scratchDir("backup-damaged-storage") };
    const damaged = path.join(scratchDir("damaged"), "cut.tar.gz");
    const bytes = fs.readFileSync(backupFile);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cut = await run("restore", target, damaged);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/cannot be read as a Dossier backup|incomplete/);
    const foreign = path.join(scratchDir("foreign"), "notes.txt");
    fs.writeFileSync(foreign, "not a backup");
    expect((await run("restore", target, foreign)).stderr).toContain("cannot be read as a Dossier backup");
    expect(await listKeys(localStorage(target.STORAGE_DIR))).toEqual([]);
    expect((await run("restore", target)).stderr).toContain("Usage: npm run restore");
  });
});
