// Prisma CLI configuration. The CLI runs the WebAssembly schema engine through the same
// better-sqlite3 driver adapter as the app, so nothing is downloaded (see docs/decisions/002).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseFileUrl } from "./lib/env";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: databaseFileUrl(), timeout: 10_000 });
  },
});
