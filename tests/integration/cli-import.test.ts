// `npm run import -- <dir>` as a newsroom runs it: exit codes and messages, on its own database.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@/lib/server/db";
import { scratchCopy } from "../support/content";
import { scratchDatabase } from "../support/db";

function runImport(dir: string, databaseUrl: string) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/import.ts", dir], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
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
    const second = runImport(dir, databaseUrl);
    expect(second.stdout).toContain("mini: unchanged");
    expect(await countDossiers()).toBe(1);
  });

  it("explains its usage when no folder is given", () => {
    const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/import.ts"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: npm run import -- <folder>");
  });
});
