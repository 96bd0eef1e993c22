import "server-only";
// What a database error says, whichever layer wrapped it: Prisma's known/unknown request errors,
// the driver adapter's DriverAdapterError (with the driver's code in `cause`), or the driver's own
// error (better-sqlite3's SqliteError, node-postgres's DatabaseError) when the adapter passed it on.

export interface DatabaseErrorFacts {
  /** Prisma's code (P2034…), when Prisma classified it. */
  prismaCode?: string;
  /** The adapter's error kind (TransactionWriteConflict, SocketTimeout, postgres, sqlite…). */
  kind?: string;
  /** The driver's code: SQLITE_FULL, SQLITE_READONLY_…, or a PostgreSQL SQLSTATE (25006, 53100…). */
  driverCode?: string;
  message: string;
}

type Loose = { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

export function databaseErrorFacts(error: unknown): DatabaseErrorFacts {
  const facts: DatabaseErrorFacts = { message: error instanceof Error ? error.message : String(error) };
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as Loose;
    if (typeof e.code === "string") {
      if (/^P\d{4}$/.test(e.code)) facts.prismaCode ??= e.code;
      else facts.driverCode ??= e.code;
    }
    if (typeof e.kind === "string") {
      facts.kind ??= e.kind;
      if (typeof e.originalCode === "string") facts.driverCode ??= e.originalCode;
    }
    current = e.meta?.driverAdapterError ?? e.cause;
  }
  return facts;
}

/**
 * A transaction lost to a concurrent one (PostgreSQL's serialization failure or deadlock):
 * running it again is safe and, for an outdated save, turns into the use case's own CONFLICT.
 */
export function isWriteConflict(error: unknown): boolean {
  const f = databaseErrorFacts(error);
  return f.prismaCode === "P2034" || f.kind === "TransactionWriteConflict" || f.driverCode === "40001" || f.driverCode === "40P01";
}

export type WriteRefusal = "read-only" | "disk-full" | "disk-error" | "locked";

/** Why the database refused a write, when the refusal is one an operator must act on. */
export function writeRefusal(error: unknown): WriteRefusal | null {
  const { driverCode = "", kind, message } = databaseErrorFacts(error);
  if (driverCode.startsWith("SQLITE_READONLY") || driverCode === "25006" || /readonly database|read-only transaction/i.test(message)) return "read-only";
  if (driverCode === "SQLITE_FULL" || driverCode.startsWith("53") || /disk is full|no space left/i.test(message)) return "disk-full";
  // SQLite's other write errors: the operating system refused the write (a quota, a file-size
  // limit, a failing disk; a plain full disk is SQLITE_FULL).
  if (driverCode.startsWith("SQLITE_IOERR") || /disk I\/O error/i.test(message)) return "disk-error";
  if (driverCode.startsWith("SQLITE_BUSY") || driverCode.startsWith("SQLITE_LOCKED") || driverCode === "55P03" || kind === "SocketTimeout" || /database is locked/i.test(message)) return "locked";
  return null;
}
