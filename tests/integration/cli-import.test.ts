// `npm run import -- <dir>` as a newsroom runs it: exit codes and messages, on its own database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@/lib/server/db";
import { scratchCopy } from "../support/content";
import { scratchDatabase } from "../support/db";

// PUBLIC_URL names an address where no server runs: the import says which one it tried.
const NOBODY = "http://127.0.0.1:9";

function runImport(dir: string, databaseUrl: string, ...flags: string[]) {
  return runImportWith({}, dir, databaseUrl, ...flags);
}

function runImportWith(env: Record<string, string>, dir: string, databaseUrl: string, ...flags: string[]) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/import.ts", ...flags, dir], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, PUBLIC_URL: NOBODY, ...env },
  });
}

describe("npm run import", () => {
  // Its own database (of the run's kind), created by the command's own migrations.
  let databaseUrl: string;
  let client: ReturnType<typeof createClient>;
  beforeAll(async () => {
    databaseUrl = await scratchDatabase("cli_import");
    client = createClient(databaseUrl);
  });
  afterAll(() => client.$disconnect());
  const countDossiers = () => client.dossier.count();

  it("rejects an invalid folder with file, line, field and reason, exits 1 and writes nothing", async () => {
    const broken = scratchCopy("mini", { yaml: (y) => y.replace("kind: official-record", "kind: rumour") });
    const run = runImport(broken, databaseUrl);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Nothing was imported: 1 problem(s) found.");
    expect(run.stderr).toMatch(/mini\/dossier\.yaml:\d+: sources\[0\]\.kind: /);
    expect(await countDossiers()).toBe(0);
  });

  it("imports a valid folder, then reports it unchanged the second time", async () => {
    const dir = scratchCopy("mini");
    const first = runImport(dir, databaseUrl);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("mini: created (2 claims, 2 sources");
    expect(first.stdout).toContain(`No running server answered at ${NOBODY}/api/internal/revalidate (set PUBLIC_URL, or PORT,`);
    const second = runImport(dir, databaseUrl);
    expect(second.stdout).toContain("mini: unchanged");
    expect(await countDossiers()).toBe(1);
  });

  it("lists what a re-import changed, what it kept because the newsroom changed it, and what readers see", async () => {
    const own = await scratchDatabase("cli_reimport");
    const dir = scratchCopy("mini");
    expect(runImport(dir, own).stdout).toContain("published: readers see version 1.");
    const ownClient = createClient(own);
    // A change made in the newsroom since the import (written directly, as the app's save would).
    await ownClient.claim.updateMany({ where: { key: "creation" }, data: { text: "Reformulée dans la rédaction." } });
    await ownClient.$disconnect();
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
    // Three CLI runs, each starting Node and migrating: over 30 s on a busy PostgreSQL machine.
  }, 180_000);

  it("refuses an author or decider who is not a member, with file, line and field, and writes nothing (demo mode off)", async () => {
    const own = await scratchDatabase("cli_members");
    // The demo journalist's address: with demo mode off the import creates nobody, so it is unknown.
    const dir = scratchCopy("mini", {
      yaml: (y) => y.replace("  - key: creation\n", "  - key: creation\n    author: journalist@example.com\n").replace("        decidedAt: 2024-01-08\n", "        decidedAt: 2024-01-08\n        decidedBy: ghost@example.com\n"),
    });
    const refused = runImportWith({ DEMO_MODE: "off" }, dir, own);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Nothing was imported: 2 problem(s) found.");
    expect(refused.stderr).toMatch(/mini\/dossier\.yaml:\d+: claims\[0\]\.author: journalist@example\.com is not a member of this newsroom/);
    expect(refused.stderr).toMatch(/mini\/dossier\.yaml:\d+: claims\[0\]\.verdicts\[0\]\.decidedBy: ghost@example\.com is not a member of this newsroom/);
    const ownClient = createClient(own);
    try {
      expect(await ownClient.dossier.count()).toBe(0);
      // Once both are members (a deactivated one counts: the record keeps who did what), the same files import, authors kept.
      await ownClient.user.create({ data: { email: "journalist@example.com", name: "Julie", role: "journalist", emailVerified: true } });
      await ownClient.user.create({ data: { email: "ghost@example.com", name: "Gaston", role: "editor", emailVerified: true, disabledAt: new Date() } });
      const run = runImportWith({ DEMO_MODE: "off" }, dir, own);
      expect(run.status, run.stderr).toBe(0);
      const claim = await ownClient.claim.findFirstOrThrow({ where: { key: "creation" }, select: { author: { select: { email: true } } } });
      expect(claim.author?.email).toBe("journalist@example.com");
    } finally {
      await ownClient.$disconnect();
    }
  }, 180_000);

  it("refuses an unknown option", () => {
    const run = runImport(scratchCopy("mini"), databaseUrl, "--force");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option: --force");
  });

  it("explains its usage when no folder is given", () => {
    const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/import.ts"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: npm run import -- <folder>");
  });
});
