// `npm run import -- <dir>`: validates every dossier under <dir>, then imports them.
// Invalid files are listed with file, line, field and reason, and nothing is written.
import { formatContentError } from "@/lib/content/load-dossier-folder";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { db } from "@/lib/server/db";
import { migrate } from "./migrate";
import { notifyServer } from "./notify-server";

const dir = process.argv[2];
if (!dir) {
  console.error("Usage: npm run import -- <folder>   (a dossier folder, or a folder of dossier folders)");
  process.exit(2);
}

await migrate();
const result = await importContentFolder(SYSTEM_IMPORT, dir, (done, total, slug) =>
  process.stdout.write(`[${done}/${total}] ${slug}\n`),
);
for (const w of result.warnings) console.warn(`  ${formatContentError(w)}`);
if (!result.ok) {
  await db.$disconnect();
  console.error(`Nothing was imported: ${result.errors.length} problem(s) found.`);
  for (const e of result.errors) console.error(`  ${formatContentError(e)}`);
  process.exit(1);
}
const changed = result.imported.filter((s) => s.outcome !== "unchanged").map((s) => s.slug);
const refreshed = changed.length > 0 ? await notifyServer(changed) : null;
await db.$disconnect();
for (const s of result.imported) {
  console.log(`${s.slug}: ${s.outcome} (${Object.entries(s.counts).map(([k, n]) => `${n} ${k}`).join(", ")})`);
  for (const kept of s.keptWithoutFile) console.log(`  kept, no longer in the files: ${kept}`);
}
if (refreshed === "revalidated") console.log("The running server now shows the imported content.");
if (refreshed === "marked-stale") console.log("No running server answered: the site will be rebuilt with this content at the next `npm start`.");
