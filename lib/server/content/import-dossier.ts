import "server-only";
// Imports a validated dossier folder (lib/content/load-dossier-folder.ts). The importer is a write
// path like the newsroom's and obeys the same rules (docs/content-format.md, "Importing again"):
// - Idempotent: the same files twice change nothing.
// - A first import of a dossier marked `status: published` goes through the publish gate (every
//   claim needs a verdict; refused with the blocking claims, nothing written) and becomes its
//   published version 1. A re-import never publishes, republishes or unpublishes: it changes the
//   working copy, readers keep the published version until an editor publishes the update.
// - Imported verdicts follow the verdict rules (evidence, four eyes) and the corrections rule: a
//   verdict decided after the dossier's publication needs a correction note, first verdict too.
// - A re-import never silently undoes newsroom work: each record the files describe is compared
//   with what the last import wrote (ImportedRecord) and with the database now
//   (lib/domain/import-merge.ts). Records changed (or deleted) in the newsroom since are kept and
//   reported as conflicts, unless the import is told to overwrite them. It never deletes: a record
//   that left the files is kept and reported. Claims are re-anchored to the article kept.
// - The summary lists what it changed, kept and refused, for the CLI to print.
import { createHash } from "node:crypto";
import type { ContentError, LoadedDossier } from "@/lib/content/load-dossier-folder";
import { AppError } from "@/lib/domain/errors";
import { differingFields, mergeDecision, type MergeDecision } from "@/lib/domain/import-merge";
import { checkedStateOf } from "@/lib/domain/recheck";
import { importedVerdictRefusals, publishGate } from "@/lib/domain/verdict-rules";
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import type { ContentClaim } from "@/lib/schemas/content";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { anchoredColumns } from "../claims/locate-selection";
import { reanchorClaims } from "../claims/reanchor";
import { watchRechecks } from "../claims/recheck";
import { db, provider, type Tx } from "../db";
import { ExportRefused, restoreExportedDossier } from "../export/restore-exported-dossier";
import { latestVersion, writeVersion } from "../publishing/versions";
import { enqueuePublication } from "../webhooks/outbox";
import { buildReaderView, viewHash } from "../reader/build-reader-view";

export interface ImportOptions {
  /** Write the files' version of records changed in the newsroom since the last import. */
  overwrite?: boolean;
}

export interface ImportConflict {
  /** e.g. "claim levee-105-millions", "article" */
  record: string;
  reason: "changed-in-newsroom" | "deleted-in-newsroom" | "not-imported-before";
  /** The fields where the newsroom's version and the files differ. */
  fields: string[];
}

export interface ImportSummary {
  slug: string;
  outcome: "created" | "updated" | "unchanged";
  counts: Record<"claims" | "sources" | "quotes" | "entities" | "questions" | "events", number>;
  /** Records that exist in the database but are no longer in the files (kept, not deleted). */
  keptWithoutFile: string[];
  /** What the import wrote: "article", "claim levee-105-millions (created)", "source x (updated)". */
  changed: string[];
  /** Records changed in the newsroom since the last import: kept as the newsroom has them. */
  conflicts: ImportConflict[];
  /** Conflicting records the import overwrote, as it was told to. */
  overwritten: ImportConflict[];
  /** Verdicts appended to claims' histories. */
  verdictsAdded: number;
  /** Claims that lost their passage in the article kept, and claims whose verdict now needs a re-check. */
  orphaned: string[];
  recheck: string[];
  /** What readers see after the import. */
  publication: {
    status: string;
    /** The published version readers see (null: none). */
    version: number | null;
    /** Set when the import published the dossier (a first import of a dossier marked published). */
    publishedNow: boolean;
    /** The files ask for a publication state the import does not change (only editors publish). */
    statusDiffers: boolean;
  };
  /** Set when the folder was an export of the newsroom, restored as it was (docs/content-format.md, "Exports"). */
  restored?: { exportedAt: string; containsConfidential: boolean; withheldSources: number; usersCreated: string[]; missingFiles: string[] };
}

/** Refused by a rule (publish gate, verdict rules): the content errors name the file and field. */
export class ImportRefused extends AppError {
  constructor(readonly errors: ContentError[]) {
    super("RULE_VIOLATION", errors.map((e) => e.message).join(" "), { details: { errors } });
  }
}

/** Content dates are days; store them at noon UTC so no time zone moves them to another day. */
const day = (iso: string) => new Date(`${iso}T12:00:00.000Z`);
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const fingerprint = (canonical: unknown) => createHash("sha256").update(JSON.stringify(canonical)).digest("hex");

type Kind = "dossier" | "article" | "entity" | "source" | "claim" | "evidence" | "quote" | "question" | "event";

/**
 * Runs one step of an import in a transaction. `importSteps` gives every step its own short
 * transaction; a test may run them all in one.
 */
export type ImportStep = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/** What an import reports while it writes a large dossier: "claims", 400, 2000. */
export type ImportProgress = (what: string, done: number, total: number) => void;

/**
 * One step holds the database's write lock for about this long (plus one record) before it
 * commits and lets the newsroom write (docs/decisions/100).
 */
export const STEP_BUDGET_MS = 200;
/** SQLite lets a waiting writer in only if nobody takes the lock back at once: a pause between steps. */
const PAUSE_BETWEEN_STEPS_MS = 25;

export const importSteps: ImportStep = async (work) => {
  const result = await db.$transaction(work, { timeout: 120_000 });
  if (provider === "sqlite") await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_STEPS_MS));
  return result;
};

/** A first import still being written: its dossier carries this before the files' hash. */
const PENDING = "pending:";

export async function importDossier(actor: Actor, loaded: LoadedDossier, options: ImportOptions = {}): Promise<ImportSummary> {
  requirePermission(actor, "content:import");
  const refusals = await checkDossierImport(actor, loaded, options);
  if (refusals.length) throw new ImportRefused(refusals);
  return importDossierIn(importSteps, actor, loaded, options);
}

/**
 * An email the files name that matches no member of the newsroom (active or deactivated): refused,
 * never dropped, since a claim without its author escapes the four-eyes rule (docs/decisions/111).
 */
function unknownMembers(loaded: LoadedDossier, known: ReadonlySet<string>): ContentError[] {
  return (loaded.members ?? [])
    .filter((m) => !known.has(m.email))
    .map(({ email, ...at }) => ({ ...at, message: `${email} is not a member of this newsroom: invite them first (an admin, at /newsroom/users), or correct the address` }));
}

const claimCanon = (c: ContentClaim, passage: string) => ({ text: c.text, passage, hedged: c.hedged });

/**
 * Everything that refuses a dossier, checked before anything is written (read-only): the publish
 * gate of a first import marked published, and the verdict rules for the verdicts the import would
 * add (with the dossier's real publication date). The import checks them again as it writes.
 */
export async function checkDossierImport(actor: Actor, loaded: LoadedDossier, options: ImportOptions = {}): Promise<ContentError[]> {
  requirePermission(actor, "content:import");
  const { data } = loaded;
  const file = loaded.folder;
  const existing = await db.dossier.findUnique({ where: { slug: data.slug }, select: { id: true, importHash: true, publishedAt: true } });
  if (existing && existing.importHash === loaded.hash && !options.overwrite) return [];
  const firstImport = !existing || (existing.importHash?.startsWith(PENDING) ?? false);
  if (firstImport && data.status === "published") {
    const gate = publishGate(data.claims.map((c, i) => ({ id: String(i), verdict: c.verdicts.at(-1)?.status ?? null, hasPendingProposal: false, needsRecheck: false })));
    if (!gate.ready) {
      return gate.blocking.map((c) => ({
        file,
        field: `claims[${c.id}].verdicts`,
        message: `claim "${data.claims[Number(c.id)]!.key}" has no verdict, and this dossier is marked published: the publish gate refuses it. Give it a verdict, or import the dossier as a draft (status: draft) and publish it from the newsroom.`,
      }));
    }
  }
  // An export brings its members with it (restored deactivated when this newsroom lacks them).
  const known = loaded.exported ? null : new Set((await db.user.findMany({ where: { email: { in: [...new Set((loaded.members ?? []).map((m) => m.email))] } }, select: { email: true } })).map((u) => u.email));
  const strangers = known ? unknownMembers(loaded, known) : [];
  if (strangers.length) return strangers;
  const publishedAt = existing?.publishedAt ?? (data.publishedAt ? day(data.publishedAt) : null);
  const rows = existing
    ? new Map(
        (await db.claim.findMany({ where: { dossierId: existing.id }, select: { key: true, history: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { createdAt: true } } } })).map((r) => [r.key, r]),
      )
    : new Map();
  const stored = existing
    ? new Map((await db.importedRecord.findMany({ where: { dossierId: existing.id, kind: "claim" }, select: { key: true, fingerprint: true } })).map((r) => [r.key, r.fingerprint]))
    : new Map<string, string>();
  const vocabulary = verdictVocabulary();
  const refusals: ContentError[] = [];
  for (const [index, c] of data.claims.entries()) {
    const row = rows.get(c.key);
    // A claim deleted in the newsroom and kept so gets no verdicts (the import skips it).
    if (existing && !row && stored.has(c.key) && !(options.overwrite && stored.get(c.key) !== fingerprint(claimCanon(c, loaded.anchors.get(c.key)!.exact)))) continue;
    const lastKnown = row?.history[0]?.createdAt ?? null;
    const fresh = new Set(c.verdicts.flatMap((v, j) => (!lastKnown || day(v.decidedAt) > lastKnown ? [j] : [])));
    for (const r of importedVerdictRefusals(c, { publishedAt: publishedAt ? isoDay(publishedAt) : null }, vocabulary)) {
      if (fresh.has(r.index)) refusals.push({ file, field: `claims[${index}].verdicts[${r.index}].${r.field}`, message: r.message });
    }
  }
  return refusals;
}

/**
 * The import, in short steps (`step`): the dossier and its article first, then its records in
 * chunks sized to STEP_BUDGET_MS, each chunk reading the rows it compares with in its own
 * transaction, then the re-anchoring, the publication of a first import and the audit entry. A
 * first import marks its dossier pending until its last step: stopped half-way, the same import
 * run again completes it as a first import (docs/content-format.md, "Atomicity").
 */
export async function importDossierIn(step: ImportStep, actor: Actor, loaded: LoadedDossier, options: ImportOptions = {}, progress?: ImportProgress): Promise<ImportSummary> {
  requirePermission(actor, "content:import");
  if (loaded.exported) {
    try {
      // An export is restored as it was, in one step: all of it or nothing.
      return await step((tx) => restoreExportedDossier(tx, actor, loaded));
    } catch (error) {
      if (error instanceof ExportRefused) throw new ImportRefused(error.errors);
      throw error;
    }
  }
  const { data } = loaded;
  const file = loaded.folder;
  const counts = {
    claims: data.claims.length,
    sources: data.sources.length,
    quotes: data.quotes.length,
    entities: data.entities.length,
    questions: data.questions.length,
    events: data.events.length,
  };
  const emails = new Set<string>();
  for (const c of data.claims) {
    if (c.author) emails.add(c.author);
    for (const v of c.verdicts) if (v.decidedBy) emails.add(v.decidedBy);
  }
  for (const q of data.questions) if (q.owner) emails.add(q.owner);

  // ── First step: the dossier, its fields and its article ──
  const first = await step(async (tx) => {
    const existing = await tx.dossier.findUnique({ where: { slug: data.slug }, select: { id: true, importHash: true, body: true, title: true, summary: true, language: true, status: true, publishedAt: true } });
    const firstImport = !existing || (existing.importHash?.startsWith(PENDING) ?? false);
    const summary: ImportSummary = {
      slug: data.slug,
      outcome: firstImport ? "created" : "updated",
      counts,
      keptWithoutFile: [],
      changed: [],
      conflicts: [],
      overwritten: [],
      verdictsAdded: 0,
      orphaned: [],
      recheck: [],
      publication: { status: existing?.status ?? data.status, version: null, publishedNow: false, statusDiffers: false },
    };
    if (existing && existing.importHash === loaded.hash && !options.overwrite) {
      const latest = await tx.publishedVersion.findFirst({ where: { dossierId: existing.id }, orderBy: { number: "desc" }, select: { number: true } });
      return { done: { ...summary, outcome: "unchanged", publication: { ...summary.publication, version: existing.status === "published" ? (latest?.number ?? null) : null } } as ImportSummary };
    }
    // checkDossierImport ran before the first write; checked again here, in the transaction.
    if (firstImport && data.status === "published") {
      const gate = publishGate(data.claims.map((c, i) => ({ id: String(i), verdict: c.verdicts.at(-1)?.status ?? null, hasPendingProposal: false, needsRecheck: false })));
      if (!gate.ready) throw new ImportRefused(gate.blocking.map((c) => ({ file, field: `claims[${c.id}].verdicts`, message: `claim "${data.claims[Number(c.id)]!.key}" has no verdict, and this dossier is marked published: the publish gate refuses it.` })));
    }
    const users = await tx.user.findMany({ where: { email: { in: [...emails] } }, select: { id: true, email: true } });
    const strangers = unknownMembers(loaded, new Set(users.map((u) => u.email)));
    if (strangers.length) throw new ImportRefused(strangers);
    let dossierId: string;
    if (existing) {
      dossierId = existing.id;
    } else {
      // Created as the files say, but only published (last step) once everything is written through the gate.
      const created = await tx.dossier.create({
        data: { slug: data.slug, title: data.title, summary: data.summary, language: data.language, status: "draft", publishedAt: data.publishedAt ? day(data.publishedAt) : null, body: loaded.body, importHash: PENDING + loaded.hash },
        select: { id: true },
      });
      dossierId = created.id;
      await appendRevision(tx, dossierId, loaded.body, `imported from ${loaded.folder}`);
    }
    const recheckWatch = firstImport ? null : await watchRechecks(tx, dossierId);
    const stored = new Map(
      (await tx.importedRecord.findMany({ where: { dossierId }, select: { kind: true, key: true, fingerprint: true, recordId: true } })).map((r) => [`${r.kind}/${r.key}`, r]),
    );
    const context = { existing, firstImport, summary, users, dossierId, recheckWatch, stored };
    const merge = merger(context, options);
    if (existing) {
      const fields = { title: data.title, summary: data.summary, language: data.language };
      await merge(tx, "dossier", data.slug, "the dossier's title, summary and language", fields, { title: existing.title, summary: existing.summary, language: existing.language }, async () => {
        await tx.dossier.update({ where: { id: dossierId }, data: { ...fields, version: { increment: 1 } } });
      });
      await merge(tx, "article", "article", "article", { body: loaded.body }, { body: existing.body }, async () => {
        await tx.dossier.update({ where: { id: dossierId }, data: { body: loaded.body, version: { increment: 1 } } });
        await appendRevision(tx, dossierId, loaded.body, `re-imported from ${loaded.folder}`);
      });
    } else {
      await merge(tx, "dossier", data.slug, "dossier", { title: data.title, summary: data.summary, language: data.language }, null, async () => {});
      await merge(tx, "article", "article", "article", { body: loaded.body }, null, async () => {});
    }
    return { done: null, context };
  });
  if (first.done) return first.done;
  const { existing, firstImport, summary, users, dossierId, recheckWatch, stored } = first.context!;
  const merge = merger(first.context!, options);
  const userId = (email?: string | null) => (email ? (users.find((u) => u.email === email)?.id ?? null) : null);
  const publishedAt = existing?.publishedAt ?? (data.publishedAt ? day(data.publishedAt) : null);

  // Keys of what the database holds now (a record kept as the newsroom has it is still referred to).
  const entityIds = new Map<string, string>();
  const sourceIds = new Map<string, string>();
  const claimIds = new Map<string, string>();
  const byKey = <T extends { key: string | null }>(rows: T[]) => new Map(rows.flatMap((r) => (r.key ? [[r.key, r] as const] : [])));

  /**
   * Writes `items` in steps: each chunk reads the rows it compares with (`load`) in its own
   * transaction and is sized so the step lasts about STEP_BUDGET_MS. A step that runs again
   * (PostgreSQL reruns a transaction that lost to a concurrent writer) starts from the state
   * before it.
   */
  const inSteps = async <T, R>(what: string, items: readonly T[], load: (tx: Tx, chunk: readonly T[]) => Promise<R>, work: (tx: Tx, rows: R, item: T, index: number) => Promise<void>) => {
    let size = 10;
    for (let next = 0; next < items.length; ) {
      const saved = { changed: summary.changed.length, conflicts: summary.conflicts.length, overwritten: summary.overwritten.length, verdictsAdded: summary.verdictsAdded, maps: [entityIds, sourceIds, claimIds].map((m) => new Map(m)) };
      const chunk = items.slice(next, next + size);
      const started = performance.now();
      await step(async (tx) => {
        summary.changed.length = saved.changed;
        summary.conflicts.length = saved.conflicts;
        summary.overwritten.length = saved.overwritten;
        summary.verdictsAdded = saved.verdictsAdded;
        [entityIds, sourceIds, claimIds].forEach((m, i) => {
          m.clear();
          for (const [k, v] of saved.maps[i]!) m.set(k, v);
        });
        const rows = await load(tx, chunk);
        for (const [i, item] of chunk.entries()) await work(tx, rows, item, next + i);
      });
      const perItem = Math.max(0.05, (performance.now() - started) / chunk.length);
      size = Math.max(1, Math.min(500, Math.floor(STEP_BUDGET_MS / perItem)));
      next += chunk.length;
      progress?.(what, next, items.length);
    }
  };
  const keysOf = (chunk: readonly { key: string }[]) => ({ in: chunk.map((c) => c.key) });

  // ── Entities ──
  await inSteps(
    "entities",
    data.entities,
    async (tx, chunk) => byKey(await tx.entity.findMany({ where: { dossierId, key: keysOf(chunk) }, select: { id: true, key: true, kind: true, name: true, description: true } })),
    async (tx, entities, e) => {
      const row = entities.get(e.key);
      if (row) entityIds.set(e.key, row.id);
      const fields = { kind: e.kind, name: e.name, description: e.description };
      await merge(tx, "entity", e.key, `entity ${e.key}`, fields, row ? { kind: row.kind, name: row.name, description: row.description } : null, async () => {
        const written = await tx.entity.upsert({ where: { dossierId_key: { dossierId, key: e.key } }, create: { dossierId, key: e.key, ...fields }, update: { ...fields, version: { increment: 1 } }, select: { id: true } });
        entityIds.set(e.key, written.id);
        return written.id;
      });
    },
  );

  // ── Sources ──
  const sourceSelect = { id: true, key: true, kind: true, title: true, url: true, publisher: true, author: true, date: true, accessedAt: true, reliability: true, confidential: true, publicDescription: true, identity: true, notes: true } as const;
  await inSteps(
    "sources",
    [...data.sources.entries()].map(([position, s]) => ({ key: s.key, position, s })),
    async (tx, chunk) => byKey(await tx.source.findMany({ where: { dossierId, key: keysOf(chunk) }, select: sourceSelect })),
    async (tx, sources, { s, position }) => {
      const row = sources.get(s.key);
      if (row) sourceIds.set(s.key, row.id);
      const fields = {
        kind: s.kind,
        title: s.title,
        url: s.url ?? null,
        publisher: s.publisher ?? null,
        author: s.author ?? null,
        date: s.date ?? null,
        accessedAt: s.accessedAt ?? null,
        reliability: s.reliability,
        confidential: s.confidential,
        publicDescription: s.publicDescription ?? null,
        identity: s.identity ?? null,
        notes: s.notes ?? null,
      };
      const dbCanon = row ? (({ id: _id, key: _key, ...rest }) => rest)(row) : null;
      await merge(tx, "source", s.key, `source ${s.key}`, fields, dbCanon, async () => {
        const written = await tx.source.upsert({ where: { dossierId_key: { dossierId, key: s.key } }, create: { dossierId, key: s.key, ...fields, position }, update: { ...fields, position, version: { increment: 1 } }, select: { id: true } });
        sourceIds.set(s.key, written.id);
        return written.id;
      });
    },
  );
  const sourceKeyOf = new Map([...sourceIds].map(([k, id]) => [id, k]));

  // ── Claims, their evidence and verdicts ──
  const vocabulary = verdictVocabulary();
  await inSteps(
    "claims",
    [...data.claims.entries()].map(([position, c]) => ({ key: c.key, position, c })),
    async (tx, chunk) =>
      byKey(
        await tx.claim.findMany({
          where: { dossierId, key: keysOf(chunk) },
          select: { id: true, key: true, text: true, anchorExact: true, hedged: true, anchorRevision: true, history: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { toVerdict: true, createdAt: true } } },
        }),
      ),
    async (tx, claims, { c, position }) => {
      const row = claims.get(c.key);
      if (row) claimIds.set(c.key, row.id);
      const anchor = loaded.anchors.get(c.key)!;
      await merge(tx, "claim", c.key, `claim ${c.key}`, claimCanon(c, anchor.exact), row ? { text: row.text, passage: row.anchorExact, hedged: row.hedged } : null, async () => {
        const anchorFields = anchoredColumns(anchor);
        const written = await tx.claim.upsert({
          where: { dossierId_key: { dossierId, key: c.key } },
          create: { dossierId, key: c.key, authorId: userId(c.author), text: c.text, hedged: c.hedged, position, ...anchorFields },
          update: { text: c.text, hedged: c.hedged, position, ...anchorFields, version: { increment: 1 } },
          select: { id: true },
        });
        claimIds.set(c.key, written.id);
        return written.id;
      });
      const claimId = claimIds.get(c.key);
      if (!claimId) return; // deleted in the newsroom and kept so: nothing to attach evidence or verdicts to
      const evidenceIds = await syncEvidence(tx, claimId, c, sourceIds, sourceKeyOf, stored, (...args) => merge(tx, ...args));

      // Verdicts: the files' decisions that the claim's history does not have yet (it is
      // append-only), each checked against the verdict rules with the dossier's real publication
      // date (checkDossierImport refused the dossier before any write when one fails).
      const lastKnown = row?.history[0] ?? null;
      const fresh = c.verdicts.map((v, j) => ({ v, j })).filter(({ v }) => !lastKnown || day(v.decidedAt) > lastKnown.createdAt);
      const refusals = importedVerdictRefusals(c, { publishedAt: publishedAt ? isoDay(publishedAt) : null }, vocabulary).filter((r) => fresh.some((f) => f.j === r.index));
      if (refusals.length) throw new ImportRefused(refusals.map((r) => ({ file, field: `claims[${position}].verdicts[${r.index}].${r.field}`, message: r.message })));
      let from = lastKnown?.toVerdict ?? null;
      for (const { v } of fresh) {
        const now = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { anchorRevision: true } });
        // What the decision checked is what the files describe (a claim kept as the newsroom changed
        // it then differs from it, and rightly needs a re-check).
        const checked = checkedStateOf({ text: c.text, passage: anchor.exact, anchorRevision: now.anchorRevision, evidence: fileEvidence(c, evidenceIds, sourceIds) }, evidenceIds);
        await tx.verdictChange.create({
          data: {
            claimId,
            fromVerdict: from,
            toVerdict: v.status,
            rationale: v.rationale,
            evidenceIds: JSON.stringify(evidenceIds),
            correctionNote: v.correctionNote ?? null,
            checked: JSON.stringify(checked),
            actorId: userId(v.decidedBy),
            createdAt: day(v.decidedAt),
          },
        });
        from = v.status;
        summary.verdictsAdded++;
      }
      if (fresh.length === 0) return;
      const current = c.verdicts[c.verdicts.length - 1]!;
      const pending = await tx.verdictProposal.count({ where: { claimId, status: "pending" } });
      await tx.claim.update({
        where: { id: claimId },
        data: { verdict: current.status, verdictRationale: current.rationale, verdictSetAt: day(current.decidedAt), verdictSetById: userId(current.decidedBy), reviewState: pending ? "proposed" : "reviewed" },
      });
      if (!firstImport) summary.changed.push(`claim ${c.key} (${fresh.length === 1 ? "1 verdict added" : `${fresh.length} verdicts added`})`);
    },
  );

  // ── Quotes, questions, timeline ──
  const entityKeyOf = new Map([...entityIds].map(([k, id]) => [id, k]));
  const claimKeyOf = new Map([...claimIds].map(([k, id]) => [id, k]));
  await inSteps(
    "quotes",
    [...data.quotes.entries()].map(([position, q]) => ({ key: q.key, position, q })),
    async (tx, chunk) => byKey(await tx.quote.findMany({ where: { dossierId, key: keysOf(chunk) }, select: { id: true, key: true, text: true, language: true, speakerId: true, speakerLabel: true, date: true, context: true, sourceId: true, onRecord: true } })),
    async (tx, quotes, { q, position }) => {
      const row = quotes.get(q.key);
      const canon = { text: q.text, language: q.language, speaker: q.speaker ?? null, speakerLabel: q.speakerLabel ?? null, date: q.date ?? null, context: q.context, source: q.source ?? null, onRecord: q.onRecord };
      const dbCanon = row
        ? { text: row.text, language: row.language, speaker: row.speakerId ? (entityKeyOf.get(row.speakerId) ?? row.speakerId) : null, speakerLabel: row.speakerLabel, date: row.date, context: row.context, source: row.sourceId ? (sourceKeyOf.get(row.sourceId) ?? row.sourceId) : null, onRecord: row.onRecord }
        : null;
      await merge(tx, "quote", q.key, `quote ${q.key}`, canon, dbCanon, async () => {
        const fields = { text: q.text, language: q.language, speakerId: q.speaker ? (entityIds.get(q.speaker) ?? null) : null, speakerLabel: q.speakerLabel ?? null, date: q.date ?? null, context: q.context, sourceId: q.source ? (sourceIds.get(q.source) ?? null) : null, onRecord: q.onRecord, position };
        return (await tx.quote.upsert({ where: { dossierId_key: { dossierId, key: q.key } }, create: { dossierId, key: q.key, ...fields }, update: { ...fields, version: { increment: 1 } }, select: { id: true } })).id;
      });
    },
  );

  await inSteps(
    "questions",
    [...data.questions.entries()].map(([position, q]) => ({ key: q.key, position, q })),
    async (tx, chunk) => ({
      ownerEmails: new Map((await tx.user.findMany({ where: { questionsOwned: { some: { dossierId } } }, select: { id: true, email: true } })).map((u) => [u.id, u.email])),
      questions: byKey(await tx.openQuestion.findMany({ where: { dossierId, key: keysOf(chunk) }, select: { id: true, key: true, text: true, status: true, ownerId: true, answer: true, answeringClaimId: true, answeredAt: true } })),
    }),
    async (tx, { ownerEmails, questions }, { q, position }) => {
      const row = questions.get(q.key);
      const canon = { text: q.text, status: q.status, owner: q.owner ?? null, answer: q.answer ?? null, answeredBy: q.answeredBy ?? null, answeredAt: q.answeredAt ?? null };
      const dbCanon = row
        ? { text: row.text, status: row.status, owner: row.ownerId ? (ownerEmails.get(row.ownerId) ?? row.ownerId) : null, answer: row.answer, answeredBy: row.answeringClaimId ? (claimKeyOf.get(row.answeringClaimId) ?? row.answeringClaimId) : null, answeredAt: isoDay(row.answeredAt) }
        : null;
      await merge(tx, "question", q.key, `question ${q.key}`, canon, dbCanon, async () => {
        const fields = { text: q.text, status: q.status, ownerId: userId(q.owner), answer: q.answer ?? null, answeringClaimId: q.answeredBy ? (claimIds.get(q.answeredBy) ?? null) : null, answeredAt: q.answeredAt ? day(q.answeredAt) : null, position };
        return (await tx.openQuestion.upsert({ where: { dossierId_key: { dossierId, key: q.key } }, create: { dossierId, key: q.key, ...fields }, update: { ...fields, version: { increment: 1 } }, select: { id: true } })).id;
      });
    },
  );

  await inSteps(
    "events",
    data.events,
    async (tx, chunk) =>
      byKey(
        await tx.timelineEvent.findMany({
          where: { dossierId, key: keysOf(chunk) },
          select: { id: true, key: true, title: true, description: true, date: true, certainty: true, claims: { select: { claimId: true } }, sources: { select: { sourceId: true } } },
        }),
      ),
    async (tx, events, ev) => {
      const row = events.get(ev.key);
      const canon = { title: ev.title, description: ev.description, date: ev.date, certainty: ev.certainty, claims: [...ev.claims].sort(), sources: [...ev.sources].sort() };
      const dbCanon = row
        ? {
            title: row.title,
            description: row.description,
            date: row.date,
            certainty: row.certainty,
            claims: row.claims.map((c) => claimKeyOf.get(c.claimId) ?? c.claimId).sort(),
            sources: row.sources.map((s) => sourceKeyOf.get(s.sourceId) ?? s.sourceId).sort(),
          }
        : null;
      await merge(tx, "event", ev.key, `event ${ev.key}`, canon, dbCanon, async () => {
        const bounds = loaded.eventBounds.get(ev.key)!;
        const fields = { title: ev.title, description: ev.description, date: ev.date, certainty: ev.certainty, ...bounds };
        const written = await tx.timelineEvent.upsert({ where: { dossierId_key: { dossierId, key: ev.key } }, create: { dossierId, key: ev.key, ...fields }, update: { ...fields, version: { increment: 1 } }, select: { id: true } });
        await tx.eventClaim.deleteMany({ where: { eventId: written.id } });
        await tx.eventSource.deleteMany({ where: { eventId: written.id } });
        const linkedClaims = ev.claims.flatMap((k) => (claimIds.has(k) ? [claimIds.get(k)!] : []));
        const linkedSources = ev.sources.flatMap((k) => (sourceIds.has(k) ? [sourceIds.get(k)!] : []));
        if (linkedClaims.length) await tx.eventClaim.createMany({ data: linkedClaims.map((claimId) => ({ eventId: written.id, claimId })) });
        if (linkedSources.length) await tx.eventSource.createMany({ data: linkedSources.map((sourceId) => ({ eventId: written.id, sourceId })) });
        return written.id;
      });
    },
  );

  // ── Last step: re-anchoring, publication, the import hash and the audit entry ──
  return step(async (tx) => {
    const result: ImportSummary = { ...summary, publication: { ...summary.publication } };
    if (!firstImport) {
      result.keptWithoutFile = await recordsLeftOut(tx, dossierId, data);
      // The claims follow the article kept (the newsroom's, in a conflict): the files' anchors were
      // computed against the files' article.
      const dossier = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { id: true, slug: true, status: true, version: true, body: true } });
      const report = await reanchorClaims(tx, actor, dossier, dossier.body);
      result.orphaned = report.orphaned.map((c) => c.text);
      result.recheck = (await recheckWatch!(actor, tx)).map((c) => c.text);
      // With conflicts left, the files are not fully imported: the next run reports them again.
      if (result.conflicts.length === 0) await tx.dossier.update({ where: { id: dossierId }, data: { importHash: loaded.hash } });
      result.publication.statusDiffers = existing!.status !== data.status;
      if (existing!.status === "published") result.publication.version = (await latestVersion(tx, dossierId))?.number ?? null;
    } else {
      // A first import (or one completed now) is no longer pending; with conflicts (a first import
      // resumed after the newsroom changed a record) the next run reports them again.
      await tx.dossier.update({ where: { id: dossierId }, data: { importHash: result.conflicts.length === 0 ? loaded.hash : null } });
      if (data.status === "published") {
        // Through the gate; the dossier's first published version is what the files describe.
        const now = new Date();
        await tx.dossier.update({ where: { id: dossierId }, data: { status: "published" } });
        const view = await buildReaderView(tx, dossierId);
        const written = await writeVersion(tx, { dossierId, view, hash: viewHash(view), previous: null, note: null, publishedById: null, now });
        await tx.publicationEvent.create({ data: { dossierId, action: "publish", versionNumber: written.number, message: `Imported from ${loaded.folder}`, createdAt: now } });
        // A first publication like any other for webhook subscribers (the outbox, in this transaction).
        await enqueuePublication(tx, null, written.view, written.number, now);
        result.publication = { status: "published", version: written.number, publishedNow: true, statusDiffers: false };
      }
    }
    if (!firstImport && result.changed.length === 0 && result.overwritten.length === 0 && result.verdictsAdded === 0) {
      result.outcome = "unchanged";
    }
    await recordAudit(tx, actor, {
      action: firstImport ? "dossier.import" : "dossier.reimport",
      entityType: "dossier",
      entityId: dossierId,
      dossierId,
      dossierSlug: data.slug,
      after: {
        folder: loaded.folder,
        hash: loaded.hash,
        counts,
        keptWithoutFile: result.keptWithoutFile,
        changed: result.changed,
        conflicts: result.conflicts,
        overwritten: result.overwritten,
        verdictsAdded: result.verdictsAdded,
        publication: result.publication,
      },
    });
    return result;
  });
}

interface MergeContext {
  existing: { id: string } | null;
  summary: ImportSummary;
  dossierId: string;
  stored: Map<string, { fingerprint: string; recordId: string | null }>;
}

/** Decides one record's fate, reports it, and remembers the fingerprint written or recorded. */
function merger({ existing, summary, dossierId, stored }: MergeContext, options: ImportOptions) {
  return async (tx: Tx, kind: Kind, key: string, label: string, fileCanon: Record<string, unknown>, dbCanon: Record<string, unknown> | null, write: (decision: MergeDecision) => Promise<string | void>) => {
    const fileFp = fingerprint(fileCanon);
    const previous = stored.get(`${kind}/${key}`) ?? null;
    const decision = existing ? mergeDecision({ stored: previous?.fingerprint ?? null, file: fileFp, db: dbCanon ? fingerprint(dbCanon) : null, overwrite: options.overwrite ?? false }) : ({ action: "create" } as const);
    let recordId: string | null = previous?.recordId ?? null;
    switch (decision.action) {
      case "keep":
        return;
      case "conflict":
        summary.conflicts.push({ record: label, reason: decision.reason, fields: dbCanon ? differingFields(dbCanon, fileCanon) : [] });
        return;
      case "overwrite":
        summary.overwritten.push({ record: label, reason: decision.reason, fields: dbCanon ? differingFields(dbCanon, fileCanon) : [] });
        recordId = (await write(decision)) ?? recordId;
        break;
      case "create":
      case "update":
        if (existing) summary.changed.push(kind === "article" ? "article" : `${label} (${decision.action === "create" ? "created" : "updated"})`);
        recordId = (await write(decision)) ?? recordId;
        break;
      case "record":
        break;
    }
    await tx.importedRecord.upsert({
      where: { dossierId_kind_key: { dossierId, kind, key } },
      create: { dossierId, kind, key, fingerprint: fileFp, recordId },
      update: { fingerprint: fileFp, recordId },
    });
  };
}

async function appendRevision(tx: Tx, dossierId: string, body: string, note: string) {
  const last = await tx.articleRevision.findFirst({ where: { dossierId }, orderBy: { number: "desc" }, select: { number: true } });
  await tx.articleRevision.create({ data: { dossierId, number: (last?.number ?? 0) + 1, body, note } });
}

/** The evidence as the files describe it, for the record a decision keeps of what it checked. */
function fileEvidence(claim: ContentClaim, evidenceIds: string[], sourceIds: Map<string, string>) {
  return claim.evidence.flatMap((ev, i) => (evidenceIds[i] ? [{ id: evidenceIds[i]!, sourceId: sourceIds.get(ev.source) ?? "", stance: ev.stance, excerpt: ev.excerpt }] : []));
}

type Merge = (kind: Kind, key: string, label: string, fileCanon: Record<string, unknown>, dbCanon: Record<string, unknown> | null, write: (decision: MergeDecision) => Promise<string | void>) => Promise<void>;

/**
 * Evidence has no key of its own: the files identify it by (claim, source, stance), and the import
 * remembers which row it wrote, so evidence whose stance or source was changed in the newsroom is
 * recognised (and kept) rather than imported a second time. Returns the row ids, in file order
 * ("" where a piece of evidence was deleted in the newsroom and kept so).
 */
async function syncEvidence(
  tx: Tx,
  claimId: string,
  claim: ContentClaim,
  sourceIds: Map<string, string>,
  sourceKeyOf: Map<string, string>,
  stored: Map<string, { recordId: string | null }>,
  merge: Merge,
): Promise<string[]> {
  const current = await tx.evidence.findMany({ where: { claimId }, select: { id: true, sourceId: true, stance: true, excerpt: true, note: true } });
  const taken = new Set<string>();
  const ids: string[] = [];
  for (const ev of claim.evidence) {
    const key = `${claim.key}:${ev.source}:${ev.stance}`;
    const sourceId = sourceIds.get(ev.source) ?? null;
    const remembered = stored.get(`evidence/${key}`)?.recordId ?? null;
    const row = remembered ? current.find((c) => c.id === remembered) : current.find((c) => !taken.has(c.id) && c.sourceId === sourceId && c.stance === ev.stance);
    if (row) taken.add(row.id);
    let id = row?.id ?? "";
    const canon = { source: ev.source, stance: ev.stance, excerpt: ev.excerpt, note: ev.note ?? null };
    const dbCanon = row ? { source: sourceKeyOf.get(row.sourceId) ?? row.sourceId, stance: row.stance, excerpt: row.excerpt, note: row.note } : null;
    await merge("evidence", key, `evidence of claim ${claim.key} from ${ev.source} (${ev.stance})`, canon, dbCanon, async () => {
      if (!sourceId) return;
      const fields = { sourceId, stance: ev.stance, excerpt: ev.excerpt, note: ev.note ?? null };
      const written = row
        ? await tx.evidence.update({ where: { id: row.id }, data: { ...fields, version: { increment: 1 } }, select: { id: true } })
        : await tx.evidence.create({ data: { claimId, ...fields }, select: { id: true } });
      id = written.id;
      return written.id;
    });
    ids.push(id);
  }
  return ids;
}

async function recordsLeftOut(tx: Tx, dossierId: string, data: LoadedDossier["data"]): Promise<string[]> {
  const left: string[] = [];
  const check = async (label: string, rows: { key: string | null }[], keys: { key: string }[]) => {
    const inFile = new Set(keys.map((k) => k.key));
    for (const r of rows) if (r.key && !inFile.has(r.key)) left.push(`${label} ${r.key}`);
  };
  const where = { where: { dossierId }, select: { key: true } } as const;
  await check("claim", await tx.claim.findMany(where), data.claims);
  await check("source", await tx.source.findMany(where), data.sources);
  await check("quote", await tx.quote.findMany(where), data.quotes);
  await check("entity", await tx.entity.findMany(where), data.entities);
  await check("question", await tx.openQuestion.findMany(where), data.questions);
  await check("event", await tx.timelineEvent.findMany(where), data.events);
  return left;
}
