import "server-only";
// Imports every dossier under a folder. All folders are validated before anything is written:
// one invalid file means nothing at all is imported.
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { listDossierFolders, loadDossierFolder, type ContentError, type LoadedDossier } from "@/lib/content/load-dossier-folder";
import type { Actor } from "../actor";
import { importDossier, type ImportSummary } from "./import-dossier";

export type FolderImportResult =
  | { ok: true; imported: ImportSummary[] }
  | { ok: false; errors: ContentError[] };

export async function importContentFolder(actor: Actor, dir: string, onProgress?: (done: number, total: number, slug: string) => void): Promise<FolderImportResult> {
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

  const imported: ImportSummary[] = [];
  for (const [i, d] of loaded.entries()) {
    imported.push(await importDossier(actor, d));
    onProgress?.(i + 1, loaded.length, d.data.slug);
  }
  return { ok: true, imported };
}
