import "server-only";
// Exports one dossier as files (docs/content-format.md, "Exports"): dossier.yaml and article.md in
// the content format, so the export reads like any content folder and other tools can use it, and
// record.json with every row of the dossier's record, so importing the export into a database that
// does not have the dossier reproduces it exactly (restore-exported-dossier.ts).
//
// Confidential sources: without `includeConfidential` the export holds what a journalist sees —
// a confidential source's title is replaced by its public description and its identity and notes
// are left out (and so is the import fingerprint that was computed over them). With it, only a
// role allowed to read them (source:view-confidential) may export, and the export says so in its
// first line, its `export` block and its file name. Every export is in the audit log.
import { createHash } from "node:crypto";
import { stringify } from "yaml";
import { EXPORT_FORMAT, RECORD_FILE, type ExportDossierInput, type ExportRecord } from "@/lib/schemas/export";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { findDossier } from "../newsroom/scope";
import { seesConfidentialSources } from "../sources/confidentiality";
import { readFile } from "../storage";
import { DOSSIER_TABLES, readTable } from "./tables";

export interface ExportedFile {
  /** Relative to the export's folder, e.g. "dossier.yaml", "versions/2.json", "files/ab12…". */
  path: string;
  content: string | Uint8Array;
}

export interface DossierExport {
  slug: string;
  containsConfidential: boolean;
  files: ExportedFile[];
  counts: Record<string, number>;
  /** Stored files the record refers to but the storage does not hold (exported as references only). */
  missingFiles: string[];
}

type Row = Record<string, unknown>;

const CONFIDENTIAL_LABEL = "Confidential source";

export async function exportDossier(actor: Actor, input: ExportDossierInput): Promise<DossierExport> {
  requirePermission(actor, "newsroom:access");
  if (input.includeConfidential) requirePermission(actor, "source:view-confidential");
  const exportedAt = new Date();
  const { dossier, tables } = await db.$transaction(
    async (tx) => {
      const dossier = await findDossier(tx, input.dossierId);
      const tables = new Map<string, Row[]>();
      for (const t of DOSSIER_TABLES) tables.set(t.model, await readTable(tx, t, dossier.id));
      await recordAudit(tx, actor, {
        action: "dossier.export",
        entityType: "dossier",
        entityId: dossier.id,
        dossierId: dossier.id,
        dossierSlug: dossier.slug,
        after: { containsConfidential: input.includeConfidential, includeFiles: input.includeFiles },
      });
      return { dossier, tables };
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
  const users = await usersOf(db, tables);
  return buildExport(tables, users, { slug: dossier.slug, exportedAt, includeConfidential: input.includeConfidential && seesConfidentialSources(actor), includeFiles: input.includeFiles });
}

async function usersOf(tx: Tx, tables: Map<string, Row[]>) {
  const ids = new Set<string>();
  for (const t of DOSSIER_TABLES) for (const row of tables.get(t.model)!) for (const c of t.users) if (typeof row[c] === "string") ids.add(row[c] as string);
  const rows = await tx.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, email: true, name: true, role: true }, orderBy: { email: "asc" } });
  return new Map(rows.map((u) => [u.id, u]));
}

async function buildExport(
  tables: Map<string, Row[]>,
  users: Map<string, { email: string; name: string; role: string }>,
  options: { slug: string; exportedAt: Date; includeConfidential: boolean; includeFiles: boolean },
): Promise<DossierExport> {
  const rows = (model: string) => tables.get(model)!;
  const dossier = rows("Dossier")[0]!;
  const withheld = options.includeConfidential ? [] : rows("Source").filter((s) => s.confidential === true);
  const withheldIds = new Set(withheld.map((s) => s.id as string));
  const withheldKeys = new Set(withheld.map((s) => s.key).filter((k): k is string => typeof k === "string"));
  const files: ExportedFile[] = [];

  // ── record.json: the rows, users by email, dates as ISO strings ──
  const recordTables: Record<string, Row[]> = {};
  for (const t of DOSSIER_TABLES) {
    let list = rows(t.model);
    if (t.model === "Source") list = list.map((s) => (withheldIds.has(s.id as string) ? { ...s, title: (s.publicDescription as string | null) ?? CONFIDENTIAL_LABEL, identity: null, notes: null } : s));
    // A fingerprint over a withheld identity would let anyone confirm a guess of it.
    if (t.model === "ImportedRecord") list = list.filter((r) => !(r.kind === "source" && withheldKeys.has(r.key as string)));
    recordTables[t.model] = list.map((row) => {
      const out: Row = {};
      for (const [column, value] of Object.entries(row)) {
        if (t.users.includes(column)) out[column] = typeof value === "string" ? (users.get(value)?.email ?? null) : null;
        else if (value instanceof Date) out[column] = value.toISOString();
        else if (typeof value === "bigint") out[column] = Number(value);
        else out[column] = value;
      }
      if (t.model === "Dossier") delete out.body; // article.md
      if (t.model === "PublishedVersion") {
        const file = `versions/${row.number as number}.json`;
        files.push({ path: file, content: row.snapshot as string });
        out.snapshot = file;
      }
      return out;
    });
  }

  const hashes = new Map<string, number>();
  for (const c of rows("Capture")) {
    hashes.set(c.sha256 as string, c.warcSize as number);
    if (typeof c.renderSha256 === "string") hashes.set(c.renderSha256, (c.renderSize as number | null) ?? 0);
  }
  for (const d of rows("Document")) hashes.set(d.sha256 as string, d.size as number);
  const fileRefs: ExportRecord["files"] = [];
  const missingFiles: string[] = [];
  for (const [sha256, size] of [...hashes].sort(([a], [b]) => a.localeCompare(b))) {
    let file: string | null = null;
    if (options.includeFiles) {
      const bytes = await readFile(sha256);
      if (bytes) {
        file = `files/${sha256}`;
        files.push({ path: file, content: bytes });
      } else missingFiles.push(sha256);
    }
    fileRefs.push({ sha256, size, file });
  }

  const record: ExportRecord = {
    format: EXPORT_FORMAT,
    exportedAt: options.exportedAt.toISOString(),
    containsConfidential: options.includeConfidential && rows("Source").some((s) => s.confidential === true),
    withheldSources: withheld.map((s) => s.id as string),
    users: [...users.values()].map((u) => ({ email: u.email, name: u.name, role: u.role })),
    tables: recordTables,
    files: fileRefs,
  };
  const recordJson = JSON.stringify(record, null, 1);

  // ── dossier.yaml: the same dossier in the content format ──
  const keyOf = (row: Row) => (row.key as string | null) ?? (row.id as string);
  const keyById = (model: string) => new Map(rows(model).map((r) => [r.id as string, keyOf(r)]));
  const sourceKeys = keyById("Source");
  const claimKeys = keyById("Claim");
  const entityKeys = keyById("Entity");
  const email = (id: unknown) => (typeof id === "string" ? users.get(id)?.email : undefined);
  const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : undefined);
  const nonEmpty = (v: unknown) => (v === null || v === undefined || v === "" ? undefined : v);
  const byClaim = (model: string) => {
    const map = new Map<string, Row[]>();
    for (const r of rows(model)) map.set(r.claimId as string, [...(map.get(r.claimId as string) ?? []), r]);
    return map;
  };
  const evidence = byClaim("Evidence");
  const history = byClaim("VerdictChange");
  const chronological = (a: Row, b: Row) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime() || String(a.id).localeCompare(String(b.id));
  const eventLinks = (model: string, column: string, keys: Map<string, string>) => {
    const map = new Map<string, string[]>();
    for (const r of rows(model)) map.set(r.eventId as string, [...(map.get(r.eventId as string) ?? []), keys.get(r[column] as string)!]);
    return map;
  };
  const eventClaims = eventLinks("EventClaim", "claimId", claimKeys);
  const eventSources = eventLinks("EventSource", "sourceId", sourceKeys);

  const content = clean({
    slug: dossier.slug,
    title: dossier.title,
    summary: nonEmpty(dossier.summary),
    language: dossier.language,
    status: dossier.status,
    publishedAt: day(dossier.publishedAt),
    article: "article.md",
    export: { format: EXPORT_FORMAT, exportedAt: record.exportedAt, containsConfidential: record.containsConfidential, record: RECORD_FILE, recordSha256: sha256Hex(recordJson) },
    entities: rows("Entity").map((e) => ({ key: keyOf(e), kind: e.kind, name: e.name, description: nonEmpty(e.description) })),
    sources: rows("Source").map((s) => {
      const hidden = withheldIds.has(s.id as string);
      return {
        key: keyOf(s),
        kind: s.kind,
        title: hidden ? ((s.publicDescription as string | null) ?? CONFIDENTIAL_LABEL) : s.title,
        url: nonEmpty(s.url),
        publisher: nonEmpty(s.publisher),
        author: nonEmpty(s.author),
        date: nonEmpty(s.date),
        accessedAt: nonEmpty(s.accessedAt),
        reliability: s.reliability,
        confidential: s.confidential,
        publicDescription: nonEmpty(s.publicDescription),
        identity: hidden ? undefined : nonEmpty(s.identity),
        notes: hidden ? undefined : nonEmpty(s.notes),
      };
    }),
    claims: rows("Claim").map((c) => ({
      key: keyOf(c),
      text: c.text,
      anchor: { exact: c.anchorExact, prefix: nonEmpty(c.anchorPrefix), suffix: nonEmpty(c.anchorSuffix) },
      hedged: c.hedged,
      author: email(c.authorId),
      evidence: (evidence.get(c.id as string) ?? []).map((e) => ({ source: sourceKeys.get(e.sourceId as string), stance: e.stance, excerpt: nonEmpty(e.excerpt), note: nonEmpty(e.note) })),
      verdicts: [...(history.get(c.id as string) ?? [])]
        .sort(chronological)
        .filter((v) => v.toVerdict !== null)
        .map((v) => ({ status: v.toVerdict, rationale: v.rationale, decidedAt: day(v.createdAt), decidedBy: email(v.actorId), correctionNote: nonEmpty(v.correctionNote) })),
    })),
    quotes: rows("Quote").map((q) => ({
      key: keyOf(q),
      text: q.text,
      language: q.language,
      speaker: typeof q.speakerId === "string" ? entityKeys.get(q.speakerId) : undefined,
      speakerLabel: nonEmpty(q.speakerLabel),
      date: nonEmpty(q.date),
      context: nonEmpty(q.context),
      source: typeof q.sourceId === "string" ? sourceKeys.get(q.sourceId) : undefined,
      onRecord: q.onRecord,
    })),
    questions: rows("OpenQuestion").map((q) => ({
      key: keyOf(q),
      text: q.text,
      status: q.status,
      owner: email(q.ownerId),
      answer: nonEmpty(q.answer),
      answeredBy: typeof q.answeringClaimId === "string" ? claimKeys.get(q.answeringClaimId) : undefined,
      answeredAt: day(q.answeredAt),
    })),
    events: [...rows("TimelineEvent")]
      .sort((a, b) => String(a.sortStart).localeCompare(String(b.sortStart)) || String(a.id).localeCompare(String(b.id)))
      .map((e) => ({ key: keyOf(e), title: e.title, description: nonEmpty(e.description), date: e.date, certainty: e.certainty, claims: eventClaims.get(e.id as string) ?? [], sources: eventSources.get(e.id as string) ?? [] })),
  });
  const banner = [
    `# Export of the Dossier dossier "${dossier.slug}", ${record.exportedAt} (export format ${EXPORT_FORMAT}).`,
    record.containsConfidential
      ? "# CONTAINS CONFIDENTIAL SOURCES' TITLES, IDENTITIES AND NOTES: keep it as you keep the sources themselves."
      : "# No confidential identity or note: confidential sources appear by their public description only.",
    "# The complete record is in record.json; `npm run import -- <this folder>` restores it into a database without this dossier.",
  ].join("\n");
  files.unshift({ path: "dossier.yaml", content: `${banner}\n${stringify(content, { lineWidth: 0 })}` }, { path: "article.md", content: dossier.body as string }, { path: RECORD_FILE, content: recordJson });
  const counts = Object.fromEntries(DOSSIER_TABLES.map((t) => [t.model, rows(t.model).length]));
  return { slug: dossier.slug as string, containsConfidential: record.containsConfidential, files, counts, missingFiles };
}

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

/** Drops undefined fields (YAML would write them as null) and empty lists, recursively. */
function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || v === null) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      out[k] = clean(v);
    }
    return out as T;
  }
  return value;
}

