import "server-only";
// Restoring an old revision writes it as a NEW revision: history is never rewritten.
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { assertVersion, findDossierWithArticle, readerSlugOf } from "../newsroom/scope";
import { ARTICLE_WRITE_TRANSACTION, writeArticle, type ArticleWrite } from "./write-article";

export async function restoreRevision(
  actor: Actor,
  input: { dossierId: string; version: number; number: number; confirmOrphans?: boolean },
): Promise<ArticleWrite & { readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossierWithArticle(tx, input.dossierId);
    await assertVersion(tx, { label: "article", entityType: "dossier", entityId: dossier.id }, dossier.version, input.version, () => ({
      body: dossier.body,
      version: dossier.version,
      updatedAt: dossier.updatedAt.toISOString(),
    }));
    const revision = await tx.articleRevision.findUnique({ where: { dossierId_number: { dossierId: dossier.id, number: input.number } }, select: { body: true } });
    if (!revision) throw new AppError("NOT_FOUND", `Revision ${input.number} does not exist.`);
    if (revision.body === dossier.body) {
      throw new AppError("RULE_VIOLATION", `The article is already identical to revision ${input.number}: there is nothing to restore.`);
    }
    const written = await writeArticle(tx, actor, dossier, {
      body: revision.body,
      previousBody: dossier.body,
      note: `Restored revision ${input.number}`,
      action: "article.restore",
      restoredFrom: input.number,
      confirmOrphans: input.confirmOrphans ?? false,
    });
    return { ...written, readerSlug: readerSlugOf(dossier) };
  }, ARTICLE_WRITE_TRANSACTION);
}
