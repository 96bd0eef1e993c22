// Issue 10, item 2 (docs/decisions/100): the importer writes each dossier in short steps, so the
// newsroom keeps writing beside it. What it still guarantees: every refusal is found before the
// first write (one refused dossier in a folder → nothing written, the others included), readers
// never see half an import, and a first import stopped half-way is completed by running it again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";
import { beforeEach, describe, expect, it } from "vitest";
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { loadDossierFolder } from "@/lib/content/load-dossier-folder";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { importDossierIn, importSteps, type ImportStep } from "@/lib/server/content/import-dossier";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { getPublishedDossier } from "@/lib/server/reader/get-published-dossier";
import { writeSyntheticDossier } from "../bench/synthetic";
import { db, resetDatabase } from "../support/db";
import { tableCounts } from "../support/newsroom";

beforeEach(resetDatabase);

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), "dossier-steps-"));
const editYaml = (folder: string, fn: (data: Record<string, unknown>) => void) => {
  const file = path.join(folder, "dossier.yaml");
  const data = parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  fn(data);
  fs.writeFileSync(file, stringify(data));
};

describe("checked before anything is written", () => {
  it("refuses a folder where one dossier fails the publish gate, writing none of them", async () => {
    const parent = scratch();
    writeSyntheticDossier(parent, "good-one", 30);
    // Marked published with one claim unchecked: the publish gate of a first import refuses it.
    const bad = writeSyntheticDossier(parent, "bad-one", 30, { uncheckedEvery: 29 });
    editYaml(bad, (d) => {
      d.status = "published";
      d.publishedAt = "2024-02-01";
    });
    const before = await tableCounts();
    const result = await importContentFolder(SYSTEM_IMPORT, parent);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ file: expect.stringContaining(bad), field: expect.stringMatching(/^claims\[0\]\.verdicts/) }), expect.objectContaining({ field: expect.stringMatching(/^claims\[29\]\.verdicts/) })]);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("written in steps", () => {
  it("writes a 300-claim dossier in many short transactions, and reports progress inside it", async () => {
    const folder = writeSyntheticDossier(scratch(), "stepped", 300);
    let steps = 0;
    const counting: ImportStep = (work) => {
      steps++;
      return importSteps(work);
    };
    const loaded = loadDossierFolder(folder, verdictVocabulary());
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const progress: string[] = [];
    const summary = await importDossierIn(counting, SYSTEM_IMPORT, loaded.dossier, {}, (what, done, total) => progress.push(`${what} ${done}/${total}`));
    expect(summary).toMatchObject({ outcome: "created", counts: { claims: 300 } });
    expect(steps).toBeGreaterThan(3);
    expect(progress).toContain("claims 300/300");
    expect(await db.claim.count()).toBe(300);
    expect((await db.dossier.findUniqueOrThrow({ where: { slug: "stepped" }, select: { importHash: true } })).importHash).toBe(loaded.dossier.hash);
  });

  it("completes a first import stopped half-way when it runs again, and publishes it only then", async () => {
    const folder = writeSyntheticDossier(scratch(), "interrupted", 120);
    editYaml(folder, (d) => {
      d.status = "published";
      d.publishedAt = "2024-02-01";
    });
    const loaded = loadDossierFolder(folder, verdictVocabulary());
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    // The process dies after a few steps (a kill, a full disk): the step that fails writes nothing.
    let steps = 0;
    const dying: ImportStep = (work) => {
      if (++steps === 4) throw new Error("killed");
      return importSteps(work);
    };
    await expect(importDossierIn(dying, SYSTEM_IMPORT, loaded.dossier)).rejects.toThrow("killed");
    const half = await db.dossier.findUniqueOrThrow({ where: { slug: "interrupted" }, select: { status: true, importHash: true } });
    expect(half.status).toBe("draft");
    expect(half.importHash).toBe(`pending:${loaded.dossier.hash}`);
    expect(await db.claim.count()).toBeLessThan(120);
    await expect(getPublishedDossier("interrupted")).rejects.toMatchObject({ code: "NOT_FOUND" }); // readers see nothing of it

    const again = await importContentFolder(SYSTEM_IMPORT, folder);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.imported[0]).toMatchObject({ outcome: "created", publication: { publishedNow: true, version: 1 } });
    expect(await db.claim.count()).toBe(120);
    expect(await db.verdictChange.count()).toBe(120); // each verdict once, none twice
    expect(await db.evidence.count()).toBe(120);
    const done = await db.dossier.findUniqueOrThrow({ where: { slug: "interrupted" }, select: { status: true, importHash: true } });
    expect(done).toEqual({ status: "published", importHash: loaded.dossier.hash });
    expect((await importContentFolder(SYSTEM_IMPORT, folder)).ok && (await db.publishedVersion.count())).toBe(1);
  });
});
