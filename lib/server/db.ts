import "server-only";
// The Prisma client. Only lib/server may import this file (tests/unit/architecture.test.ts).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** A client or an interactive transaction: use cases accept either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * The better-sqlite3 adapter opens its connection with SQLite's defaults, in which foreign keys
 * are NOT enforced (so onDelete rules and references would silently do nothing). Every
 * connection turns them on; WAL lets readers proceed while a writer commits.
 */
class DossierSQLiteAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const connection = await super.connect();
    for (const sql of ["PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL"]) {
      await connection.executeRaw({ sql, args: [], argTypes: [] });
    }
    return connection;
  }
}

const globalForPrisma = globalThis as unknown as { dossierPrisma?: PrismaClient };

function createClient(): PrismaClient {
  // `timeout` is SQLite's busy timeout: wait for a concurrent writer instead of failing at once.
  const adapter = new DossierSQLiteAdapter({ url: env.DATABASE_URL, timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One client per process (Next's dev server reloads modules; the global keeps one connection).
export const db: PrismaClient = globalForPrisma.dossierPrisma ?? createClient();
globalForPrisma.dossierPrisma = db;
