// `npm run import -- <dir>` as a newsroom runs it: exit codes and messages, on its own database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { scratchCopy } from "../support/content";

function runImport(dir: string, dbFile: string, ...flags: string[]) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/import.ts", ...flags, dir], {
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

  it("lists what a re-import changed, what it kept because the newsroom changed it, and what readers see", () => {
    const own = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dossier-cli-")), "cli.db");
    const dir = scratchCopy("mini");
    expect(runImport(dir, own).stdout).toContain("published: readers see version 1.");
    const sqlite = new Database(own);
    sqlite.prepare("UPDATE Claim SET text = 'Reformulée dans la rédaction.' WHERE key = 'creation'").run();
    sqlite.close();
    const yaml = path.join(dir, "dossier.yaml");
    fs.writeFileSync(yaml, fs.readFileSync(yaml, "utf8").replace(/summary: (.*)/, "summary: $1 Corrigé.").replace("text: Exemple a été créée le 3 mars 2021.", "text: Réécrite dans les fichiers."));
    const run = runImport(dir, own);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("mini: updated");
    expect(run.stdout).toContain("  changed: the dossier's title, summary and language (updated)");
    expect(run.stdout).toContain("  conflict, kept as the newsroom has it: claim creation [text] (changed in the newsroom since the last import)");
    expect(run.stdout).toContain("npm run import -- --overwrite <folder>");
    expect(run.stdout).toContain("readers still see published version 1: an editor publishes these changes from the newsroom.");
    const forced = runImport(dir, own, "--overwrite");
    expect(forced.stdout).toContain("  overwritten (--overwrite): claim creation [text], which the newsroom had changed");
  });

  it("refuses an unknown option", () => {
    const run = runImport(scratchCopy("mini"), dbFile, "--force");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option: --force");
  });

  it("explains its usage when no folder is given", () => {
    const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/import.ts"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${dbFile}` } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: npm run import -- <folder>");
  });
});
