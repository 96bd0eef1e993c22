import "server-only";
// Saving the article: refused over a newer version (the journalist sees both and decides), then
// a new revision, claims re-anchored, draft cleared, audit — in one transaction.
import type { SaveArticleInput } from "@/lib/schemas/dossier";
import { actorId, requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { assertVersion, findDossierWithArticle, readerSlugOf } from "../newsroom/scope";
import { ARTICLE_WRITE_TRANSACTION, writeArticle, type ArticleWrite } from "./write-article";

/** What a conflicting article save carries as `current`. */
export interface ArticleConflictCurrent {
  body: string;
  version: number;
  updatedAt: string;
}

export type SaveArticleResult = ({ changed: true } & ArticleWrite) | { changed: false; version: number };

export async function saveArticle(actor: Actor, input: SaveArticleInput): Promise<SaveArticleResult & { readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossierWithArticle(tx, input.dossierId);
    await assertVersion(tx, { label: "article", entityType: "dossier", entityId: dossier.id }, dossier.version, input.version, (): ArticleConflictCurrent => ({
      body: dossier.body,
      version: dossier.version,
      updatedAt: dossier.updatedAt.toISOString(),
    }));
    if (dossier.body === input.body) {
      // Nothing changed: no revision, no new version (but no leftover draft either).
      const userId = actorId(actor);
      if (userId) await tx.articleDraft.deleteMany({ where: { dossierId: dossier.id, userId } });
      return { changed: false, version: dossier.version, readerSlug: null };
    }
    const written = await writeArticle(tx, actor, dossier, { body: input.body, previousBody: dossier.body, note: input.note || null, action: "article.save", confirmOrphans: input.confirmOrphans ?? false });
    return { changed: true, ...written, readerSlug: readerSlugOf(dossier) };
  }, ARTICLE_WRITE_TRANSACTION);
}
