// No N+1: the newsroom's heaviest reads run the same number of SQL statements whatever the number
// of claims (issue 13; the benchmark, npm run bench -- --only=db, measures their time at 5,000
// claims). Counted at the driver adapter, so every statement the ORM sends is seen.
import { beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { statementCount } from "@/lib/server/db";
import { getVerificationProgress } from "../support/use-cases";
import { listDeskClaims } from "@/lib/server/desk/list-desk-claims";
import { getArticleEditor } from "@/lib/server/dossiers/get-article-editor";
import { getDossierWorkspace } from "@/lib/server/dossiers/get-dossier-workspace";
import { getPublishedDossier } from "@/lib/server/reader/get-published-dossier";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeSyntheticDossier } from "../bench/synthetic";
import { db, provider, resetDatabase } from "../support/db";
import { demoActors } from "../support/newsroom";

beforeEach(resetDatabase);

async function statementsOf(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm: the first call may load the auth instance or the vocabulary
  const before = statementCount();
  await fn();
  return statementCount() - before;
}

async function importSynthetic(slug: string, claims: number, publish = false) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-counts-"));
  // A published dossier has every claim checked; a draft has some waiting.
  const folder = writeSyntheticDossier(dir, slug, claims, publish ? {} : { uncheckedEvery: 3 });
  if (publish) fs.writeFileSync(path.join(folder, "dossier.yaml"), fs.readFileSync(path.join(folder, "dossier.yaml"), "utf8").replace("status: draft", "status: published\npublishedAt: 2024-01-02"));
  const result = await importContentFolder(SYSTEM_IMPORT, folder);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 2)));
}

describe(`statements per page, independent of the number of claims (${provider})`, () => {
  it("the claims desk and its verification progress", { timeout: 120_000 }, async () => {
    const { editor } = await demoActors();
    // One after the other: the counter is the process's.
    const measure = async () => [
      await statementsOf(() => listDeskClaims(editor, {})),
      await statementsOf(() => listDeskClaims(editor, { verdict: "unchecked" })),
      await statementsOf(() => getVerificationProgress(editor, {})),
    ];
    for (let d = 0; d < 3; d++) await importSynthetic(`small-${d}`, 8);
    const small = await measure();
    await db.dossier.deleteMany({});
    for (let d = 0; d < 3; d++) await importSynthetic(`large-${d}`, 40);
    expect(await measure()).toEqual(small);
  });

  it("a dossier's workspace, its article editor and its reader page", { timeout: 120_000 }, async () => {
    const { journalist } = await demoActors();
    const measure = async (slug: string) => [
      await statementsOf(() => getDossierWorkspace(journalist, slug)),
      await statementsOf(() => getArticleEditor(journalist, slug)),
      await statementsOf(() => getPublishedDossier(slug)),
    ];
    await importSynthetic("ten", 10, true);
    await importSynthetic("hundred", 100, true);
    expect(await measure("hundred")).toEqual(await measure("ten"));
  });
});
