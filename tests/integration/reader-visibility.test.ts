// What a reader can get from the data layer: published dossiers, public fields only.
import { beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { getPublishedDossier } from "@/lib/server/reader/get-published-dossier";
import { listPublishedDossiers } from "@/lib/server/reader/list-published-dossiers";
import { scratchCopy } from "../support/content";
import { db, resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
  await importContentFolder(SYSTEM_IMPORT, scratchCopy("mini"));
});

describe("reader visibility", () => {
  it("shows a confidential source only by its public description", async () => {
    const dossier = await getPublishedDossier("mini");
    const everything = JSON.stringify(dossier);
    expect(everything).toContain("Une personne proche de la direction");
    for (const secret of ["Jean Secret", "directeur financier", "Directeur financier", "ne pas recontacter"]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("treats a draft dossier as not found and leaves it out of the list", async () => {
    await db.dossier.update({ where: { slug: "mini" }, data: { status: "draft" } });
    await expect(getPublishedDossier("mini")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listPublishedDossiers()).toEqual([]);
  });

  it("leaves out claims whose passage left the article", async () => {
    await db.claim.updateMany({ where: { key: "creation" }, data: { anchorStatus: "orphaned" } });
    const dossier = await getPublishedDossier("mini");
    expect(dossier.claims.map((c) => c.text)).toEqual(["Exemple aurait recruté vingt personnes en 2022."]);
  });
});
