import "server-only";
// The driver adapters Dossier's Prisma clients run on: better-sqlite3 for SQLite, node-postgres for
// PostgreSQL, each wrapped so that a failed COMMIT or ROLLBACK can never leave the client stuck
// (docs/decisions/021), and counting the SQL statements they run (benchmarks, N+1 tests).
//
// The bug this guards against is in @prisma/client 6.19.3's transaction manager: it runs the
// COMMIT (or ROLLBACK) statement, and only when that succeeds calls the adapter transaction's
// commit()/rollback(), which is what releases the connection — SQLite's one-connection lock, a
// PostgreSQL pool client. When the statement fails (disk full, read-only database, a deferred
// constraint, a dropped connection) nothing releases it: on SQLite every later transaction waits
// forever; on PostgreSQL each failure leaks a pool client until the pool is empty. 6.19.3 is the
// last 6.19 release; Prisma 7's manager rolls back on a failed COMMIT, but 7 cannot migrate offline.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { databaseErrorFacts } from "./errors";

/** SQL statements run by every client of this process (BEGIN/COMMIT included). */
let statements = 0;
export const statementCount = (): number => statements;

const raw = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * How long a SQLite write waits, in all, for another process's write to finish (the importer, a
 * second server) before it gives up with "database is locked" (docs/decisions/100).
 */
export const SQLITE_LOCK_WAIT_MS = 30_000;
/**
 * SQLite's own busy timeout. It waits by sleeping inside the synchronous driver call, which stops
 * this whole process (every request) while it waits: keep it short and wait asynchronously instead.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 20;

/** Another connection holds SQLite's write lock: the statement did nothing and can run again. */
const isBusy = (error: unknown) => (databaseErrorFacts(error).driverCode ?? "").startsWith("SQLITE_BUSY");

/** Runs `statement` until SQLite's write lock is free, waiting without blocking the event loop. */
async function whenUnlocked<T>(statement: () => Promise<T>): Promise<T> {
  const deadline = performance.now() + SQLITE_LOCK_WAIT_MS;
  for (;;) {
    try {
      return await statement();
    } catch (error) {
      if (!isBusy(error) || performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 10));
    }
  }
}

/**
 * Lets the event loop serve what is waiting, at most every YIELD_EVERY_MS of a transaction's work:
 * often enough that a cached page waits a few milliseconds at worst, rarely enough that many
 * waiting requests cannot slow the transaction down statement by statement.
 */
const YIELD_EVERY_MS = 8;
let lastYield = performance.now();
async function yieldToEventLoop(): Promise<void> {
  if (performance.now() - lastYield < YIELD_EVERY_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  lastYield = performance.now();
}

/** A FIFO lock: one SQLite transaction at a time on the one connection. */
class Lock {
  #tail: Promise<void> = Promise.resolve();
  #holders = 0;
  /** Held, or waited for. */
  get busy(): boolean {
    return this.#holders > 0;
  }
  acquire(): Promise<() => void> {
    let open!: () => void;
    this.#holders++;
    const released = new Promise<void>((resolve) => (open = resolve));
    const turn = this.#tail.then(() => {
      let done = false;
      return () => {
        if (done) return;
        done = true;
        this.#holders--;
        open();
      };
    });
    this.#tail = this.#tail.then(() => released);
    return turn;
  }
}

/**
 * Wraps an adapter transaction so that it always ends: when the COMMIT or ROLLBACK statement
 * fails, the transaction is rolled back if the database still has it open, and the connection is
 * released — what Prisma 6.19 would have done had the statement succeeded.
 */
export class EndingTransaction implements Transaction {
  #closed = false;
  constructor(private readonly inner: Transaction) {}
  get provider() {
    return this.inner.provider;
  }
  get adapterName() {
    return this.inner.adapterName;
  }
  get options() {
    return this.inner.options;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    statements++;
    return this.inner.queryRaw(query);
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    statements++;
    const ending = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i.exec(query.sql)?.[1]?.toUpperCase();
    if (!ending) return this.inner.executeRaw(query);
    try {
      return await this.inner.executeRaw(query);
    } catch (error) {
      await this.#abandon();
      // A failed COMMIT must reach the caller: nothing was saved. A failed ROLLBACK means the
      // transaction had already ended (SQLite rolls back by itself after SQLITE_FULL, a broken
      // PostgreSQL connection takes its transaction with it): the outcome is the one asked for.
      if (ending === "COMMIT") throw error;
      return 0;
    }
  }

  async #abandon(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.inner.executeRaw(raw("ROLLBACK"));
    } catch {
      // Nothing left to roll back, or no connection left to do it on: either way it is over.
    }
    await this.inner.rollback();
  }

  async commit(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.inner.commit();
  }

  async rollback(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.inner.rollback();
  }
}

/**
 * A transaction on SQLite's single connection. The adapter's own startTransaction takes its lock
 * before BEGIN and keeps it if BEGIN fails; this one releases it on every path.
 */
class SqliteTransaction implements Transaction {
  readonly options = { usePhantomQuery: false };
  constructor(
    private readonly connection: SqlDriverAdapter,
    private readonly release: () => void,
  ) {}
  get provider() {
    return this.connection.provider;
  }
  get adapterName() {
    return this.connection.adapterName;
  }
  // better-sqlite3 answers synchronously, so a transaction's statements would run one after the
  // other as one chain of microtasks and starve every other request for as long as it lasts (a
  // 2,000-claim save: seconds). Statements let the event loop serve what is waiting every few
  // milliseconds (docs/decisions/101); other requests' statements wait for the transaction
  // (DossierConnection).
  async queryRaw(query: SqlQuery) {
    await yieldToEventLoop();
    return this.connection.queryRaw(query);
  }
  async executeRaw(query: SqlQuery) {
    await yieldToEventLoop();
    return this.connection.executeRaw(query);
  }
  async commit() {
    this.release();
  }
  async rollback() {
    this.release();
  }
}

/** Counts statements, and hands out transactions that always end. */
class DossierConnection implements SqlDriverAdapter {
  #lock = new Lock();
  constructor(private readonly inner: SqlDriverAdapter) {}
  get provider() {
    return this.inner.provider;
  }
  get adapterName() {
    return this.inner.adapterName;
  }
  // A statement outside a transaction commits by itself: when another process holds the write
  // lock, it waits for it (asynchronously) like a transaction's BEGIN does.
  // On SQLite's one connection, a statement run while a transaction is open would run inside it
  // (seeing its uncommitted rows, and undone with it): it waits for its turn instead.
  queryRaw(query: SqlQuery) {
    statements++;
    return this.inner.provider === "sqlite" ? this.#autocommit(() => this.inner.queryRaw(query)) : this.inner.queryRaw(query);
  }
  executeRaw(query: SqlQuery) {
    statements++;
    return this.inner.provider === "sqlite" ? this.#autocommit(() => this.inner.executeRaw(query)) : this.inner.executeRaw(query);
  }
  async #autocommit<T>(statement: () => Promise<T>): Promise<T> {
    if (!this.#lock.busy) return whenUnlocked(statement);
    const release = await this.#lock.acquire();
    try {
      return await whenUnlocked(statement);
    } finally {
      release();
    }
  }
  executeScript(script: string) {
    return this.inner.executeScript(script);
  }
  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }
  dispose() {
    return this.inner.dispose();
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (this.inner.provider !== "sqlite") return new EndingTransaction(await this.inner.startTransaction(isolationLevel));
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    const release = await this.#lock.acquire();
    try {
      statements++;
      // IMMEDIATE: the transaction takes the write lock before its first read. A deferred one
      // (plain BEGIN) reads, then fails at once with SQLITE_BUSY_SNAPSHOT when another process
      // wrote in between — a busy timeout cannot help it (docs/decisions/100).
      await whenUnlocked(() => this.inner.executeRaw(raw("BEGIN IMMEDIATE")));
    } catch (error) {
      release();
      throw error;
    }
    return new EndingTransaction(new SqliteTransaction(this.inner, release));
  }
}

export interface SqliteOptions {
  url: string;
  /** SQLite's synchronous busy timeout (ms); longer waits are asynchronous (SQLITE_LOCK_WAIT_MS). */
  timeout?: number;
  /** Open the file read-only (tests of a database that refuses writes). */
  readonly?: boolean;
}

export class DossierSqliteAdapter implements SqlDriverAdapterFactory {
  readonly provider = "sqlite";
  readonly adapterName: string;
  #inner: PrismaBetterSQLite3;
  constructor(private readonly options: SqliteOptions) {
    this.#inner = new PrismaBetterSQLite3({ url: options.url, timeout: options.timeout ?? SQLITE_BUSY_TIMEOUT_MS, readonly: options.readonly ?? false });
    this.adapterName = this.#inner.adapterName;
  }
  async connect(): Promise<SqlDriverAdapter> {
    const connection = await this.#inner.connect();
    // The adapter opens SQLite with foreign keys NOT enforced (onDelete rules and references
    // would silently do nothing): every connection turns them on. WAL lets readers proceed while
    // a writer commits (a read-only file keeps its journal mode).
    await connection.executeRaw(raw("PRAGMA foreign_keys = ON"));
    if (!this.options.readonly) await connection.executeRaw(raw("PRAGMA journal_mode = WAL"));
    return new DossierConnection(connection);
  }
}

export class DossierPostgresAdapter implements SqlDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName: string;
  #inner: PrismaPg;
  constructor(connectionString: string) {
    this.#inner = new PrismaPg({
      connectionString,
      max: 10,
      // Without a limit, a request waits forever for a pool client; ten seconds then a clear error.
      connectionTimeoutMillis: 10_000,
    });
    this.adapterName = this.#inner.adapterName;
  }
  async connect(): Promise<SqlDriverAdapter> {
    return new DossierConnection(await this.#inner.connect());
  }
}
