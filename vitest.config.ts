import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
/** One real SQLite file per run, created and migrated by tests/integration/global-setup.ts. */
export const INTEGRATION_DB = path.join(root, "tests", ".tmp", "integration.db");

/**
 * The PostgreSQL server of the run: TEST_POSTGRES_URL (npm test starts a throw-away cluster and
 * sets it), else the cluster tests/integration/global-setup-postgresql.ts starts on
 * TEST_POSTGRES_PORT. The integration database on it is re-created for every run.
 */
const postgresServer = process.env.TEST_POSTGRES_URL || `postgresql://postgres@127.0.0.1:${process.env.TEST_POSTGRES_PORT || 5433}/postgres`;
export const INTEGRATION_POSTGRES_DB = "dossier_integration";
const integrationPostgresUrl = Object.assign(new URL(postgresServer), { pathname: `/${INTEGRATION_POSTGRES_DB}` }).toString();

/**
 * The PostgreSQL project runs when a server is given or PostgreSQL can be started here; `npm
 * test` says when it skipped it. DOSSIER_TEST_DATABASES=sqlite|postgresql limits the run to one.
 */
const wanted = (process.env.DOSSIER_TEST_DATABASES ?? "sqlite,postgresql").split(",");
const postgresHere =
  !!process.env.TEST_POSTGRES_URL ||
  ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin", "/usr/local/bin", "/opt/homebrew/bin"].some((d) => fs.existsSync(path.join(d, "initdb"))) ||
  spawnSync("sh", ["-c", "command -v initdb"]).status === 0;
const runPostgres = wanted.includes("postgresql") && postgresHere;
if (wanted.includes("postgresql") && !postgresHere) {
  console.warn("⚠ integration-postgresql skipped: no PostgreSQL server binaries here and TEST_POSTGRES_URL is not set (docs/postgresql.md).");
}

const shared = {
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests", "support", "empty-module.ts"),
    },
  },
};

const integration = (name: string, databaseUrl: string, globalSetup: string) => ({
  ...shared,
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: [globalSetup],
    env: {
      DATABASE_URL: databaseUrl,
      DEMO_MODE: "on",
      NODE_ENV: "test" as const,
      // Stored files of the run (tests that check storage use their own scratch folder).
      STORAGE_DIR: path.join(root, "tests", ".tmp", `${name}-storage`),
      UPLOAD_MAX_MB: "1",
    },
    // One database: test files run one after another, each resetting what it uses.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      ...(wanted.includes("sqlite") ? [integration("integration", `file:${INTEGRATION_DB}`, "tests/integration/global-setup.ts")] : []),
      ...(runPostgres
        ? [integration("integration-postgresql", integrationPostgresUrl, "tests/integration/global-setup-postgresql.ts")]
        : []),
    ],
  },
});
