// Prisma CLI configuration. The CLI runs the WebAssembly schema engine through a driver adapter,
// so nothing is downloaded (docs/decisions/002). DATABASE_URL's scheme picks the schema, the
// migration folder and the adapter (docs/decisions/020): better-sqlite3 for `file:` URLs,
// node-postgres for `postgresql://` ones.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseFileUrl, databaseProvider, env } from "./lib/env";
import { LAYOUTS } from "./lib/cli/prisma-schema";
import { cliPostgresPool } from "./lib/cli/postgres-pool";

const layout = LAYOUTS[databaseProvider()];

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: layout.schema,
  migrations: { path: layout.migrations },
  async adapter() {
    if (layout.provider === "postgresql") return new PrismaPg(cliPostgresPool(env.DATABASE_URL));
    return new PrismaBetterSQLite3({ url: databaseFileUrl(), timeout: 10_000 });
  },
});
