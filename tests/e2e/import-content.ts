// Imports a content folder into the database of the server under test. Not `npm run import`:
// that first applies migrations, which cannot take SQLite's lock while the server holds the
// database open (the server has already migrated it).
import { formatContentError } from "@/lib/content/load-dossier-folder";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { db } from "@/lib/server/db";

const result = await importContentFolder(SYSTEM_IMPORT, process.argv[2]!);
await db.$disconnect();
if (!result.ok) {
  for (const e of result.errors) console.error(formatContentError(e));
  process.exit(1);
}
