import "server-only";
// One search interface, two engines: SQLite FTS5 on the embedded default, PostgreSQL full-text
// search (tsvector, `french` and `english`, `unaccent`) on PostgreSQL. Both keep the same tables
// beside Prisma's (created by raw SQL, out of Prisma's migrations: docs/decisions/080):
//   search_outbox  what changed since the index was last brought up to date, written by triggers
//                  on the content tables in the writer's own transaction;
//   search_doc     one row per findable document, with what results show and filter on;
//   search_fts     (SQLite) the FTS5 index over search_doc's stemmed words; on PostgreSQL the
//                  tsvector is a column of search_doc with a GIN index.
import type { ParsedQuery, SearchKind } from "@/lib/domain/search";
import type { Tx } from "../db";
import type { ConfidentialLevel, SearchDocument } from "./documents";

/** Bump when the tables, triggers or documents change: the index is then rebuilt on first use. */
export const SEARCH_SCHEMA_VERSION = "1";

/** The content tables whose rows are documents, and the outbox kind each change enqueues. */
export const WATCHED = [
  { table: "Claim", kind: "claim", columns: ["text", "anchorExact", "verdict", "verdictRationale", "verdictSetAt", "dossierId"] },
  { table: "Source", kind: "source", columns: ["title", "publisher", "author", "date", "confidential", "publicDescription", "identity", "notes"] },
  { table: "Quote", kind: "quote", columns: ["text", "language", "context", "speakerId", "speakerLabel", "date"] },
  { table: "Entity", kind: "entity", columns: ["name", "description"] },
  { table: "OpenQuestion", kind: "question", columns: ["text", "answer", "answeredAt"] },
  { table: "TimelineEvent", kind: "event", columns: ["title", "description", "sortStart"] },
  { table: "Dossier", kind: "dossier", columns: ["title", "body", "language", "status"] },
] as const;

export interface EngineQuery {
  parsed: ParsedQuery;
  /** "all": every term (search); "any": any term, best first (similar claims). */
  mode: "all" | "any";
  audience: "staff" | "public";
  /** Which documents of a confidential source this role may find. */
  confidential: readonly ConfidentialLevel[];
  kinds?: readonly SearchKind[];
  dossierId?: string;
  excludeDossierId?: string;
  /** A verdict key, or "unchecked". */
  verdict?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** A document "seen before" may offer, with only what its scoring reads (decision 082). */
export interface EngineCandidate {
  recordId: string;
  title: string;
}

export interface EngineHit {
  kind: SearchKind;
  recordId: string;
  dossierId: string;
  dossierSlug: string;
  dossierTitle: string;
  language: string;
  verdict: string | null;
  day: string | null;
  title: string;
  body: string;
  /** Higher is better, comparable within one result list only. */
  score: number;
}

export interface SearchEngine {
  readonly name: "sqlite-fts5" | "postgresql-tsvector";
  /** Statements creating the tables, index and triggers (idempotent). */
  setupStatements(): string[];
  /** Statements removing everything setupStatements created (before a schema change). */
  teardownStatements(): string[];
  /** Inside a transaction: wait for any other writer of the index, so two drains never interleave. */
  lock(tx: Tx): Promise<void>;
  insert(tx: Tx, docs: SearchDocument[]): Promise<void>;
  query(tx: Tx, q: EngineQuery): Promise<{ hits: EngineHit[]; total: number }>;
  /**
   * "Seen before": the first `limit` documents matching the query that the scan meets, unranked
   * (the caller scores them), in a stable order; `offset` is ignored.
   */
  candidates(tx: Tx, q: EngineQuery): Promise<EngineCandidate[]>;
  /** How many documents (of any audience and kind) have each term, counted up to FREQUENCY_CAP. */
  frequencies(tx: Tx, parsed: ParsedQuery): Promise<number[]>;
  /** Bytes taken by the index (tables and indexes). */
  size(tx: Tx): Promise<number>;
  /** Placeholder for the n-th parameter (from 1). */
  param(n: number): string;
}

/**
 * The WHERE clause shared by both engines' queries (documents as d, dossiers as x), in its two
 * halves: `documents` reads search_doc's columns only, `dossiers` the dossier's.
 */
export function filterParts(q: EngineQuery, param: (n: number) => string, first: number): { documents: string; dossiers: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return param(first + params.length - 1);
  };
  const where = [`d.audience = ${p(q.audience)}`, `d.confidential IN (${q.confidential.map((c) => p(c)).join(", ")})`];
  const dossiers = [`x."archivedAt" IS NULL`];
  // Readers: a dossier unpublished since its documents were written is out at once.
  if (q.audience === "public") dossiers.push(`x.status = 'published'`);
  if (q.kinds && q.kinds.length > 0) where.push(`d.kind IN (${q.kinds.map((k) => p(k)).join(", ")})`);
  if (q.dossierId) where.push(`d.dossier_id = ${p(q.dossierId)}`);
  if (q.excludeDossierId) where.push(`d.dossier_id <> ${p(q.excludeDossierId)}`);
  if (q.verdict) where.push(`d.verdict = ${p(q.verdict)}`);
  if (q.from) where.push(`d.day >= ${p(q.from)}`);
  if (q.to) where.push(`d.day <= ${p(q.to)}`);
  return { documents: where.join(" AND "), dossiers: dossiers.join(" AND "), params };
}

export function filterSql(q: EngineQuery, param: (n: number) => string, first: number): { sql: string; params: unknown[] } {
  const f = filterParts(q, param, first);
  return { sql: `${f.documents} AND ${f.dossiers}`, params: f.params };
}

/** How many results are counted at most ("more than 1,000"): counting every match of a common word is wasted work. */
export const COUNT_CAP = 1000;

/**
 * Document frequencies are counted up to this: past it, a word is common, whatever its count
 * (only the rarest words matter, and a common word's count is the longest to take).
 */
export const FREQUENCY_CAP = 200;

export function toHit(row: Record<string, unknown>): EngineHit {
  return {
    kind: row.kind as SearchKind,
    recordId: String(row.record_id),
    dossierId: String(row.dossier_id),
    dossierSlug: String(row.slug),
    dossierTitle: String(row.dossier_title),
    language: String(row.language),
    verdict: (row.verdict as string | null) ?? null,
    day: (row.day as string | null) ?? null,
    title: String(row.title),
    body: String(row.body),
    score: Number(row.score),
  };
}
