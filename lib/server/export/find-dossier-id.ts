import "server-only";
// The id of a dossier (not archived) by its slug, for the export command, which is given a slug.
import { db } from "../db";
import { NOT_ARCHIVED } from "../newsroom/scope";

export async function findDossierIdBySlug(slug: string): Promise<string | null> {
  return (await db.dossier.findFirst({ where: { slug, ...NOT_ARCHIVED }, select: { id: true } }))?.id ?? null;
}
