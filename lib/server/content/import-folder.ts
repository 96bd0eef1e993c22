import "server-only";
// Imports every dossier under a folder. Every folder is validated, and every dossier checked
// against the rules that can refuse it (the publish gate, the verdict rules), before anything is
// written: one invalid file or one refused dossier means nothing at all is imported. Then each
// dossier is written in short transactions (import-dossier.ts), so the newsroom keeps writing
// while a large folder imports (docs/decisions/100).
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { listDossierFolders, loadDossierFolder, type ContentError, type LoadedDossier } from "@/lib/content/load-dossier-folder";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { ImportRefused, checkDossierImport, importDossierIn, importSteps, type ImportOptions, type ImportProgress, type ImportSummary } from "./import-dossier";

export type FolderImportResult =
  | { ok: true; imported: ImportSummary[]; warnings: ContentError[] }
  | { ok: false; errors: ContentError[]; warnings: ContentError[]; /** Dossiers written before a refusal found while writing. */ imported?: ImportSummary[] };

export async function importContentFolder(
  actor: Actor,
  dir: string,
  onProgress?: (done: number, total: number, slug: string) => void,
  options: ImportOptions = {},
  /** Progress inside a large dossier: its slug, "claims", 400, 2000. */
  onStep?: (slug: string, ...progress: Parameters<ImportProgress>) => void,
): Promise<FolderImportResult> {
  requirePermission(actor, "content:import");
  const folders = listDossierFolders(dir);
  if (folders.length === 0) {
    return { ok: false, errors: [{ file: dir, field: "", message: "no dossier found: expected a dossier.yaml here or in its sub-folders" }], warnings: [] };
  }
  const loaded: LoadedDossier[] = [];
  const errors: ContentError[] = [];
  for (const folder of folders) {
    const result = loadDossierFolder(folder, verdictVocabulary());
    if (result.ok) loaded.push(result.dossier);
    else errors.push(...result.errors);
  }
  const slugs = new Map<string, string>();
  for (const d of loaded) {
    const other = slugs.get(d.data.slug);
    if (other) errors.push({ file: d.folder, field: "slug", message: `"${d.data.slug}" is also the slug of ${other}` });
    slugs.set(d.data.slug, d.folder);
  }
  // An archived dossier is restored by an admin before its files can change it again.
  const archived = await db.dossier.findMany({ where: { slug: { in: [...slugs.keys()] }, archivedAt: { not: null } }, select: { slug: true } });
  for (const a of archived) {
    errors.push({ file: slugs.get(a.slug)!, field: "slug", message: `the dossier "${a.slug}" is archived in the newsroom: an admin must restore it (Archived dossiers) before it can be imported again` });
  }
  const warnings = loaded.flatMap((d) => d.warnings);
  if (errors.length > 0) return { ok: false, errors, warnings };

  for (const d of loaded) errors.push(...(await checkDossierImport(actor, d, options)));
  if (errors.length > 0) return { ok: false, errors, warnings };

  const imported: ImportSummary[] = [];
  for (const [i, d] of loaded.entries()) {
    try {
      imported.push(await importDossierIn(importSteps, actor, d, options, (what, done, total) => onStep?.(d.data.slug, what, done, total)));
    } catch (error) {
      // Checked before the first write; refused now only if the newsroom changed the dossier
      // meanwhile (an editor published it): what is already written stays, and says so.
      if (error instanceof ImportRefused) return { ok: false, errors: error.errors, warnings, imported };
      throw error;
    }
    onProgress?.(i + 1, loaded.length, d.data.slug);
  }
  return { ok: true, imported, warnings };
}
