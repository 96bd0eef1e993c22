// Reads one dossier folder (content/dossiers/<slug>/), validates it completely and resolves every
// claim's anchor in the rendered article. Pure apart from reading the folder's files: the
// importer writes nothing unless this returns ok. Errors name the file, the field and the reason.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { LineCounter, isNode, parseDocument, visit, type Document } from "yaml";
import { anchorQuote, prepareText, type Anchor } from "@/lib/domain/anchoring";
import { speakerLabelLeaks } from "@/lib/domain/confidential-label";
import { describeDifference, matchPassage } from "@/lib/domain/passage-match";
import { parseEdtf } from "@/lib/domain/edtf";
import { importedVerdictRefusals } from "@/lib/domain/verdict-rules";
import { DEFAULT_VERDICTS, findVerdict, type VerdictDefinition } from "@/lib/domain/verdicts";
import { articleText } from "@/lib/markdown/render";
import { ContentDossierSchema, articleBody, type ContentDossier } from "@/lib/schemas/content";
import { ExportRecordSchema, RECORD_FILE, type ExportRecord } from "@/lib/schemas/export";
import { ARTICLE_MAX } from "@/lib/schemas/limits";
import { readTextFile } from "./read-text-file";

export const DOSSIER_FILE = "dossier.yaml";

export interface ContentError {
  file: string;
  /** Dotted path to the field, e.g. "claims[3].anchor.exact"; "" for the whole file. */
  field: string;
  message: string;
  line?: number;
}

export interface LoadedDossier {
  folder: string;
  data: ContentDossier;
  body: string;
  /** Hash of the folder's files: unchanged files → nothing to import. */
  hash: string;
  anchors: Map<string, Anchor>;
  eventBounds: Map<string, { sortStart: string; sortEnd: string }>;
  /** Not errors, but worth a person's attention before the import is trusted (printed by the CLI). */
  warnings: ContentError[];
  /** An export of the newsroom (its dossier.yaml has an `export` block): the complete record. */
  exported?: ExportRecord;
  /**
   * Every email the files name (claim authors, verdict deciders, question owners), where it is
   * written: the importer refuses one that matches no member (docs/decisions/111).
   */
  members?: (Omit<ContentError, "message"> & { email: string })[];
}

export type LoadResult = { ok: true; dossier: LoadedDossier } | { ok: false; errors: ContentError[] };

export const formatContentError = (e: ContentError): string =>
  `${e.file}${e.line ? `:${e.line}` : ""}: ${e.field ? `${e.field}: ` : ""}${e.message}`;

function fieldPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((acc, s) => (typeof s === "number" ? `${acc}[${s}]` : acc ? `${acc}.${String(s)}` : String(s)), "");
}

function lineOf(doc: Document, counter: LineCounter, segments: readonly PropertyKey[]): number | undefined {
  // Walk up until a node exists (a missing field is reported on its parent's line).
  for (let n = segments.length; n >= 0; n--) {
    const node = doc.getIn(segments.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** A dossier.yaml holds records, not the article: far below this. */
export const DOSSIER_FILE_MAX_BYTES = 10_000_000;

export function loadDossierFolder(folder: string, vocabulary: readonly VerdictDefinition[] = DEFAULT_VERDICTS): LoadResult {
  const shown = path.relative(process.cwd(), path.resolve(folder));
  const rel = (f: string) => path.join(shown.startsWith("..") ? path.resolve(folder) : shown, f);
  try {
    return loadValidated(folder, vocabulary, rel);
  } catch (error) {
    // Whatever a file holds, the person importing it gets a sentence, not a stack trace.
    const reason = error instanceof RangeError ? "the file is nested too deeply to be read" : error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ file: rel(DOSSIER_FILE), field: "", message: `could not be read: ${reason}` }] };
  }
}

function loadValidated(folder: string, vocabulary: readonly VerdictDefinition[], rel: (f: string) => string): LoadResult {
  const yamlFile = path.join(folder, DOSSIER_FILE);
  if (!fs.existsSync(yamlFile)) {
    return { ok: false, errors: [{ file: rel(DOSSIER_FILE), field: "", message: "file not found: every dossier folder needs a dossier.yaml" }] };
  }
  const yamlRead = readTextFile(yamlFile, { maxBytes: DOSSIER_FILE_MAX_BYTES });
  if (!yamlRead.ok) return { ok: false, errors: [{ file: rel(DOSSIER_FILE), field: "", ...yamlRead.problem }] };
  const yamlText = yamlRead.text;
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        file: rel(DOSSIER_FILE),
        field: "",
        line: counter.linePos(e.pos[0]).line,
        message: /call stack/i.test(e.message) ? "not valid YAML: the file is nested too deeply to be read" : `not valid YAML: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  // An alias (*name) repeats a value written elsewhere: nested aliases expand exponentially
  // (a "billion laughs" file), and a dossier file never needs one. Refused before expanding.
  const aliases: ContentError[] = [];
  const seen = new Set<string>();
  visit(doc, {
    Alias(_key, node) {
      if (seen.has(node.source)) return;
      seen.add(node.source);
      aliases.push({
        file: rel(DOSSIER_FILE),
        field: "",
        line: node.range ? counter.linePos(node.range[0]).line : undefined,
        message: `YAML aliases (*${node.source}) are not allowed in dossier files: write the value out in full`,
      });
    },
  });
  if (aliases.length > 0) return { ok: false, errors: aliases };
  const parsed = ContentDossierSchema.safeParse(doc.toJS({ maxAliasCount: 0 }));
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        file: rel(DOSSIER_FILE),
        field: fieldPath(issue.path),
        line: lineOf(doc, counter, issue.path),
        message: issue.message,
      })),
    };
  }
  const data = parsed.data;
  const errors: ContentError[] = [];
  const err = (segments: (string | number)[], message: string) =>
    errors.push({ file: rel(DOSSIER_FILE), field: fieldPath(segments), line: lineOf(doc, counter, segments), message });

  const folderName = path.basename(path.resolve(folder));
  if (data.slug !== folderName) err(["slug"], `must match the folder name "${folderName}"`);

  // An export: its record.json holds every row; dossier.yaml is the same dossier in the content format.
  let exported: ExportRecord | undefined;
  if (data.export) {
    const read = readExportRecord(folder, data.export.recordSha256, rel);
    if ("errors" in read) return { ok: false, errors: read.errors };
    exported = read.record;
    const row = exported.tables.Dossier?.[0];
    if (!row || row.slug !== data.slug) return { ok: false, errors: [{ file: rel(RECORD_FILE), field: "tables.Dossier", message: `does not describe the dossier "${data.slug}" of ${rel(DOSSIER_FILE)}` }] };
  }
  /** Claims an export says lost their passage: they are restored as orphaned, not anchored. */
  const orphanedInExport = new Set(
    (exported?.tables.Claim ?? []).filter((c) => c.anchorStatus === "orphaned").map((c) => (typeof c.key === "string" ? c.key : String(c.id))),
  );

  // Keys are unique within each collection, and every reference points at something that exists.
  const keysOf = (list: { key: string }[], collection: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.key)) err([collection, i, "key"], `duplicate key "${item.key}" in ${collection}`);
      seen.add(item.key);
    });
    return seen;
  };
  const entityKeys = keysOf(data.entities, "entities");
  const sourceKeys = keysOf(data.sources, "sources");
  const claimKeys = keysOf(data.claims, "claims");
  keysOf(data.quotes, "quotes");
  keysOf(data.questions, "questions");
  keysOf(data.events, "events");
  const mustExist = (set: Set<string>, value: string | undefined, where: (string | number)[], what: string) => {
    if (value !== undefined && !set.has(value)) err(where, `refers to ${what} "${value}", which is not defined in this file`);
  };

  data.claims.forEach((claim, i) => {
    claim.evidence.forEach((ev, j) => mustExist(sourceKeys, ev.source, ["claims", i, "evidence", j, "source"], "source"));
    claim.verdicts.forEach((v, j) => {
      const def = findVerdict(v.status, vocabulary);
      if (!def) err(["claims", i, "verdicts", j, "status"], `must be one of: ${vocabulary.map((d) => d.key).join(", ")}`);
      const previous = claim.verdicts[j - 1];
      if (previous && previous.decidedAt > v.decidedAt) err(["claims", i, "verdicts", j, "decidedAt"], "verdicts must be listed in the order they were decided");
    });
    // The newsroom's verdict rules (evidence, four eyes, corrections after publication). An export
    // is the record of decisions already taken under those rules (and restored as it is).
    if (!exported) for (const r of importedVerdictRefusals(claim, { publishedAt: data.publishedAt ?? null }, vocabulary)) err(["claims", i, "verdicts", r.index, r.field], r.message);
  });
  data.quotes.forEach((q, i) => {
    mustExist(entityKeys, q.speaker, ["quotes", i, "speaker"], "entity");
    mustExist(sourceKeys, q.source, ["quotes", i, "source"], "source");
  });
  data.questions.forEach((q, i) => mustExist(claimKeys, q.answeredBy, ["questions", i, "answeredBy"], "claim"));
  const eventBounds = new Map<string, { sortStart: string; sortEnd: string }>();
  data.events.forEach((ev, i) => {
    ev.claims.forEach((k, j) => mustExist(claimKeys, k, ["events", i, "claims", j], "claim"));
    ev.sources.forEach((k, j) => mustExist(sourceKeys, k, ["events", i, "sources", j], "source"));
    const parsedDate = parseEdtf(ev.date);
    if (parsedDate.ok) eventBounds.set(ev.key, { sortStart: parsedDate.sortStart, sortEnd: parsedDate.sortEnd });
  });

  // The article, and every claim's passage in it.
  const articleFile = path.join(folder, data.article);
  let body = "";
  const anchors = new Map<string, Anchor>();
  const articleRead = fs.existsSync(articleFile) ? readTextFile(articleFile, { maxBytes: ARTICLE_FILE_MAX_BYTES }) : null;
  const articleProblem = articleRead?.ok ? articleLimit(articleRead.text) : null;
  if (!articleRead) {
    err(["article"], `the article file ${rel(data.article)} does not exist`);
  } else if (!articleRead.ok) {
    errors.push({ file: rel(data.article), field: "", ...articleRead.problem });
  } else if (articleProblem) {
    errors.push({ file: rel(data.article), field: "", message: articleProblem });
  } else {
    body = articleRead.text;
    const text = prepareText(articleText(body));
    data.claims.forEach((claim, i) => {
      if (orphanedInExport.has(claim.key)) return;
      const found = anchorQuote(text, claim.anchor);
      if (found.status === "orphaned") {
        // "More than once" only when it really occurs more than once (not two equally close near-misses).
        const match = matchPassage(text, claim.anchor.exact);
        err(
          ["claims", i, "anchor", "exact"],
          match.status === "repeated"
            ? `the passage occurs more than once in ${rel(data.article)}; add an anchor.prefix or anchor.suffix to say which`
            : `the passage was not found in ${rel(data.article)} (it must match the rendered text exactly, without Markdown syntax)${match.status === "absent" && match.difference ? `; near “${match.difference.context}”: ${describeDifference(match.difference)}` : ""}`,
        );
      } else if (found.quality !== "exact" && !exported) {
        err(["claims", i, "anchor", "exact"], `the passage does not match ${rel(data.article)} exactly; the closest text is “${found.exact}”`);
      } else {
        anchors.set(claim.key, found);
      }
    });
  }

  if (errors.length > 0) return { ok: false, errors };

  const warnings: ContentError[] = [];
  const confidential = data.sources.filter((s) => s.confidential).map((s) => ({ name: s.key, title: s.title, identity: s.identity, publicDescription: s.publicDescription }));
  data.quotes.forEach((q, i) => {
    for (const leak of speakerLabelLeaks(q.speakerLabel, confidential)) {
      const source = confidential.find((s) => s.name === leak.source)!;
      warnings.push({
        file: rel(DOSSIER_FILE),
        field: fieldPath(["quotes", i, "speakerLabel"]),
        line: lineOf(doc, counter, ["quotes", i, "speakerLabel"]),
        message: `warning: repeats the ${leak.field} of the confidential source "${leak.source}", which journalists never see: describe the speaker without it (readers know the source as “${source.publicDescription}”)`,
      });
    }
  });

  const members: NonNullable<LoadedDossier["members"]> = [];
  const named = (segments: (string | number)[], email: string | undefined) => {
    if (email) members.push({ file: rel(DOSSIER_FILE), field: fieldPath(segments), line: lineOf(doc, counter, segments), email });
  };
  data.claims.forEach((c, i) => {
    named(["claims", i, "author"], c.author);
    c.verdicts.forEach((v, j) => named(["claims", i, "verdicts", j, "decidedBy"], v.decidedBy));
  });
  data.questions.forEach((q, i) => named(["questions", i, "owner"], q.owner));

  const hash = createHash("sha256").update(yamlText).update("\0").update(body).digest("hex");
  return { ok: true, dossier: { folder, data, body, hash, anchors, eventBounds, warnings, exported, members } };
}

/** An export's record.json: the hash its dossier.yaml names, then the record's shape. */
function readExportRecord(folder: string, expectedSha256: string, rel: (f: string) => string): { record: ExportRecord } | { errors: ContentError[] } {
  const file = path.join(folder, RECORD_FILE);
  const fail = (message: string, field = "") => ({ errors: [{ file: rel(RECORD_FILE), field, message }] });
  if (!fs.existsSync(file)) return fail("file not found: the export's dossier.yaml names it (export.record)");
  const read = readTextFile(file, { maxBytes: EXPORT_RECORD_MAX_BYTES });
  if (!read.ok) return { errors: [{ file: rel(RECORD_FILE), field: "", ...read.problem }] };
  const actual = createHash("sha256").update(read.text).digest("hex");
  if (actual !== expectedSha256) return fail(`does not match export.recordSha256 in ${rel(DOSSIER_FILE)}: the record was changed or damaged since the export (its SHA-256 is ${actual})`);
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    return fail(`is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ExportRecordSchema.safeParse(json);
  if (!parsed.success) return { errors: parsed.error.issues.slice(0, 20).map((issue) => ({ file: rel(RECORD_FILE), field: fieldPath(issue.path), message: issue.message })) };
  return { record: parsed.data };
}

/** record.json holds every row of a dossier, capture texts included. */
const EXPORT_RECORD_MAX_BYTES = 500_000_000;

/** An article.md within the newsroom's limit is at most this many bytes (4 per character). */
const ARTICLE_FILE_MAX_BYTES = 4 * ARTICLE_MAX;

/** The newsroom's own rule for an article (its length; characters were checked while reading). */
function articleLimit(body: string): string | null {
  const result = articleBody.safeParse(body);
  return result.success ? null : `${result.error.issues[0]!.message} This one has ${body.length.toLocaleString("en")}.`;
}

/** The dossier folders under a content directory (a folder with a dossier.yaml). */
export function listDossierFolders(contentDir: string): string[] {
  if (!fs.existsSync(contentDir)) return [];
  if (fs.existsSync(path.join(contentDir, DOSSIER_FILE))) return [contentDir];
  return fs
    .readdirSync(contentDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(contentDir, d.name, DOSSIER_FILE)))
    .map((d) => path.join(contentDir, d.name))
    .sort();
}
