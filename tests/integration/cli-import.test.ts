// `npm run import -- <dir>` as a newsroom runs it: exit codes and messages, on its own database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { scratchCopy } from "../support/content";

function runImport(dir: string, dbFile: string) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/import.ts", dir], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
  });
}

const countDossiers = (dbFile: string) => {
  const sqlite = new Database(dbFile, { readonly: true });
  try {
    return (sqlite.prepare("SELECT count(*) AS n FROM Dossier").get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
};

describe("npm run import", () => {
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dossier-cli-")), "cli.db");

  it("rejects an invalid folder with file, line, field and reason, exits 1 and writes nothing", () => {
    const broken = scratchCopy("mini", { yaml: (y) => y.replace("kind: official-record", "kind: rumour") });
    const run = runImport(broken, dbFile);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Nothing was imported: 1 problem(s) found.");
    expect(run.stderr).toMatch(/mini\/dossier\.yaml:\d+: sources\[0\]\.kind: /);
    expect(countDossiers(dbFile)).toBe(0);
  });

  it("imports a valid folder, then reports it unchanged the second time", () => {
    const dir = scratchCopy("mini");
    const first = runImport(dir, dbFile);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("mini: created (2 claims, 2 sources");
    const second = runImport(dir, dbFile);
    expect(second.stdout).toContain("mini: unchanged");
    expect(countDossiers(dbFile)).toBe(1);
  });

  it("explains its usage when no folder is given", () => {
    const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/import.ts"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${dbFile}` } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: npm run import -- <folder>");
  });
});
