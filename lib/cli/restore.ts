// `npm run restore -- [--force] <file>`: restores a backup made by `npm run backup` into the
// configured database (DATABASE_URL) and storage (STORAGE_DIR or the S3 bucket). Refuses a
// database that holds data unless --force, which backs it up first. Stop Dossier before
// restoring, and start it again after (docs/backup.md).
import { env } from "@/lib/env";
import { SYSTEM_EXPORT } from "@/lib/server/actor";
import { restoreBackup } from "@/lib/server/backup/restore-backup";
import { db } from "@/lib/server/db";
import { markPageCacheStale } from "@/lib/server/setup/settings";
import { configuredStorage } from "@/lib/server/storage";
import { databaseProviderOf } from "@/lib/env";
import { committedMigrations, migrate, redact } from "./migrate";

const args = process.argv.slice(2);
const unknown = args.filter((a) => a.startsWith("--") && a !== "--force");
const file = args.find((a) => !a.startsWith("--"));
if (!file || unknown.length) {
  if (unknown.length) console.error(`Unknown option: ${unknown.join(", ")}`);
  console.error("Usage: npm run restore -- <file>           (into an empty database: DATABASE_URL)");
  console.error("       npm run restore -- --force <file>   (replace a database that holds data; it is backed up first)");
  process.exit(2);
}
try {
  const provider = databaseProviderOf(env.DATABASE_URL)!;
  const result = await restoreBackup(SYSTEM_EXPORT, {
    databaseUrl: env.DATABASE_URL,
    storage: configuredStorage(),
    file,
    force: args.includes("--force"),
    knownMigrations: committedMigrations(provider),
    migrate: (url) => migrate(url),
    log: (l) => console.log(l),
  });
  // Cached reader pages may be of the database restored over: the next start rebuilds them.
  await markPageCacheStale();
  await db.$disconnect();
  console.log(`✔ Restored the backup of ${result.manifest.createdAt} into ${redact(env.DATABASE_URL)}: ${result.manifest.database.rows} rows and ${result.files} stored file(s).`);
  if (result.replacedBackup) console.log(`  The database it replaced was backed up first to ${result.replacedBackup}.`);
  console.log("  Start Dossier (npm start): it serves the restored newsroom.");
} catch (error) {
  await db.$disconnect().catch(() => {});
  console.error(`✖ ${(error as Error).message}`);
  process.exit(1);
}
