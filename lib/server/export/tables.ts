import "server-only";
// The tables that make up one dossier's record, in the order a restore writes them (parents
// first), with how to find the dossier's rows, which columns are dates and which name a user.
// Left out on purpose: autosaved drafts and editing presence (transient, per person), archive jobs
// (a capture is the record; a job is how it was made), notifications (per person) and the audit
// log (installation-wide, kept by backups: docs/backup.md).
import type { Tx } from "../db";

export interface DossierTable {
  /** Prisma model name. */
  model: string;
  /** The dossier's rows. */
  where: (dossierId: string) => Record<string, unknown>;
  /** Primary-key columns, for a stable order. */
  orderBy: string[];
  dates: string[];
  /** Columns holding a User id: exported as the user's email. */
  users: string[];
}

const own = (dossierId: string) => ({ dossierId });
const ofClaims = (dossierId: string) => ({ claim: { dossierId } });
const ofEvents = (dossierId: string) => ({ event: { dossierId } });

export const DOSSIER_TABLES: DossierTable[] = [
  { model: "Dossier", where: (id) => ({ id }), orderBy: ["id"], dates: ["publishedAt", "createdAt", "updatedAt", "archivedAt"], users: ["createdById", "archivedById"] },
  { model: "ArticleRevision", where: own, orderBy: ["number"], dates: ["createdAt"], users: ["authorId"] },
  { model: "Entity", where: own, orderBy: ["id"], dates: ["createdAt", "updatedAt"], users: [] },
  { model: "Source", where: own, orderBy: ["position", "id"], dates: ["createdAt", "updatedAt"], users: [] },
  { model: "Claim", where: own, orderBy: ["position", "id"], dates: ["verdictSetAt", "createdAt", "updatedAt"], users: ["verdictSetById", "authorId", "assigneeId"] },
  { model: "Evidence", where: ofClaims, orderBy: ["id"], dates: ["createdAt", "updatedAt"], users: ["createdById"] },
  { model: "VerdictProposal", where: ofClaims, orderBy: ["id"], dates: ["decidedAt", "createdAt"], users: ["proposedById", "decidedById"] },
  { model: "VerdictChange", where: ofClaims, orderBy: ["id"], dates: ["createdAt"], users: ["actorId"] },
  { model: "Quote", where: own, orderBy: ["position", "id"], dates: ["createdAt", "updatedAt"], users: [] },
  { model: "OpenQuestion", where: own, orderBy: ["position", "id"], dates: ["answeredAt", "createdAt", "updatedAt"], users: ["ownerId"] },
  { model: "TimelineEvent", where: own, orderBy: ["id"], dates: ["createdAt", "updatedAt"], users: [] },
  { model: "EventClaim", where: ofEvents, orderBy: ["eventId", "claimId"], dates: [], users: [] },
  { model: "EventSource", where: ofEvents, orderBy: ["eventId", "sourceId"], dates: [], users: [] },
  { model: "PublicationEvent", where: own, orderBy: ["id"], dates: ["createdAt"], users: ["actorId"] },
  { model: "PublishedVersion", where: own, orderBy: ["number"], dates: ["createdAt"], users: ["publishedById"] },
  { model: "Capture", where: own, orderBy: ["id"], dates: ["capturedAt", "timestampAt", "readerCopyAt", "createdAt"], users: ["readerCopyById", "createdById"] },
  { model: "Document", where: own, orderBy: ["id"], dates: ["readerCopyAt", "createdAt"], users: ["readerCopyById", "uploadedById"] },
  { model: "ImportedRecord", where: own, orderBy: ["kind", "key"], dates: [], users: [] },
];

type Row = Record<string, unknown>;
interface Delegate {
  findMany(args: { where: Record<string, unknown>; orderBy: Record<string, "asc">[] }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  count(args: { where: Record<string, unknown> }): Promise<number>;
}

export const tableOf = (tx: Tx, model: string): Delegate => (tx as unknown as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!;

/** Every column of the dossier's rows of one table, in a stable order. */
export function readTable(tx: Tx, table: DossierTable, dossierId: string): Promise<Row[]> {
  return tableOf(tx, table.model).findMany({ where: table.where(dossierId), orderBy: table.orderBy.map((c) => ({ [c]: "asc" as const })) });
}
