// `npm run export` and `npm run import` of the export, as a newsroom runs them: from one database
// to another (each of the run's kind), the dossier comes back the same.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@/lib/server/db";
import { scratchDatabase } from "../support/db";
import { dossierRecord } from "../support/export";

const SAMPLE = path.join(process.cwd(), "content", "dossiers", "mistral-ai");
const run = (script: string, databaseUrl: string, ...args: string[]) =>
  spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", `lib/cli/${script}.ts`, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } });

describe("npm run export", () => {
  let from: string;
  let to: string;
  let out: string;
  beforeAll(async () => {
    from = await scratchDatabase("cli_export_from");
    to = await scratchDatabase("cli_export_to");
    out = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-cli-export-"));
    expect(run("import", from, SAMPLE).status).toBe(0);
  }, 120_000);
  const clients: ReturnType<typeof createClient>[] = [];
  afterAll(() => Promise.all(clients.map((c) => c.$disconnect())));

  // Several CLI runs per test, each starting Node and migrating: slow on a busy machine.
  it("explains its usage, refuses unknown options and unknown dossiers", { timeout: 120_000 }, () => {
    expect(run("export", from).stderr).toContain("Usage: npm run export -- <slug> <folder>");
    expect(run("export", from, "--secret", "mistral-ai", out).stderr).toContain("Unknown option: --secret");
    const missing = run("export", from, "nothing-here", out);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('No dossier "nothing-here"');
  });

  it("writes the dossier without confidential identities by default, and says so", { timeout: 180_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-cli-export-plain-"));
    const result = run("export", from, "mistral-ai", dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("It holds no confidential identity or note");
    expect(fs.readFileSync(path.join(dir, "mistral-ai", "dossier.yaml"), "utf8")).not.toContain("Identité consignée");
    // An earlier export is not replaced without --force.
    expect(run("export", from, "mistral-ai", dir).stderr).toContain("already exists and is not empty");
    expect(run("export", from, "--force", "mistral-ai", dir).status).toBe(0);
  });

  it("with --confidential, exports everything; importing it into an empty database restores the same dossier", { timeout: 240_000 }, async () => {
    const exported = run("export", from, "--confidential", "mistral-ai", out);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain("It CONTAINS confidential sources' titles, identities and notes");
    const imported = run("import", to, path.join(out, "mistral-ai"));
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("mistral-ai: restored from an export");
    expect(imported.stdout).toContain("readers see published version 1, as before the export.");
    const a = createClient(from);
    const b = createClient(to);
    clients.push(a, b);
    expect(await dossierRecord("mistral-ai", b)).toEqual(await dossierRecord("mistral-ai", a));
    // A second import of the same export changes nothing and says why.
    const again = run("import", to, path.join(out, "mistral-ai"));
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('the dossier "mistral-ai" already exists in this database');
  });
});
