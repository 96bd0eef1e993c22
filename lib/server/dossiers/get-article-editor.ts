import "server-only";
// Everything the article editor needs: the saved article, this user's autosaved draft (when it
// differs from the saved article) and the claims anchored in it.
import { actorId, can, requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { findDossierBySlug } from "../newsroom/scope";
import { claimSelect, toClaimView, type ClaimView } from "../claims/claim-view";

export interface ArticleEditorView {
  dossier: { id: string; slug: string; title: string; language: string; status: string; version: number; body: string; updatedAt: string };
  /** This user's unsaved work, restored on reopening; `stale` when the article changed since. */
  draft: { body: string; baseVersion: number; updatedAt: string; stale: boolean } | null;
  claims: ClaimView[];
  canEdit: boolean;
  canMakeClaims: boolean;
}

export async function getArticleEditor(actor: Actor, slug: string): Promise<ArticleEditorView> {
  requirePermission(actor, "newsroom:access");
  const dossier = await db.dossier.findUniqueOrThrow({
    where: { id: (await findDossierBySlug(db, slug)).id },
    select: { id: true, slug: true, title: true, language: true, status: true, version: true, body: true, updatedAt: true },
  });
  const userId = actorId(actor);
  const draft = userId
    ? await db.articleDraft.findUnique({ where: { dossierId_userId: { dossierId: dossier.id, userId } }, select: { body: true, baseVersion: true, updatedAt: true } })
    : null;
  const claims = await db.claim.findMany({ where: { dossierId: dossier.id }, orderBy: { position: "asc" }, select: claimSelect });
  return {
    dossier: { ...dossier, updatedAt: dossier.updatedAt.toISOString() },
    draft:
      draft && draft.body !== dossier.body
        ? { body: draft.body, baseVersion: draft.baseVersion, updatedAt: draft.updatedAt.toISOString(), stale: draft.baseVersion !== dossier.version }
        : null,
    claims: claims.map(toClaimView),
    canEdit: can(actor, "dossier:edit"),
    canMakeClaims: can(actor, "claim:edit"),
  };
}
