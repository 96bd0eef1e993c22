// `npm run import -- [--overwrite] <dir>`: validates every dossier under <dir>, then imports them.
// Invalid files (or a dossier a rule refuses) are listed with file, line, field and reason, and
// nothing is written. The report says what changed, what was kept because the newsroom changed it
// since the last import (--overwrite writes the files' version instead) and what readers see.
import { formatContentError } from "@/lib/content/load-dossier-folder";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { importContentFolder } from "@/lib/server/content/import-folder";
import type { ImportSummary } from "@/lib/server/content/import-dossier";
import { db } from "@/lib/server/db";
import { databaseErrorFacts, writeRefusal } from "@/lib/server/database/errors";
import { migrate } from "./migrate";
import { notifyServer, revalidationAddress } from "./notify-server";

const args = process.argv.slice(2);
const overwrite = args.includes("--overwrite");
const unknown = args.filter((a) => a.startsWith("--") && a !== "--overwrite");
const dir = args.find((a) => !a.startsWith("--"));
if (!dir || unknown.length > 0) {
  if (unknown.length) console.error(`Unknown option: ${unknown.join(", ")}`);
  console.error("Usage: npm run import -- <folder>   (a dossier folder, or a folder of dossier folders)");
  console.error("       npm run import -- --overwrite <folder>   (also replace records changed in the newsroom since the last import)");
  process.exit(2);
}

await migrate();
// Progress inside a large dossier, at most once a second (the import writes in short steps).
let lastStep = 0;
const onStep = (slug: string, what: string, done: number, total: number) => {
  if (done < total && performance.now() - lastStep < 1000) return;
  lastStep = performance.now();
  process.stdout.write(`  ${slug}: ${what} ${done}/${total}\n`);
};
let result: Awaited<ReturnType<typeof importContentFolder>>;
try {
  result = await importContentFolder(SYSTEM_IMPORT, dir, (done, total, slug) => process.stdout.write(`[${done}/${total}] ${slug}\n`), { overwrite }, onStep);
} catch (error) {
  // A sentence, not a stack trace: what happened, what was kept, what to do.
  await db.$disconnect().catch(() => {});
  console.error(`The import stopped: ${importFailure(error)}`);
  console.error("What the import had finished is kept; a dossier it was writing is completed by running the same import again. Readers see no change until the import completes.");
  process.exit(1);
}
for (const w of result.warnings) console.warn(`  ${formatContentError(w)}`);
if (!result.ok) {
  await db.$disconnect();
  const partly = result.imported ?? [];
  console.error(result.imported ? `The import stopped: ${result.errors.length} problem(s) found while writing (the newsroom changed a dossier meanwhile).` : `Nothing was imported: ${result.errors.length} problem(s) found.`);
  for (const e of result.errors) console.error(`  ${formatContentError(e)}`);
  for (const s of partly) console.error(`  already imported: ${s.slug}`);
  process.exit(1);
}
const changed = result.imported.filter((s) => s.outcome !== "unchanged").map((s) => s.slug);
const refreshed = changed.length > 0 ? await notifyServer(changed) : null;
await db.$disconnect();
for (const s of result.imported) for (const line of reportLines(s)) console.log(line);
if (refreshed === "revalidated") console.log("The running server now shows the imported content.");
if (refreshed === "marked-stale") {
  console.log(
    `No running server answered at ${revalidationAddress()} (set PUBLIC_URL, or PORT, to the server's address if it runs elsewhere): the site will be rebuilt with this content at the next \`npm start\`.`,
  );
}

function reportLines(s: ImportSummary): string[] {
  const lines = [`${s.slug}: ${s.restored ? "restored from an export" : s.outcome} (${Object.entries(s.counts).map(([k, n]) => `${n} ${k}`).join(", ")})`];
  if (s.restored) {
    lines.push(`  exported ${s.restored.exportedAt}; ${s.restored.containsConfidential ? "with confidential sources' identities and notes" : `without confidential identities or notes${s.restored.withheldSources ? ` (${s.restored.withheldSources} confidential source(s) known by their public description only)` : ""}`}.`);
    for (const email of s.restored.usersCreated) lines.push(`  member ${email} was not in this newsroom: added deactivated (an admin reactivates them and gives them a password-reset link).`);
    if (s.restored.missingFiles.length) lines.push(`  ${s.restored.missingFiles.length} stored file(s) are neither in the export nor in this storage (restore them from a backup): ${s.restored.missingFiles.join(", ")}`);
    if (s.publication.version) lines.push(`  readers see published version ${s.publication.version}, as before the export.`);
  }
  for (const c of s.changed) lines.push(`  changed: ${c}`);
  for (const c of s.overwritten) lines.push(`  overwritten (--overwrite): ${c.record}${c.fields.length ? ` [${c.fields.join(", ")}]` : ""}, which the newsroom had ${c.reason === "deleted-in-newsroom" ? "deleted" : "changed"}`);
  for (const c of s.conflicts) {
    const what = c.reason === "deleted-in-newsroom" ? "deleted in the newsroom" : c.reason === "not-imported-before" ? "differs from the files and was not written by an import" : "changed in the newsroom since the last import";
    lines.push(`  conflict, kept as the newsroom has it: ${c.record}${c.fields.length ? ` [${c.fields.join(", ")}]` : ""} (${what})`);
  }
  for (const kept of s.keptWithoutFile) lines.push(`  kept, no longer in the files: ${kept}`);
  for (const c of s.orphaned) lines.push(`  orphaned (its passage is not in the article): “${c}”`);
  for (const c of s.recheck) lines.push(`  needs a re-check by an editor: “${c}”`);
  if (s.conflicts.length) lines.push(`  ${s.conflicts.length} conflict(s) kept. To replace them with the files' version: npm run import -- --overwrite <folder>`);
  const p = s.publication;
  if (p.publishedNow) lines.push(`  published: readers see version ${p.version}.`);
  else if (p.status === "published" && s.outcome !== "unchanged") lines.push(`  readers still see published version ${p.version}: an editor publishes these changes from the newsroom.`);
  if (p.statusDiffers) lines.push(`  the files say "${p.status === "published" ? "draft" : "published"}", the dossier stays ${p.status === "published" ? "published" : "unpublished"}: only an editor ${p.status === "published" ? "unpublishes" : "publishes"} it, in the newsroom.`);
  return lines;
}

function importFailure(error: unknown): string {
  const refusal = writeRefusal(error);
  const first = databaseErrorFacts(error).message.split("\n").find((l) => l.trim()) ?? String(error);
  if (refusal === "locked") return `the database stayed locked by another writer for too long (${first}). Run the import again.`;
  if (refusal === "read-only") return `the database is read-only (${first}).`;
  if (refusal === "disk-full") return `the disk is full (${first}). Free some space and run the import again.`;
  if (refusal === "disk-error") return `the disk refused a write (${first}).`;
  return first;
}
