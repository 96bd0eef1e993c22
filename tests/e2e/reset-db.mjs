// Deletes the e2e database file (and SQLite's side files) so each run starts from the sample.
import fs from "node:fs";
import path from "node:path";

const file = process.argv[2];
if (!file) throw new Error("usage: node tests/e2e/reset-db.mjs <file>");
fs.mkdirSync(path.dirname(file), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
