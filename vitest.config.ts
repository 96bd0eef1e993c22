import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
/** One real SQLite file per run, created and migrated by tests/integration/global-setup.ts. */
export const INTEGRATION_DB = path.join(root, "tests", ".tmp", "integration.db");

const shared = {
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests", "support", "empty-module.ts"),
    },
  },
};

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
      {
        ...shared,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          env: {
            DATABASE_URL: `file:${INTEGRATION_DB}`,
            DEMO_MODE: "on",
            NODE_ENV: "test",
            // Stored files of the run (tests that check storage use their own scratch folder).
            STORAGE_DIR: path.join(root, "tests", ".tmp", "integration-storage"),
            UPLOAD_MAX_MB: "1",
          },
          // One database file: test files run one after another, each resetting what it uses.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
