import "server-only";
// Keeping the index in step with the content. Every write to a content table enqueues the
// changed record in search_outbox through a trigger, inside the writer's own transaction: a write
// that commits is always enqueued, one that rolls back never is. The outbox is drained (documents
// re-derived from the rows as they are now) before every search, so a search never answers from
// an index older than the data it reads; draining is idempotent, and a failed drain leaves the
// outbox as it was for the next one.
import { db, provider, type Tx } from "../db";
import {
  claimDocuments,
  entityDocuments,
  eventDocuments,
  passageDocuments,
  publishedDocuments,
  questionDocuments,
  quoteDocuments,
  sourceDocuments,
  type SearchDocument,
} from "./documents";
import { SEARCH_SCHEMA_VERSION, WATCHED, type SearchEngine } from "./engine";
import { postgresEngine } from "./postgres-engine";
import { sqliteEngine } from "./sqlite-engine";

export function engineFor(p: typeof provider = provider): SearchEngine {
  return p === "postgresql" ? postgresEngine : sqliteEngine;
}

const engine = engineFor();

/** Outbox rows handled per transaction: short transactions, never in a writer's way for long. */
const DRAIN_BATCH = 500;
const LONG = { timeout: 600_000, maxWait: 60_000 } as const;
// PostgreSQL: the index's writers serialise on engine.lock, so READ COMMITTED is enough (and never
// aborts a drain for a writer's sake). The client's types are SQLite's, which knows one level only.
const txOptions = (provider === "postgresql" ? { ...LONG, isolationLevel: "ReadCommitted" } : LONG) as typeof LONG;

async function run(tx: Tx, statements: string[]) {
  for (const sql of statements) await tx.$executeRawUnsafe(sql);
}

/** One drain or rebuild at a time in this process (other processes wait on engine.lock). */
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => {});
  return next;
}

async function schemaVersion(): Promise<string | null> {
  try {
    const rows = await db.$queryRawUnsafe<{ value: string }[]>(`SELECT value FROM search_meta WHERE key = 'version'`);
    return rows[0]?.value ?? null;
  } catch {
    return null; // no search_meta yet
  }
}

/** Every record of every dossier, enqueued (a rebuild: the index is then derived from scratch). */
async function enqueueEverything(tx: Tx) {
  for (const w of WATCHED) await tx.$executeRawUnsafe(`INSERT INTO search_outbox (kind, record_id) SELECT '${w.kind}', id FROM "${w.table}"`);
}

let ready: Promise<void> | null = null;

/**
 * Creates the search tables and triggers when this database has none (or older ones), then
 * indexes everything in it. Runs once per process, before the first search; `npm start` runs it
 * at start-up too, so a fresh install's first search is quick.
 */
export function ensureSearchIndex(): Promise<void> {
  ready ??= (async () => {
    if ((await schemaVersion()) === SEARCH_SCHEMA_VERSION) return;
    await serialised(() =>
      db.$transaction(async (tx) => {
        if (provider === "postgresql") await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(72170017)) AS l`);
        const current = await tx.$queryRawUnsafe<{ n: number | bigint }[]>(
          provider === "postgresql"
            ? `SELECT count(*)::integer AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'search_meta'`
            : `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'search_meta'`,
        );
        if (Number(current[0]?.n) > 0) {
          const v = await tx.$queryRawUnsafe<{ value: string }[]>(`SELECT value FROM search_meta WHERE key = 'version'`);
          if (v[0]?.value === SEARCH_SCHEMA_VERSION) return; // another process just did it
        }
        // Triggers first, in the same transaction as the enqueueing: no write can slip between.
        await run(tx, engine.teardownStatements());
        await run(tx, engine.setupStatements());
        await tx.$executeRawUnsafe(`DELETE FROM search_meta WHERE key = 'version'`);
        await tx.$executeRawUnsafe(`INSERT INTO search_meta (key, value) VALUES ('version', '${SEARCH_SCHEMA_VERSION}')`);
        await enqueueEverything(tx);
      }, txOptions),
    );
    await drainSearchOutbox();
  })().catch((error) => {
    ready = null;
    throw error;
  });
  return ready;
}

async function documentsFor(tx: Tx, kind: string, ids: string[]): Promise<SearchDocument[]> {
  switch (kind) {
    case "claim":
      return claimDocuments(tx, ids);
    case "source":
      return sourceDocuments(tx, ids);
    case "quote":
      return quoteDocuments(tx, ids);
    case "entity":
      return entityDocuments(tx, ids);
    case "question":
      return questionDocuments(tx, ids);
    case "event":
      return eventDocuments(tx, ids);
    default:
      return [];
  }
}

const placeholders = (n: number, from = 1) => Array.from({ length: n }, (_, i) => engine.param(from + i)).join(", ");

/** Re-derives the documents of some records of one kind from their rows (none for a deleted one). */
async function reindex(tx: Tx, kind: string, ids: string[]): Promise<number> {
  if (kind === "dossier") {
    let written = 0;
    for (const id of ids) {
      // Its passages in the working copy and everything readers may find of it.
      await tx.$executeRawUnsafe(`DELETE FROM search_doc WHERE dossier_id = ${engine.param(1)} AND (audience = 'public' OR kind = 'passage')`, id);
      const dossier = await tx.dossier.findUnique({ where: { id }, select: { id: true, title: true, body: true, language: true, updatedAt: true } });
      if (!dossier) {
        await tx.$executeRawUnsafe(`DELETE FROM search_doc WHERE dossier_id = ${engine.param(1)}`, id);
        continue;
      }
      const docs = [...(await passageDocuments(dossier)), ...(await publishedDocuments(tx, id))];
      await engine.insert(tx, docs);
      written += docs.length;
    }
    return written;
  }
  if (kind === "entity") {
    // A quote shows its speaker's name: renaming a person re-indexes their quotes.
    const quotes = await tx.quote.findMany({ where: { speakerId: { in: ids } }, select: { id: true } });
    if (quotes.length > 0) await reindex(tx, "quote", quotes.map((q) => q.id));
  }
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    await tx.$executeRawUnsafe(`DELETE FROM search_doc WHERE audience = 'staff' AND kind = ${engine.param(1)} AND record_id IN (${placeholders(chunk.length, 2)})`, kind, ...chunk);
  }
  const docs = await documentsFor(tx, kind, ids);
  await engine.insert(tx, docs);
  return docs.length;
}

/** Brings the index up to date with everything the outbox holds. Returns how many changes it handled. */
export function drainSearchOutbox(): Promise<number> {
  return serialised(async () => {
    let handled = 0;
    for (;;) {
      const batch = await db.$transaction(async (tx) => {
        await engine.lock(tx);
        const rows = await tx.$queryRawUnsafe<{ id: number | bigint; kind: string; record_id: string }[]>(
          `SELECT id, kind, record_id FROM search_outbox ORDER BY id LIMIT ${DRAIN_BATCH}`,
        );
        if (rows.length === 0) return 0;
        const byKind = new Map<string, Set<string>>();
        for (const r of rows) {
          if (!byKind.has(r.kind)) byKind.set(r.kind, new Set());
          byKind.get(r.kind)!.add(r.record_id);
        }
        for (const [kind, ids] of byKind) await reindex(tx, kind, [...ids]);
        const last = rows[rows.length - 1]!.id;
        await tx.$executeRawUnsafe(`DELETE FROM search_outbox WHERE id <= ${engine.param(1)}`, typeof last === "bigint" ? Number(last) : last);
        return rows.length;
      }, txOptions);
      handled += batch;
      if (batch < DRAIN_BATCH) return handled;
    }
  });
}

/** Is anything waiting in the outbox? (One indexed read: cheap enough before every search.) */
async function pending(): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 AS pending FROM search_outbox LIMIT 1`);
  return rows.length > 0;
}

/** The index, ready and up to date, for one search. */
export async function upToDateIndex(): Promise<{ engine: SearchEngine }> {
  await ensureSearchIndex();
  if (await pending()) await drainSearchOutbox();
  return { engine };
}

/** `npm run search:rebuild`: every document derived again from the rows. */
export async function rebuildSearchIndex(onProgress?: (handled: number) => void): Promise<{ documents: number; bytes: number; engine: string }> {
  await ensureSearchIndex();
  await serialised(() =>
    db.$transaction(async (tx) => {
      await engine.lock(tx);
      await tx.$executeRawUnsafe(`DELETE FROM search_doc`);
      await tx.$executeRawUnsafe(`DELETE FROM search_outbox`);
      await enqueueEverything(tx);
    }, txOptions),
  );
  let total = 0;
  for (;;) {
    const handled = await drainSearchOutbox();
    total += handled;
    onProgress?.(total);
    if (handled === 0 || !(await pending())) break;
  }
  const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM search_doc`);
  return { documents: Number(rows[0]?.n ?? 0), bytes: await engine.size(db), engine: engine.name };
}

/** Bytes the index takes (benchmarks, the rebuild's report). */
export async function searchIndexSize(): Promise<number> {
  await ensureSearchIndex();
  return engine.size(db);
}
