import "server-only";
// The Prisma client. Only lib/server may import this file (tests/unit/architecture.test.ts).
// DATABASE_URL's scheme picks the database: SQLite (`file:`) or PostgreSQL (`postgresql://`),
// each with the client generated for it from the one model definition (docs/decisions/020).
import { databaseProviderOf, env, type DatabaseProvider } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { DossierPostgresAdapter, DossierSqliteAdapter, SQLITE_LOCK_WAIT_MS } from "./database/adapters";
import { isWriteConflict } from "./database/errors";

export { statementCount } from "./database/adapters";

/**
 * Both generated clients have the same models and fields; the code is written (and type-checked)
 * against the SQLite client's types, which keeps it to what both databases support.
 */
export type Db = PrismaClient;
/** A client or an interactive transaction: use cases accept either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** How many times a transaction lost to a concurrent one and ran again (tests, benchmarks). */
let retries = 0;
export const transactionRetryCount = (): number => retries;

const MAX_ATTEMPTS = 4;

/**
 * PostgreSQL runs writers in parallel. Its transactions are SERIALIZABLE, like SQLite's, and one
 * that loses to a concurrent writer (serialization failure, deadlock) runs again from the start
 * (docs/decisions/022): the second of two saves of one version then reads the new version and
 * refuses with the use case's own CONFLICT, exactly as on SQLite. Nothing else is retried.
 */
function retryingConflicts(client: PrismaClient): PrismaClient {
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const retrying = async (...args: unknown[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(...args);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isWriteConflict(error)) throw error;
        retries++;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      return property === "$transaction" ? retrying : Reflect.get(target, property, receiver);
    },
  });
}

export interface ClientOptions {
  /** SQLite only: open the file read-only. */
  readonly?: boolean;
}

/** A new client for a database URL (the app uses the one `db` below; tests may make their own). */
export function createClient(url: string = env.DATABASE_URL, options: ClientOptions = {}): PrismaClient {
  if (databaseProviderOf(url) === "postgresql") {
    const client = new PostgresPrismaClient({
      adapter: new DossierPostgresAdapter(url),
      // A large save (a 400,000-character article, thousands of claims) can take longer than
      // Prisma's default 5 s on a busy server: a slow save beats a lost one.
      transactionOptions: { isolationLevel: "Serializable", timeout: 60_000 },
    });
    return retryingConflicts(client as unknown as PrismaClient);
  }
  return retryingConflicts(
    new PrismaClient({
      adapter: new DossierSqliteAdapter({ url, readonly: options.readonly }),
      // A transaction may wait for another process's write (the importer) as long as a single
      // statement does; Prisma's default (2 s) would refuse it first (docs/decisions/100).
      // A large save can take longer than Prisma's default 5 s on a busy machine: a slow save
      // beats a lost one.
      transactionOptions: { maxWait: SQLITE_LOCK_WAIT_MS + 5_000, timeout: 60_000 },
    }),
  );
}

/** The configured database's provider. */
export const provider: DatabaseProvider = databaseProviderOf(env.DATABASE_URL)!;

const globalForPrisma = globalThis as unknown as { dossierPrisma?: PrismaClient };

// One client per process (Next's dev server reloads modules; the global keeps one connection).
export const db: PrismaClient = globalForPrisma.dossierPrisma ?? createClient();
globalForPrisma.dossierPrisma = db;
