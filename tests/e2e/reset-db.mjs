// Empties the e2e database so each run starts from the sample: deletes the SQLite file (and its
// side files), or drops and re-creates the PostgreSQL database (npm start then migrates it).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const url = process.argv[2];
if (!url) throw new Error("usage: node tests/e2e/reset-db.mjs <DATABASE_URL>");
if (/^postgres(ql)?:\/\//.test(url)) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
} else {
  const file = url.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}
