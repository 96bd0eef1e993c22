// Properties of the database itself that the product relies on.
import { beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { scratchCopy } from "../support/content";
import { db, resetDatabase } from "../support/db";

beforeEach(resetDatabase);

describe("database integrity", () => {
  it("enforces foreign keys: a source cited as evidence cannot be deleted", async () => {
    await importContentFolder(SYSTEM_IMPORT, scratchCopy("mini"));
    const source = await db.source.findFirstOrThrow({ where: { key: "registre" } });
    await expect(db.source.delete({ where: { id: source.id } })).rejects.toThrow();
    expect(await db.source.count({ where: { id: source.id } })).toBe(1);
  });

  it("refuses a claim that points at a dossier that does not exist", async () => {
    await expect(db.claim.create({ data: { dossierId: "nope", text: "x", anchorExact: "x" } })).rejects.toThrow();
  });

  it("deleting a dossier removes its content but keeps its audit trail", async () => {
    await importContentFolder(SYSTEM_IMPORT, scratchCopy("mini"));
    const dossier = await db.dossier.findUniqueOrThrow({ where: { slug: "mini" } });
    await db.dossier.delete({ where: { id: dossier.id } });
    expect(await db.claim.count()).toBe(0);
    expect(await db.verdictChange.count()).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { dossierSlug: "mini" } });
    expect(audit.dossierId).toBeNull();
  });
});
