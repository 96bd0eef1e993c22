// A dossier export (docs/content-format.md, "Exports"): an ordinary content folder (dossier.yaml +
// article.md) whose dossier.yaml carries an `export` block, plus record.json — every row of the
// dossier's record as the database holds it (ids, dates to the millisecond, the verdict history
// with its re-checks and what each decision checked, proposals, revisions, published versions,
// the publication log, captures and documents) — versions/<n>.json (each published version as
// readers saw it) and files/<sha256> (the stored files of the evidence vault, when included).
import { z } from "zod";
import { safeString } from "./fields";

export const EXPORT_FORMAT = 1;
export const RECORD_FILE = "record.json";

const sha256 = safeString("The SHA-256").regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in hexadecimal");

/** The `export:` block of an exported dossier.yaml. */
export const ExportHeaderSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `must be ${EXPORT_FORMAT} (this version of Dossier reads export format ${EXPORT_FORMAT})` }),
  exportedAt: safeString("The export date").pipe(z.iso.datetime("must be a date and time (ISO 8601)")),
  /** True when the export holds confidential sources' titles, identities and notes. */
  containsConfidential: z.boolean({ error: "must be true or false" }),
  record: z.literal(RECORD_FILE, { error: `must be ${RECORD_FILE}` }),
  /** SHA-256 of record.json: a damaged or edited record is refused. */
  recordSha256: sha256,
});
export type ExportHeader = z.infer<typeof ExportHeaderSchema>;

const row = z.record(z.string(), z.unknown());

export const ExportRecordSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  exportedAt: safeString("The export date"),
  containsConfidential: z.boolean(),
  /** Confidential sources whose title, identity and notes were left out (exported without them). */
  withheldSources: z.array(safeString("A withheld source")),
  /** The newsroom members the record names (by email in every row). */
  users: z.array(z.strictObject({ email: z.string(), name: z.string(), role: z.string() })),
  /** Rows per table; user columns hold emails, dates ISO strings, PublishedVersion.snapshot a file name. */
  tables: z.record(z.string(), z.array(row)),
  /** Stored files the captures and documents refer to; `file` is null when the export left them out. */
  files: z.array(z.strictObject({ sha256, size: z.number().int().nonnegative(), file: z.string().nullable() })),
});
export type ExportRecord = z.infer<typeof ExportRecordSchema>;

/** Asking for an export: confidential identities and notes only when asked for (and allowed). */
export const ExportDossierSchema = z.strictObject({
  dossierId: safeString("The dossier").min(1),
  includeConfidential: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).default(false),
  includeFiles: z.preprocess((v) => (v === undefined ? true : v === "1" || v === "true" || v === true), z.boolean()).default(true),
});
export type ExportDossierInput = z.infer<typeof ExportDossierSchema>;
