import "server-only";
// The SQLite engine: FTS5 (compiled into better-sqlite3) over words folded and stemmed in
// JavaScript (lib/domain/search.ts), in French and in English columns. The FTS5 table is
// contentless: search_doc keeps the text once, for snippets.
import { fts5Match, stemmedText, type ParsedQuery } from "@/lib/domain/search";
import type { Tx } from "../db";
import { COUNT_CAP, FREQUENCY_CAP, filterSql, toHit, WATCHED, type EngineQuery, type SearchEngine } from "./engine";

const q = (name: string) => `"${name}"`;

function triggers(): string[] {
  const out: string[] = [];
  for (const w of WATCHED) {
    const enqueue = (ref: "NEW" | "OLD") => `INSERT INTO search_outbox (kind, record_id) VALUES ('${w.kind}', ${ref}.id);`;
    out.push(`CREATE TRIGGER IF NOT EXISTS search_${w.kind}_insert AFTER INSERT ON ${q(w.table)} BEGIN ${enqueue("NEW")} END`);
    out.push(`CREATE TRIGGER IF NOT EXISTS search_${w.kind}_update AFTER UPDATE OF ${w.columns.map(q).join(", ")} ON ${q(w.table)} BEGIN ${enqueue("NEW")} END`);
    out.push(`CREATE TRIGGER IF NOT EXISTS search_${w.kind}_delete AFTER DELETE ON ${q(w.table)} BEGIN ${enqueue("OLD")} END`);
  }
  // A new published version changes what readers find in its dossier.
  out.push(`CREATE TRIGGER IF NOT EXISTS search_version_insert AFTER INSERT ON "PublishedVersion" BEGIN INSERT INTO search_outbox (kind, record_id) VALUES ('dossier', NEW."dossierId"); END`);
  return out;
}

export const sqliteEngine: SearchEngine = {
  name: "sqlite-fts5",
  param: () => "?",

  setupStatements: () => [
    `CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS search_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, record_id TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS search_doc (
      id INTEGER PRIMARY KEY, audience TEXT NOT NULL, confidential INTEGER NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL,
      dossier_id TEXT NOT NULL, language TEXT NOT NULL, verdict TEXT, day TEXT, title TEXT NOT NULL, body TEXT NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS search_doc_record ON search_doc (kind, record_id)`,
    `CREATE INDEX IF NOT EXISTS search_doc_dossier ON search_doc (dossier_id, audience)`,
    `CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5 (fr_title, fr_body, en_title, en_body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')`,
    `CREATE TRIGGER IF NOT EXISTS search_doc_delete AFTER DELETE ON search_doc BEGIN DELETE FROM search_fts WHERE rowid = OLD.id; END`,
    ...triggers(),
  ],

  teardownStatements: () => [
    ...WATCHED.flatMap((w) => ["insert", "update", "delete"].map((op) => `DROP TRIGGER IF EXISTS search_${w.kind}_${op}`)),
    `DROP TRIGGER IF EXISTS search_version_insert`,
    `DROP TRIGGER IF EXISTS search_doc_delete`,
    `DROP TABLE IF EXISTS search_fts`,
    `DROP TABLE IF EXISTS search_doc`,
    `DROP TABLE IF EXISTS search_outbox`,
  ],

  // SQLite has one writer at a time: a write statement first takes the database's write lock, so
  // the drain's reads and writes cannot interleave with another's.
  async lock(tx: Tx) {
    await tx.$executeRawUnsafe(`UPDATE search_meta SET value = value WHERE key = 'version'`);
  },

  async insert(tx: Tx, docs) {
    if (docs.length === 0) return;
    // Called under engine.lock (the write lock): no other writer can take these ids. Numbering
    // the rows here lets both tables be written 100 rows per statement instead of one by one.
    const top = await tx.$queryRawUnsafe<{ id: number | bigint | null }[]>(`SELECT max(id) AS id FROM search_doc`);
    let next = Number(top[0]?.id ?? 0) + 1;
    for (let i = 0; i < docs.length; i += 100) {
      const batch = docs.slice(i, i + 100);
      const first = next;
      next += batch.length;
      await tx.$executeRawUnsafe(
        `INSERT INTO search_doc (id, audience, confidential, kind, record_id, dossier_id, language, verdict, day, title, body) VALUES ${batch.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
        ...batch.flatMap((d, k) => [first + k, d.audience, d.confidential, d.kind, d.recordId, d.dossierId, d.language, d.verdict, d.day, d.title, d.body]),
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO search_fts (rowid, fr_title, fr_body, en_title, en_body) VALUES ${batch.map(() => "(?, ?, ?, ?, ?)").join(", ")}`,
        ...batch.flatMap((d, k) => {
          const title = stemmedText(d.title);
          const body = stemmedText(d.body);
          return [first + k, title.fr, body.fr, title.en, body.en];
        }),
      );
    }
  },

  async query(tx: Tx, query: EngineQuery) {
    const filter = filterSql(query, () => "?", 2);
    const from = `FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid JOIN "Dossier" x ON x.id = d.dossier_id WHERE search_fts MATCH ? AND ${filter.sql}`;
    const match = fts5Match(query.parsed, query.mode);
    // bm25 is lower for better matches; titles weigh ten times the body.
    const columns = `d.id AS doc_id, d.kind, d.record_id, d.dossier_id, d.language, d.verdict, d.day, d.title, d.body, x.slug, x.title AS dossier_title,
        -bm25(search_fts, 10.0, 1.0, 10.0, 1.0) AS score`;
    const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ${columns} ${from} ORDER BY score DESC, d.id LIMIT ? OFFSET ?`, match, ...filter.params, query.limit, query.offset);
    const counted = await tx.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ${COUNT_CAP + 1})`, match, ...filter.params);
    return { hits: rows.map(toHit), total: Number(counted[0]?.n ?? 0) };
  },

  async candidates(tx: Tx, query: EngineQuery) {
    const filter = filterSql(query, () => "?", 2);
    // No bm25: its first call reads the whole list of every word asked for (to count the documents
    // having it), which for common words was most of the time "seen before" took (decision 082).
    // FTS5 meets the matches in rowid order and stops at the LIMIT.
    const rows = await tx.$queryRawUnsafe<{ record_id: string; title: string }[]>(
      `SELECT d.record_id, d.title FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid JOIN "Dossier" x ON x.id = d.dossier_id
       WHERE search_fts MATCH ? AND ${filter.sql} LIMIT ?`,
      fts5Match(query.parsed, query.mode),
      ...filter.params,
      Math.max(1, Math.floor(query.limit)),
    );
    return rows.map((r) => ({ recordId: String(r.record_id), title: String(r.title) }));
  },

  async frequencies(tx: Tx, parsed: ParsedQuery) {
    if (parsed.terms.length === 0) return [];
    // Every word's count in one statement: one round trip instead of one per word.
    const counts = parsed.terms.map((_, i) => `(SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT ${FREQUENCY_CAP})) AS n${i}`);
    const rows = await tx.$queryRawUnsafe<Record<string, number | bigint>[]>(
      `SELECT ${counts.join(", ")}`,
      ...parsed.terms.map((t, i) => fts5Match({ terms: [t], stems: [parsed.stems[i]!] })),
    );
    return parsed.terms.map((_, i) => Number(rows[0]?.[`n${i}`] ?? 0));
  },

  async size(tx: Tx) {
    try {
      const rows = await tx.$queryRawUnsafe<{ bytes: number | bigint | null }[]>(
        `SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search\\_%' ESCAPE '\\' OR name IN ('search_doc_record', 'search_doc_dossier')`,
      );
      return Number(rows[0]?.bytes ?? 0);
    } catch {
      // dbstat is not compiled into every SQLite.
      return -1;
    }
  },
};
