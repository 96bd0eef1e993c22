import "server-only";
// Imports every dossier under a folder. All folders are validated before anything is written, and
// all of them are written in one transaction: one invalid file, or one dossier a rule refuses
// (the publish gate, the verdict rules), means nothing at all is imported.
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { listDossierFolders, loadDossierFolder, type ContentError, type LoadedDossier } from "@/lib/content/load-dossier-folder";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { ImportRefused, importDossierIn, type ImportOptions, type ImportSummary } from "./import-dossier";

export type FolderImportResult =
  | { ok: true; imported: ImportSummary[] }
  | { ok: false; errors: ContentError[] };

export async function importContentFolder(
  actor: Actor,
  dir: string,
  onProgress?: (done: number, total: number, slug: string) => void,
  options: ImportOptions = {},
): Promise<FolderImportResult> {
  requirePermission(actor, "content:import");
  const folders = listDossierFolders(dir);
  if (folders.length === 0) {
    return { ok: false, errors: [{ file: dir, field: "", message: "no dossier found: expected a dossier.yaml here or in its sub-folders" }] };
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
  if (errors.length > 0) return { ok: false, errors };

  try {
    const imported = await db.$transaction(
      async (tx) => {
        const summaries: ImportSummary[] = [];
        for (const [i, d] of loaded.entries()) {
          summaries.push(await importDossierIn(tx, actor, d, options));
          onProgress?.(i + 1, loaded.length, d.data.slug);
        }
        return summaries;
      },
      { timeout: 300_000, maxWait: 20_000 },
    );
    return { ok: true, imported };
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, errors: error.errors };
    throw error;
  }
}
