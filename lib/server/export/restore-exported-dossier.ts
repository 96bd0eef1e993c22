import "server-only";
// Restores an export (export-dossier.ts) into a database that does not have the dossier: every row
// of record.json is written as it was — same ids (so permalinks and published versions keep
// working), same dates, the verdict history with its re-checks, proposals, revisions, published
// versions and the publication log, captures and documents — and the stored files the export
// carries go back into the storage (each checked against its SHA-256). The newsroom members the
// record names are matched by email; one this installation does not have is created
// **deactivated** (no password, cannot sign in) so who decided what is kept: an admin reactivates
// them and gives them a password-reset link.
//
// An export is the record of decisions already taken under the newsroom's rules, so the rules
// that decide (the publish gate, the verdict rules) are not applied again; only admins import
// (content:import). It never overwrites: a dossier with that slug or id is refused.
import fs from "node:fs";
import path from "node:path";
import type { ContentError, LoadedDossier } from "@/lib/content/load-dossier-folder";
import { ROLES } from "@/lib/domain/permissions";
import { RECORD_FILE } from "@/lib/schemas/export";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import type { ImportSummary } from "../content/import-dossier";
import type { Tx } from "../db";
import { sha256Hex, storage, storeFile } from "../storage";
import { keyForHash } from "../storage/types";
import { DOSSIER_TABLES, tableOf } from "./tables";

const BATCH = 500;

export class ExportRefused extends Error {
  constructor(readonly errors: ContentError[]) {
    super(errors.map((e) => e.message).join(" "));
  }
}

export async function restoreExportedDossier(tx: Tx, actor: Actor, loaded: LoadedDossier): Promise<ImportSummary> {
  requirePermission(actor, "content:import");
  const record = loaded.exported!;
  const folder = loaded.folder;
  const recordFile = path.join(folder, RECORD_FILE);
  const refuse = (field: string, message: string): never => {
    throw new ExportRefused([{ file: recordFile, field, message }]);
  };
  const dossierRow = record.tables.Dossier![0]!;
  const dossierId = String(dossierRow.id);
  const existing = await tx.dossier.findFirst({ where: { OR: [{ slug: loaded.data.slug }, { id: dossierId }] }, select: { slug: true } });
  if (existing) {
    refuse(
      "tables.Dossier",
      `the dossier "${existing.slug}" already exists in this database: an export is restored only into a database that does not have it (nothing was written). To update a dossier from files, import a content folder without the export block.`,
    );
  }

  // Every row must belong to this dossier: a record cannot reach another one.
  const ids = (model: string) => new Set((record.tables[model] ?? []).map((r) => String(r.id)));
  const claimIds = ids("Claim");
  const eventIds = ids("TimelineEvent");
  for (const t of DOSSIER_TABLES) {
    for (const [i, row] of (record.tables[t.model] ?? []).entries()) {
      const where = `tables.${t.model}[${i}]`;
      if (t.model !== "Dossier" && "dossierId" in row && row.dossierId !== dossierId) refuse(where, "belongs to another dossier than the record's");
      if (["Evidence", "VerdictChange", "VerdictProposal"].includes(t.model) && !claimIds.has(String(row.claimId))) refuse(where, "refers to a claim the record does not have");
      if (["EventClaim", "EventSource"].includes(t.model) && !eventIds.has(String(row.eventId))) refuse(where, "refers to an event the record does not have");
    }
  }
  const unknownTables = Object.keys(record.tables).filter((m) => !DOSSIER_TABLES.some((t) => t.model === m));
  if (unknownTables.length) refuse("tables", `holds tables this version of Dossier does not restore: ${unknownTables.join(", ")}`);

  // The people the record names, by email.
  const usersCreated: string[] = [];
  const userIds = new Map<string, string>();
  for (const u of record.users) {
    const found = await tx.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (found) {
      userIds.set(u.email, found.id);
      continue;
    }
    const role = (ROLES as readonly string[]).includes(u.role) ? u.role : "journalist";
    const created = await tx.user.create({ data: { email: u.email, name: u.name, role, disabledAt: new Date() }, select: { id: true } });
    userIds.set(u.email, created.id);
    usersCreated.push(u.email);
  }

  const summaryCounts: Record<string, number> = {};
  for (const t of DOSSIER_TABLES) {
    const rows = (record.tables[t.model] ?? []).map((row, i) => {
      const out: Record<string, unknown> = { ...row };
      for (const c of t.users) out[c] = typeof row[c] === "string" ? (userIds.get(row[c] as string) ?? refuse(`tables.${t.model}[${i}].${c}`, `names ${String(row[c])}, who is not in the record's users`)) : null;
      for (const c of t.dates) {
        if (row[c] === null || row[c] === undefined) continue;
        const date = new Date(String(row[c]));
        if (Number.isNaN(date.getTime())) refuse(`tables.${t.model}[${i}].${c}`, "is not a date");
        out[c] = date;
      }
      if (t.model === "Dossier") out.body = loaded.body;
      if (t.model === "PublishedVersion") out.snapshot = readVersion(folder, String(row.snapshot), refuse);
      return out;
    });
    for (let i = 0; i < rows.length; i += BATCH) await tableOf(tx, t.model).createMany({ data: rows.slice(i, i + BATCH) });
    summaryCounts[t.model] = rows.length;
  }

  // The stored files: back into the storage, each checked against its hash.
  const missingFiles: string[] = [];
  for (const f of record.files) {
    if (f.file) {
      if (f.file !== `files/${f.sha256}`) refuse("files", `${f.file}: files are named files/<sha256>`);
      const full = path.join(folder, f.file);
      if (!fs.existsSync(full)) {
        missingFiles.push(f.sha256);
        continue;
      }
      const bytes = fs.readFileSync(full);
      if (sha256Hex(bytes) !== f.sha256) refuse("files", `${f.file} does not match its SHA-256: the file was changed or damaged since the export`);
      await storeFile(bytes, "application/octet-stream");
    } else if (!(await storage().has(keyForHash(f.sha256)))) {
      missingFiles.push(f.sha256);
    }
  }

  await recordAudit(tx, actor, {
    action: "dossier.restore-export",
    entityType: "dossier",
    entityId: dossierId,
    dossierId,
    dossierSlug: loaded.data.slug,
    after: { folder, exportedAt: record.exportedAt, containsConfidential: record.containsConfidential, counts: summaryCounts, usersCreated, missingFiles },
  });

  const versions = record.tables.PublishedVersion ?? [];
  const status = String(dossierRow.status);
  const latest = versions.length ? Math.max(...versions.map((v) => Number(v.number))) : null;
  return {
    slug: loaded.data.slug,
    outcome: "created",
    counts: {
      claims: record.tables.Claim?.length ?? 0,
      sources: record.tables.Source?.length ?? 0,
      quotes: record.tables.Quote?.length ?? 0,
      entities: record.tables.Entity?.length ?? 0,
      questions: record.tables.OpenQuestion?.length ?? 0,
      events: record.tables.TimelineEvent?.length ?? 0,
    },
    keptWithoutFile: [],
    changed: [],
    conflicts: [],
    overwritten: [],
    verdictsAdded: 0,
    orphaned: [],
    recheck: [],
    publication: { status, version: status === "published" ? latest : null, publishedNow: false, statusDiffers: false },
    restored: { exportedAt: record.exportedAt, containsConfidential: record.containsConfidential, withheldSources: record.withheldSources.length, usersCreated, missingFiles },
  };
}

function readVersion(folder: string, name: string, refuse: (field: string, message: string) => never): string {
  if (!/^versions\/\d+\.json$/.test(name)) refuse("tables.PublishedVersion", `${name}: a published version's file is versions/<number>.json`);
  const file = path.join(folder, name);
  if (!fs.existsSync(file)) refuse("tables.PublishedVersion", `${name} is missing from the export: readers' published versions cannot be restored without it`);
  return fs.readFileSync(file, "utf8");
}
