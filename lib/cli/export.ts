// `npm run export -- [--confidential] [--no-files] <slug> <dir>`: writes the dossier <slug> into
// <dir>/<slug>/ in the content format, with its complete record (docs/content-format.md, "Exports").
// `npm run import -- <dir>/<slug>` restores it into a database that does not have it.
// Runs as the installation (whoever runs it can read the database anyway); confidential sources'
// titles, identities and notes are written only with --confidential, and the export says so.
import fs from "node:fs";
import path from "node:path";
import { SYSTEM_EXPORT } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { exportDossier } from "@/lib/server/export/export-dossier";
import { findDossierIdBySlug } from "@/lib/server/export/find-dossier-id";
import { migrate } from "./migrate";

const KNOWN = ["--confidential", "--no-files", "--force"];
const args = process.argv.slice(2);
const unknown = args.filter((a) => a.startsWith("--") && !KNOWN.includes(a));
const [slug, dir] = args.filter((a) => !a.startsWith("--"));
if (!slug || !dir || unknown.length > 0) {
  if (unknown.length) console.error(`Unknown option: ${unknown.join(", ")}`);
  console.error("Usage: npm run export -- <slug> <folder>                 (writes <folder>/<slug>/; no confidential identity or note)");
  console.error("       npm run export -- --confidential <slug> <folder>  (with confidential sources' titles, identities and notes)");
  console.error("       options: --no-files (stored captures and documents as references only), --force (replace an earlier export in <folder>/<slug>)");
  process.exit(2);
}

await migrate();
try {
  const dossierId = await findDossierIdBySlug(slug);
  if (!dossierId) {
    console.error(`No dossier "${slug}" in this database (archived dossiers are restored by an admin first).`);
    process.exit(1);
  }
  const target = path.join(dir, slug);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0 && !args.includes("--force")) {
    console.error(`${target} already exists and is not empty: choose another folder, or pass --force to replace it.`);
    process.exit(1);
  }
  const result = await exportDossier(SYSTEM_EXPORT, { dossierId, includeConfidential: args.includes("--confidential"), includeFiles: !args.includes("--no-files") });
  fs.rmSync(target, { recursive: true, force: true });
  for (const f of result.files) {
    const file = path.join(target, f.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.content);
  }
  const c = result.counts;
  console.log(`Exported "${slug}" to ${target}: ${c.Claim} claims, ${c.VerdictChange} verdict decisions, ${c.Source} sources, ${c.PublishedVersion} published versions, ${result.files.filter((f) => f.path.startsWith("files/")).length} stored files.`);
  console.log(result.containsConfidential ? "It CONTAINS confidential sources' titles, identities and notes: keep it as you keep the sources." : "It holds no confidential identity or note (confidential sources appear by their public description).");
  if (result.missingFiles.length) console.warn(`${result.missingFiles.length} stored file(s) the record refers to are missing from the storage: exported as references only.`);
} finally {
  await db.$disconnect();
}
