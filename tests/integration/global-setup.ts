// Creates a fresh SQLite file for this run and applies the committed migrations to it, exactly
// as `npm start` does.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { INTEGRATION_DB } from "../../vitest.config";

export default function setup() {
  fs.mkdirSync(path.dirname(INTEGRATION_DB), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(INTEGRATION_DB + suffix, { force: true });
  const result = spawnSync(process.execPath, [path.join("node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${INTEGRATION_DB}` },
  });
  if (result.status !== 0) throw new Error(`migrate deploy failed:\n${result.stderr}${result.stdout}`);
}
