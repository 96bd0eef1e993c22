import "server-only";
// The PostgreSQL engine: a tsvector per document from the `french` and `english` text-search
// configurations over `unaccent`ed text (titles weigh A, bodies B), a GIN index, and a query that
// matches either language's stems. Stemming happens in PostgreSQL; only folding is shared with
// the SQLite engine (lib/domain/search.ts), so both answer the same conformance tests.
import { postgresQueryText } from "@/lib/domain/search";
import type { Tx } from "../db";
import { COUNT_CAP, filterSql, toHit, WATCHED, type EngineQuery, type SearchEngine } from "./engine";

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
    const filter = filterSql(query, param, 2);
    const tq = tsquery("$1", query.mode === "any");
    const from = `FROM (SELECT ${tq} AS q) AS t, search_doc d JOIN "Dossier" x ON x.id = d.dossier_id WHERE d.vector @@ t.q AND ${filter.sql}`;
    const n = filter.params.length + 2;
    const text = postgresQueryText(query.parsed);
    const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT d.kind, d.record_id, d.dossier_id, d.language, d.verdict, d.day, d.title, d.body, x.slug, x.title AS dossier_title,
        ts_rank(d.vector, t.q)::float8 AS score ${from} ORDER BY score DESC, d.id LIMIT $${n} OFFSET $${n + 1}`,
      text,
      ...filter.params,
      query.limit,
      query.offset,
    );
    const counted = await tx.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*)::integer AS n FROM (SELECT 1 ${from} LIMIT ${COUNT_CAP + 1}) AS c`, text, ...filter.params);
    return { hits: rows.map(toHit), total: Number(counted[0]?.n ?? 0) };
  },

  async size(tx: Tx) {
    const rows = await tx.$queryRawUnsafe<{ bytes: number | bigint }[]>(
      `SELECT (pg_total_relation_size('search_doc') + pg_total_relation_size('search_outbox'))::bigint AS bytes`,
    );
    return Number(rows[0]?.bytes ?? 0);
  },
};
