// The importer is a write path like the newsroom's (issue 9): a first import marked published goes
// through the publish gate; imported verdicts follow the verdict and corrections rules; a
// re-import never publishes, republishes or unpublishes, and never silently undoes newsroom work.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { listDeskClaims } from "@/lib/server/desk/list-desk-claims";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { unpublishDossier } from "../support/use-cases";
import { deleteQuestion } from "@/lib/server/questions/delete-question";
import { getPublishedDossier } from "@/lib/server/reader/get-published-dossier";
import { updateSource } from "@/lib/server/sources/update-source";
import { db, resetDatabase } from "../support/db";
import { demoActors, tableCounts, type Actors } from "../support/newsroom";

const SAMPLE = path.join(process.cwd(), "content", "dossiers", "mistral-ai");

let a: Actors;
let dir: string;
beforeEach(async () => {
  await resetDatabase();
  a = await demoActors();
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dossier-reimport-")), "mistral-ai");
  fs.cpSync(SAMPLE, dir, { recursive: true });
});

const editFile = (file: "dossier.yaml" | "article.md", fn: (text: string) => string) => fs.writeFileSync(path.join(dir, file), fn(fs.readFileSync(path.join(dir, file), "utf8")));
const importIt = (overwrite = false) => importContentFolder(SYSTEM_IMPORT, dir, undefined, { overwrite });
async function imported() {
  const result = await importIt();
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.imported[0]!;
}
const dossier = () => db.dossier.findUniqueOrThrow({ where: { slug: "mistral-ai" }, select: { id: true, version: true, body: true, summary: true, status: true } });
const claim = (key: string) => db.claim.findFirstOrThrow({ where: { key }, select: { id: true, version: true, text: true, hedged: true } });
const SUMMARY_FIX = ["En septembre 2023, nous avons tenté", "En septembre 2023, nous avons cherché"] as const;

describe("re-importing the sample after newsroom work", () => {
  it("applies a one-word summary fix and keeps the claim reworded, the source retitled, the article saved and the unpublication done in the newsroom", async () => {
    await imported();
    const d = await dossier();
    const levee = await claim("levee-105-millions");
    await updateClaim(a.journalist, { dossierId: d.id, claimId: levee.id, version: levee.version, text: "En juin 2023, Mistral AI a levé 105 millions d'euros.", hedged: false });
    const source = await db.source.findFirstOrThrow({ where: { key: "site-mistral-ai" } });
    await updateSource(a.editor, { dossierId: d.id, sourceId: source.id, version: source.version, kind: source.kind, title: "Site officiel de Mistral AI", url: source.url, publisher: source.publisher, author: null, date: source.date, accessedAt: source.accessedAt, reliability: source.reliability, confidential: false, publicDescription: null, identity: null, notes: null } as Parameters<typeof updateSource>[1]);
    const saved = await saveArticle(a.journalist, { dossierId: d.id, version: d.version, body: d.body.replace("puis plus rien", "puis plus rien du tout"), note: "" });
    await unpublishDossier(a.editor, { dossierId: d.id, version: saved.version, reason: "À revoir." });
    const publications = await db.publicationEvent.count();

    editFile("dossier.yaml", (y) => y.replace(...SUMMARY_FIX));
    const summary = await imported();

    expect(summary).toMatchObject({ outcome: "updated", conflicts: [], overwritten: [], changed: ["the dossier's title, summary and language (updated)"] });
    expect(summary.publication).toMatchObject({ status: "draft", publishedNow: false, statusDiffers: true });
    const after = await dossier();
    expect(after.summary).toContain("nous avons cherché");
    expect(after.body).toContain("puis plus rien du tout");
    expect(after.status).toBe("draft");
    expect((await claim("levee-105-millions")).text).toBe("En juin 2023, Mistral AI a levé 105 millions d'euros.");
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).title).toBe("Site officiel de Mistral AI");
    expect(await db.publicationEvent.count()).toBe(publications);
    await expect(getPublishedDossier("mistral-ai")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reports a record changed in both the files and the newsroom as a conflict and keeps the newsroom's, unless told to overwrite", async () => {
    await imported();
    const d = await dossier();
    const levee = await claim("levee-105-millions");
    await updateClaim(a.journalist, { dossierId: d.id, claimId: levee.id, version: levee.version, text: "Reformulée dans la rédaction.", hedged: false });
    editFile("dossier.yaml", (y) => y.replace(`text: "Début juin 2023, Mistral AI a levé 105 millions d'euros lors d'un tour mené avec Lightspeed Venture Partners."`, `text: "Reformulée dans les fichiers."`));

    const kept = await imported();
    expect(kept.conflicts).toEqual([{ record: "claim levee-105-millions", reason: "changed-in-newsroom", fields: ["text"] }]);
    expect((await claim("levee-105-millions")).text).toBe("Reformulée dans la rédaction.");

    const forced = await importIt(true);
    if (!forced.ok) throw new Error(JSON.stringify(forced.errors));
    expect(forced.imported[0]!.overwritten).toEqual([{ record: "claim levee-105-millions", reason: "changed-in-newsroom", fields: ["text"] }]);
    expect((await claim("levee-105-millions")).text).toBe("Reformulée dans les fichiers.");
    // The verdict checked the old wording: the claim needs a re-check, and readers keep version 1.
    expect((await listDeskClaims(a.editor, { attention: "recheck" })).items.map((c) => c.id)).toEqual([levee.id]);
    expect((await getPublishedDossier("mistral-ai")).claims.find((c) => c.id === levee.id)?.text).toContain("Début juin 2023");
  });

  it("changes the working copy of a published dossier, never what readers see, and says so", async () => {
    await imported();
    editFile("article.md", (t) => t.replace("puis plus rien", "puis plus rien du tout"));
    editFile("dossier.yaml", (y) => y.replace("status: published", "status: draft"));
    const summary = await imported();
    expect(summary.changed).toEqual(["article"]);
    expect(summary.publication).toMatchObject({ status: "published", version: 1, statusDiffers: true });
    const reader = await getPublishedDossier("mistral-ai");
    expect(reader.version).toBe(1);
    expect(reader.body).not.toContain("du tout");
    expect((await dossier()).body).toContain("du tout");
  });

  it("keeps a record deleted in the newsroom deleted while the files do not change it", async () => {
    await imported();
    const d = await dossier();
    const question = await db.openQuestion.findFirstOrThrow({ where: { key: "nombre-salaries" } });
    await deleteQuestion(a.editor, { dossierId: d.id, questionId: question.id });
    editFile("dossier.yaml", (y) => y.replace(...SUMMARY_FIX));
    const summary = await imported();
    expect(summary.conflicts).toEqual([]);
    expect(await db.openQuestion.count({ where: { key: "nombre-salaries" } })).toBe(0);
  });
});

describe("the importer's rules", () => {
  it("refuses a first import marked published while a claim has no verdict (the publish gate), writing nothing", async () => {
    editFile("dossier.yaml", (y) =>
      y.replace(
        /(  - key: site-message-recrutement\n[\s\S]*?)    verdicts:\n      - status: verified\n        rationale: "Constaté sur le site officiel le 18 septembre 2023 : la page ne contient qu'un appel à candidatures."\n        decidedAt: "2023-09-25"\n/,
        "$1",
      ),
    );
    const before = await tableCounts();
    const result = await importIt();
    expect(result).toMatchObject({ ok: false, errors: [{ field: "claims[11].verdicts", message: expect.stringContaining("publish gate") }] });
    expect(await tableCounts()).toEqual(before);
    expect(await db.publishedVersion.count()).toBe(0);
  });

  it("refuses a verdict added after publication without a correction note, and appends it with one", async () => {
    await imported();
    const before = await tableCounts();
    const addVerdict = (note: string) =>
      editFile("dossier.yaml", (y) =>
        y.replace(
          `        rationale: "Constaté sur le site officiel le 18 septembre 2023 : la page ne contient qu'un appel à candidatures."\n        decidedAt: "2023-09-25"\n`,
          `        rationale: "Constaté sur le site officiel le 18 septembre 2023 : la page ne contient qu'un appel à candidatures."\n        decidedAt: "2023-09-25"\n      - status: outdated\n        rationale: "Le site présente désormais les modèles."\n        decidedAt: "2023-10-02"\n${note}`,
        ),
      );
    addVerdict("");
    const refused = await importIt();
    expect(refused).toMatchObject({ ok: false, errors: [{ field: "claims[11].verdicts[1].correctionNote" }] });
    expect(await tableCounts()).toEqual(before);
    fs.cpSync(SAMPLE, dir, { recursive: true });
    addVerdict(`        correctionNote: "Le site a changé depuis la publication."\n`);
    const summary = await imported();
    expect(summary.verdictsAdded).toBe(1);
    expect((await db.claim.findFirstOrThrow({ where: { key: "site-message-recrutement" } })).verdict).toBe("outdated");
    // Readers see the correction once an editor publishes the update.
    expect((await getPublishedDossier("mistral-ai")).claims.find((c) => c.text.startsWith("Le site officiel"))?.verdict).toBe("verified");
  });
});
