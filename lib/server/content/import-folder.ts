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
  | { ok: true; imported: ImportSummary[]; warnings: ContentError[] }
  | { ok: false; errors: ContentError[]; warnings: ContentError[] };

export async function importContentFolder(
  actor: Actor,
  dir: string,
  onProgress?: (done: number, total: number, slug: string) => void,
  options: ImportOptions = {},
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
      // Thousands of statements, each a round trip on PostgreSQL: far beyond Prisma's default 5 s.
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
    return { ok: true, imported, warnings };
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, errors: error.errors, warnings };
    throw error;
  }
}
