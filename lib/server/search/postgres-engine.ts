import "server-only";
// The PostgreSQL engine: a tsvector per document from the `french` and `english` text-search
// configurations over `unaccent`ed text (titles weigh A, bodies B), a GIN index, and a query that
// matches either language's stems. Stemming happens in PostgreSQL; only folding is shared with
// the SQLite engine (lib/domain/search.ts), so both answer the same conformance tests.
import { postgresQueryText } from "@/lib/domain/search";
import type { Tx } from "../db";
import type { ParsedQuery } from "@/lib/domain/search";
import { FREQUENCY_CAP, filterParts, toHit, WATCHED, type EngineQuery, type SearchEngine } from "./engine";

const q = (name: string) => `"${name}"`;
const param = (n: number) => `$${n}`;

const vector = (title: string, body: string) =>
  `setweight(to_tsvector('french', unaccent(${title}::text)), 'A') || setweight(to_tsvector('french', unaccent(${body}::text)), 'B') || ` +
  `setweight(to_tsvector('english', unaccent(${title}::text)), 'A') || setweight(to_tsvector('english', unaccent(${body}::text)), 'B')`;

/** plainto_tsquery reads its text as plain words: no query can be a syntax error. */
const tsquery = (text: string, any: boolean) =>
  any
    ? `(replace(plainto_tsquery('french', unaccent(${text}::text))::text, '&', '|')::tsquery || replace(plainto_tsquery('english', unaccent(${text}::text))::text, '&', '|')::tsquery)`
    : `(plainto_tsquery('french', unaccent(${text}::text)) || plainto_tsquery('english', unaccent(${text}::text)))`;

export const postgresEngine: SearchEngine = {
  name: "postgresql-tsvector",
  param,

  setupStatements: () => [
    // unaccent is a trusted extension: the database's owner may create it.
    `CREATE EXTENSION IF NOT EXISTS unaccent`,
    `CREATE TABLE IF NOT EXISTS search_meta (key text PRIMARY KEY, value text NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS search_outbox (id bigserial PRIMARY KEY, kind text NOT NULL, record_id text NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS search_doc (
      id bigserial PRIMARY KEY, audience text NOT NULL, confidential integer NOT NULL, kind text NOT NULL, record_id text NOT NULL,
      dossier_id text NOT NULL, language text NOT NULL, verdict text, day text, title text NOT NULL, body text NOT NULL, vector tsvector NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS search_doc_record ON search_doc (kind, record_id)`,
    `CREATE INDEX IF NOT EXISTS search_doc_dossier ON search_doc (dossier_id, audience)`,
    `CREATE INDEX IF NOT EXISTS search_doc_vector ON search_doc USING gin (vector)`,
    `CREATE OR REPLACE FUNCTION search_enqueue() RETURNS trigger LANGUAGE plpgsql AS $body$
     BEGIN
       IF TG_OP = 'DELETE' THEN
         INSERT INTO search_outbox (kind, record_id) VALUES (TG_ARGV[0], OLD.id);
         RETURN OLD;
       END IF;
       INSERT INTO search_outbox (kind, record_id) VALUES (TG_ARGV[0], NEW.id);
       RETURN NEW;
     END $body$`,
    `CREATE OR REPLACE FUNCTION search_enqueue_version() RETURNS trigger LANGUAGE plpgsql AS $body$
     BEGIN
       INSERT INTO search_outbox (kind, record_id) VALUES ('dossier', NEW."dossierId");
       RETURN NEW;
     END $body$`,
    ...WATCHED.flatMap((w) => [
      `CREATE OR REPLACE TRIGGER search_${w.kind}_insert AFTER INSERT ON ${q(w.table)} FOR EACH ROW EXECUTE FUNCTION search_enqueue('${w.kind}')`,
      `CREATE OR REPLACE TRIGGER search_${w.kind}_update AFTER UPDATE OF ${w.columns.map(q).join(", ")} ON ${q(w.table)} FOR EACH ROW EXECUTE FUNCTION search_enqueue('${w.kind}')`,
      `CREATE OR REPLACE TRIGGER search_${w.kind}_delete AFTER DELETE ON ${q(w.table)} FOR EACH ROW EXECUTE FUNCTION search_enqueue('${w.kind}')`,
    ]),
    `CREATE OR REPLACE TRIGGER search_version_insert AFTER INSERT ON "PublishedVersion" FOR EACH ROW EXECUTE FUNCTION search_enqueue_version()`,
  ],

  teardownStatements: () => [
    ...WATCHED.flatMap((w) => ["insert", "update", "delete"].map((op) => `DROP TRIGGER IF EXISTS search_${w.kind}_${op} ON ${q(w.table)}`)),
    `DROP TRIGGER IF EXISTS search_version_insert ON "PublishedVersion"`,
    `DROP FUNCTION IF EXISTS search_enqueue()`,
    `DROP FUNCTION IF EXISTS search_enqueue_version()`,
    `DROP TABLE IF EXISTS search_doc`,
    `DROP TABLE IF EXISTS search_outbox`,
  ],

  // Writers run in parallel on PostgreSQL: the index's writers take one lock, for their transaction.
  async lock(tx: Tx) {
    await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(72170017)) AS l`);
  },

  async insert(tx: Tx, docs) {
    // Many rows per statement: one round trip per 100 documents.
    for (let i = 0; i < docs.length; i += 100) {
      const batch = docs.slice(i, i + 100);
      const params: unknown[] = [];
      const values = batch.map((d) => {
        const at = params.length;
        params.push(d.audience, d.confidential, d.kind, d.recordId, d.dossierId, d.language, d.verdict, d.day, d.title, d.body);
        const p = (k: number) => `$${at + k}`;
        return `(${p(1)}, ${p(2)}::integer, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${vector(p(9), p(10))})`;
      });
      await tx.$executeRawUnsafe(
        `INSERT INTO search_doc (audience, confidential, kind, record_id, dossier_id, language, verdict, day, title, body, vector) VALUES ${values.join(", ")}`,
        ...params,
      );
    }
  },

  async query(tx: Tx, query: EngineQuery) {
    // The tsquery is computed first and passed back as a constant: the planner then sees the words
    // (GIN index, the column's statistics) and ts_rank no longer re-derives it (unaccent,
    // plainto_tsquery) for every matching row, which was most of a search's time (decision 081).
    const built = await tx.$queryRawUnsafe<{ q: string }[]>(`SELECT (${tsquery("$1", query.mode === "any")})::text AS q`, postgresQueryText(query.parsed));
    const tq = built[0]?.q ?? "";
    if (tq === "") return { hits: [], total: 0 }; // stop words only: nothing is findable by them
    const f = filterParts(query, param, 2);
    const n = f.params.length + 2;
    // The documents' filters first, on search_doc alone (so its plan never depends on how many
    // dossiers the planner believes there are), then the dossiers' (archived, unpublished).
    const ranked = `m AS MATERIALIZED (SELECT d.id, d.dossier_id, ts_rank(d.vector, $1::tsquery)::float8 AS score FROM search_doc d WHERE d.vector @@ $1::tsquery AND ${f.documents}),
           k AS MATERIALIZED (SELECT m.id, m.score FROM m JOIN "Dossier" x ON x.id = m.dossier_id WHERE ${f.dossiers})`;
    const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
      `WITH ${ranked}
       SELECT c.total, p.* FROM (SELECT count(*)::integer AS total FROM k) AS c LEFT JOIN LATERAL (
         SELECT s.id AS doc_id, s.kind, s.record_id, s.dossier_id, s.language, s.verdict, s.day, s.title, s.body, x.slug, x.title AS dossier_title, t.score
         FROM (SELECT id, score FROM k ORDER BY score DESC, id LIMIT $${n} OFFSET $${n + 1}) AS t JOIN search_doc s ON s.id = t.id JOIN "Dossier" x ON x.id = s.dossier_id
       ) AS p ON true ORDER BY p.score DESC, p.doc_id`,
      tq,
      ...f.params,
      query.limit,
      query.offset,
    );
    const total = Number(rows[0]?.total ?? 0);
    return { hits: rows.filter((r) => r.doc_id !== null && r.doc_id !== undefined).map(toHit), total };
  },

  async candidates(tx: Tx, query: EngineQuery) {
    const built = await tx.$queryRawUnsafe<{ q: string }[]>(`SELECT (${tsquery("$1", query.mode === "any")})::text AS q`, postgresQueryText(query.parsed));
    const tq = built[0]?.q ?? "";
    if (tq === "") return [];
    const f = filterParts(query, param, 2);
    // The first matches the scan meets, unranked (the caller scores them), so it stops there. The
    // dossiers left out are a hashed list (NOT IN), never a join the planner could put first.
    const rows = await tx.$queryRawUnsafe<{ record_id: string; title: string }[]>(
      `SELECT d.record_id, d.title FROM search_doc d WHERE d.vector @@ $1::tsquery AND ${f.documents}
         AND d.dossier_id NOT IN (SELECT x.id FROM "Dossier" x WHERE NOT (${f.dossiers})) LIMIT $${f.params.length + 2}`,
      tq,
      ...f.params,
      Math.max(1, Math.floor(query.limit)),
    );
    return rows.map((r) => ({ recordId: String(r.record_id), title: String(r.title) }));
  },

  async frequencies(tx: Tx, parsed: ParsedQuery) {
    if (parsed.terms.length === 0) return [];
    // Each word's tsquery first, then the counts with them as constants: the planner then sees
    // each word (a common one is counted by a scan that stops at FREQUENCY_CAP, a rare one through
    // the GIN index), where a tsquery built in the statement cost a whole GIN list per word.
    const built = await tx.$queryRawUnsafe<{ i: number; q: string }[]>(
      `SELECT u.i::integer AS i, (${tsquery("u.w", false)})::text AS q FROM unnest($1::text[]) WITH ORDINALITY AS u(w, i)`,
      parsed.terms,
    );
    const queries = parsed.terms.map((_, i) => built.find((b) => Number(b.i) === i + 1)?.q ?? "");
    const asked = queries.map((q, i) => ({ q, i })).filter((x) => x.q !== "");
    const counts = new Map<number, number>();
    if (asked.length > 0) {
      const rows = await tx.$queryRawUnsafe<{ i: number; n: number }[]>(
        asked.map((x, k) => `SELECT ${x.i}::integer AS i, (SELECT count(*)::integer FROM (SELECT 1 FROM search_doc d WHERE d.vector @@ $${k + 1}::tsquery LIMIT ${FREQUENCY_CAP}) AS c) AS n`).join(" UNION ALL "),
        ...asked.map((x) => x.q),
      );
      for (const r of rows) counts.set(Number(r.i), Number(r.n));
    }
    // A word of stop words only is in no document's vector.
    return queries.map((_, i) => counts.get(i) ?? 0);
  },

  async size(tx: Tx) {
    const rows = await tx.$queryRawUnsafe<{ bytes: number | bigint }[]>(
      `SELECT (pg_total_relation_size('search_doc') + pg_total_relation_size('search_outbox'))::bigint AS bytes`,
    );
    return Number(rows[0]?.bytes ?? 0);
  },
};
