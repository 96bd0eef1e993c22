// The PostgreSQL run of the integration suite: a fresh database on the run's server (started here
// when npm test did not start one), with the committed PostgreSQL migrations applied, exactly as
// `npm start` applies them.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { recreateDatabase, testPostgres } from "@/lib/cli/postgres-cluster";
import { INTEGRATION_POSTGRES_DB } from "../../vitest.config";

export default async function setup() {
  const server = await testPostgres();
  if (!server) throw new Error("The PostgreSQL integration tests need a PostgreSQL server: install PostgreSQL or set TEST_POSTGRES_URL.");
  const url = await recreateDatabase(server.url, INTEGRATION_POSTGRES_DB);
  const result = spawnSync(process.execPath, [path.join("node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
  });
  if (result.status !== 0) throw new Error(`migrate deploy failed on PostgreSQL:\n${result.stderr}${result.stdout}`);
  return () => server.stop();
}
