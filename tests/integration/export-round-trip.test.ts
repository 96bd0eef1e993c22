// Exporting a dossier and importing the export into an empty database gives back the same
// dossier, row by row and column by column: the sample (with newsroom work on top of the import:
// a correction, a pending proposal, an update published) and a generated 1,000-claim dossier.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { loadDossierFolder } from "@/lib/content/load-dossier-folder";
import { SYSTEM_EXPORT, SYSTEM_IMPORT } from "@/lib/server/actor";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { uploadDocument } from "@/lib/server/archive/upload-document";
import { exportDossier } from "@/lib/server/export/export-dossier";
import { readFile } from "@/lib/server/storage";
import { parseInput } from "@/lib/schemas/parse";
import { UploadDocumentSchema } from "@/lib/schemas/archive";
import { listKeys, makePdf, scratchStorage } from "../support/archive";
import { getPublishedDossier } from "@/lib/server/reader/get-published-dossier";
import { proposeVerdict } from "../support/use-cases";
import { setVerdict } from "../support/use-cases";
import { writeSyntheticDossier } from "../bench/synthetic";
import { db, resetDatabase } from "../support/db";
import { publishUpdate } from "../support/desk";
import { dossierRecord, writeExport } from "../support/export";
import { demoActors } from "../support/newsroom";

const SAMPLE = path.join(process.cwd(), "content", "dossiers", "mistral-ai");
const IDENTITY = "Identité consignée dans le carnet de la rédaction (ne pas publier)";
const NOTES = "Contacts pris en septembre 2023";
const CONFIDENTIAL_TITLE = "Salariés et investisseurs ayant refusé de s'exprimer";

const files = scratchStorage("export-round-trip");
beforeEach(async () => {
  files.reset();
  await resetDatabase();
});

async function importOk(folder: string) {
  const result = await importContentFolder(SYSTEM_IMPORT, folder);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.file}: ${e.field}: ${e.message}`).join("\n"));
  return result.imported;
}

/** The sample with newsroom work on top: a correction, a pending proposal, a published update. */
async function workedSample() {
  await importOk(SAMPLE);
  const actors = await demoActors();
  const dossier = await db.dossier.findUniqueOrThrow({ where: { slug: "mistral-ai" }, select: { id: true } });
  const claims = await db.claim.findMany({ where: { dossierId: dossier.id, verdict: { not: null } }, orderBy: { position: "asc" }, select: { id: true, version: true, evidence: { select: { id: true } } } });
  const [first, second] = claims;
  await setVerdict(actors.editor, { claimId: first!.id, version: first!.version, verdict: "misleading", rationale: "Le chiffre omet une partie du tour de table.", evidenceIds: first!.evidence.map((e) => e.id), correctionNote: "Verdict corrigé après relecture." });
  await publishUpdate(actors.editor, dossier.id, "Correction d'un verdict.");
  await proposeVerdict(actors.journalist, { claimId: second!.id, version: second!.version, verdict: "outdated", rationale: "Le chiffre a changé depuis.", evidenceIds: [] });
  // A document in the evidence vault, on a public source.
  const source = await db.source.findFirstOrThrow({ where: { dossierId: dossier.id, confidential: false }, select: { id: true } });
  await uploadDocument(actors.journalist, parseInput(UploadDocumentSchema, { dossierId: dossier.id, sourceId: source.id, filename: "statuts.pdf", bytes: new Uint8Array(makePdf([["Statuts de la société"]])) }));
  return { actors, dossierId: dossier.id };
}

describe("export and round trip", () => {
  it("an editor's export with confidential identities, imported into an empty database, is the same dossier field by field", async () => {
    const { actors, dossierId } = await workedSample();
    const before = await dossierRecord("mistral-ai");
    const readersBefore = await getPublishedDossier("mistral-ai");
    const exported = await exportDossier(actors.editor, { dossierId, includeConfidential: true, includeFiles: true });
    expect(exported.containsConfidential).toBe(true);
    const folder = writeExport(exported);
    const yaml = fs.readFileSync(path.join(folder, "dossier.yaml"), "utf8");
    expect(yaml.split("\n")[1]).toContain("CONTAINS CONFIDENTIAL");
    expect(yaml).toContain("containsConfidential: true");
    expect(yaml).toContain(IDENTITY);
    expect(fs.readdirSync(path.join(folder, "versions")).sort()).toEqual(["1.json", "2.json"]);
    // The export reads as an ordinary content folder too.
    const loaded = loadDossierFolder(folder);
    expect(loaded.ok, loaded.ok ? "" : loaded.errors.map((e) => e.message).join("\n")).toBe(true);

    const document = before.Document![0] as { sha256: string };
    expect(fs.existsSync(path.join(folder, "files", document.sha256))).toBe(true);

    // An empty database and an empty storage.
    await resetDatabase();
    files.reset();
    expect(await db.dossier.count()).toBe(0);
    expect(await listKeys(files.storage)).toEqual([]);
    const [summary] = await importOk(folder);
    expect(await readFile(document.sha256)).not.toBeNull();
    expect(summary!.restored).toMatchObject({ containsConfidential: true, missingFiles: [] });
    expect(summary!.restored!.usersCreated.sort()).toEqual([actors.editor.email, actors.journalist.email].sort());
    expect(summary!.publication).toMatchObject({ status: "published", version: 2 });

    const after = await dossierRecord("mistral-ai");
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(before.VerdictChange!.length).toBeGreaterThan(10);
    expect(before.VerdictProposal).toHaveLength(1);
    expect(before.Document).toHaveLength(1);
    expect(await getPublishedDossier("mistral-ai")).toEqual(readersBefore);
    // The members it names come back deactivated, with their names and roles.
    const restoredEditor = await db.user.findUniqueOrThrow({ where: { email: actors.editor.email }, select: { name: true, role: true, disabledAt: true } });
    expect(restoredEditor).toMatchObject({ name: actors.editor.name, role: "editor" });
    expect(restoredEditor.disabledAt).not.toBeNull();
  });

  it("a journalist's export holds no confidential title, identity or note, and says so", async () => {
    const { actors, dossierId } = await workedSample();
    const exported = await exportDossier(actors.journalist, { dossierId, includeConfidential: false, includeFiles: true });
    expect(exported.containsConfidential).toBe(false);
    for (const f of exported.files) {
      const text = typeof f.content === "string" ? f.content : Buffer.from(f.content).toString("utf8");
      expect(text, f.path).not.toContain(IDENTITY);
      expect(text, f.path).not.toContain(NOTES);
      expect(text, f.path).not.toContain(CONFIDENTIAL_TITLE);
    }
    const folder = writeExport(exported);
    expect(fs.readFileSync(path.join(folder, "dossier.yaml"), "utf8")).toContain("containsConfidential: false");
    // Restored, the confidential source is known by its public description only.
    await resetDatabase();
    const [summary] = await importOk(folder);
    expect(summary!.restored!.withheldSources).toBe(1);
    const source = await db.source.findFirstOrThrow({ where: { confidential: true }, select: { title: true, identity: true, notes: true, publicDescription: true } });
    expect(source).toEqual({ title: source.publicDescription, identity: null, notes: null, publicDescription: source.publicDescription });
  });

  it("only a role that may read confidential identities exports them; anonymous callers export nothing", async () => {
    const { actors, dossierId } = await workedSample();
    const audit = await db.auditLog.count({ where: { action: "dossier.export" } });
    await expect(exportDossier(actors.journalist, { dossierId, includeConfidential: true, includeFiles: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportDossier(actors.anonymous, { dossierId, includeConfidential: false, includeFiles: false })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.auditLog.count({ where: { action: "dossier.export" } })).toBe(audit);
    await exportDossier(actors.admin, { dossierId, includeConfidential: true, includeFiles: false });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "dossier.export" }, select: { actorId: true, after: true } });
    expect(entry.actorId).toBe(actors.admin.id);
    expect(JSON.parse(entry.after!)).toMatchObject({ containsConfidential: true });
  });

  it("refuses to restore over a dossier that exists, and a record changed since the export, writing nothing", async () => {
    await importOk(SAMPLE);
    const dossier = await db.dossier.findUniqueOrThrow({ where: { slug: "mistral-ai" }, select: { id: true } });
    const folder = writeExport(await exportDossier(SYSTEM_EXPORT, { dossierId: dossier.id, includeConfidential: true, includeFiles: true }));
    const before = await dossierRecord("mistral-ai");
    const again = await importContentFolder(SYSTEM_IMPORT, folder);
    expect(again.ok).toBe(false);
    expect(!again.ok && again.errors[0]!.message).toContain('the dossier "mistral-ai" already exists in this database');
    expect(await dossierRecord("mistral-ai")).toEqual(before);

    await resetDatabase();
    const recordFile = path.join(folder, "record.json");
    fs.writeFileSync(recordFile, fs.readFileSync(recordFile, "utf8").replace('"verified"', '"false"'));
    const tampered = await importContentFolder(SYSTEM_IMPORT, folder);
    expect(tampered.ok).toBe(false);
    expect(!tampered.ok && tampered.errors[0]!.message).toContain("does not match export.recordSha256");
    expect(await db.dossier.count()).toBe(0);
  });

  it("a generated 1,000-claim dossier comes back the same", { timeout: 300_000 }, async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-1000-"));
    await importOk(writeSyntheticDossier(parent, "mille", 1000, { uncheckedEvery: 7 }));
    const dossier = await db.dossier.findUniqueOrThrow({ where: { slug: "mille" }, select: { id: true } });
    const before = await dossierRecord("mille");
    const folder = writeExport(await exportDossier(SYSTEM_EXPORT, { dossierId: dossier.id, includeConfidential: false, includeFiles: true }));
    await resetDatabase();
    await importOk(folder);
    const after = await dossierRecord("mille");
    expect(after.Claim).toHaveLength(1000);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
  });
});
