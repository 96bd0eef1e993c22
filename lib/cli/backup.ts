// `npm run backup -- <file>`: a consistent copy of the database and every stored file, made while
// Dossier runs (docs/backup.md). `npm run restore -- <file>` puts it back.
import fs from "node:fs";
import { env } from "@/lib/env";
import { SYSTEM_EXPORT } from "@/lib/server/actor";
import { createBackup } from "@/lib/server/backup/create-backup";
import { sizeInWords } from "@/lib/domain/archive";
import { configuredStorage } from "@/lib/server/storage";
import { redact } from "./migrate";

const args = process.argv.slice(2);
const unknown = args.filter((a) => a.startsWith("--") && a !== "--force");
const file = args.find((a) => !a.startsWith("--"));
if (!file || unknown.length) {
  if (unknown.length) console.error(`Unknown option: ${unknown.join(", ")}`);
  console.error("Usage: npm run backup -- <file>            (e.g. backups/dossier-2026-12-02.tar.gz)");
  console.error("       npm run backup -- --force <file>    (replace an existing file)");
  process.exit(2);
}
if (fs.existsSync(file) && !args.includes("--force")) {
  console.error(`${file} already exists: choose another name, or pass --force to replace it.`);
  process.exit(1);
}
try {
  const result = await createBackup(SYSTEM_EXPORT, { databaseUrl: env.DATABASE_URL, storage: configuredStorage(), file, log: (l) => console.log(l) });
  const m = result.manifest;
  console.log(`✔ Backed up ${redact(env.DATABASE_URL)} (${m.database.provider}, ${m.database.rows} rows, ${m.database.migrations.length} migrations) and ${m.storage.objects} stored file(s) to ${file} (${sizeInWords(result.bytes)}).`);
  console.log("  It holds everything, confidential sources' identities included: keep it as you keep the sources.");
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  process.exit(1);
}
