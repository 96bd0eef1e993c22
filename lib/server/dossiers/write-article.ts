import "server-only";
// The one way an article body changes (save and restore): bump the dossier's version, append a
// revision, re-anchor every claim and clear the author's autosaved draft, all in the caller's
// transaction, with the audit entry.
import type { Actor } from "../actor";
import { actorId } from "../actor";
import { recordAudit } from "../audit";
import { reanchorClaims, type ReanchorReport } from "../claims/reanchor";
import type { Tx } from "../db";
import { inDossier, type DossierRef } from "../newsroom/scope";

export interface ArticleWrite {
  version: number;
  revision: number;
  updatedAt: string;
  claims: ReanchorReport;
}

export async function writeArticle(
  tx: Tx,
  actor: Actor,
  dossier: DossierRef,
  change: { body: string; previousBody: string; note: string | null; action: "article.save" | "article.restore"; restoredFrom?: number },
): Promise<ArticleWrite> {
  const updated = await tx.dossier.update({
    where: { id: dossier.id, version: dossier.version },
    data: { body: change.body, version: { increment: 1 } },
    select: { version: true, updatedAt: true },
  });
  const last = await tx.articleRevision.findFirst({ where: { dossierId: dossier.id }, orderBy: { number: "desc" }, select: { number: true } });
  const revision = await tx.articleRevision.create({
    data: { dossierId: dossier.id, number: (last?.number ?? 0) + 1, body: change.body, authorId: actorId(actor), note: change.note },
    select: { number: true },
  });
  const claims = await reanchorClaims(tx, actor, { ...dossier, version: updated.version }, change.body);
  const userId = actorId(actor);
  if (userId) await tx.articleDraft.deleteMany({ where: { dossierId: dossier.id, userId } });
  // The full texts live in ArticleRevision; the audit entry points at them instead of copying.
  await recordAudit(tx, actor, {
    action: change.action,
    entityType: "dossier",
    entityId: dossier.id,
    ...inDossier(dossier),
    before: { version: dossier.version, revision: last?.number ?? null, length: change.previousBody.length },
    after: {
      version: updated.version,
      revision: revision.number,
      length: change.body.length,
      note: change.note,
      restoredFrom: change.restoredFrom ?? null,
      orphanedClaims: claims.orphaned.map((c) => c.id),
      restoredClaims: claims.restored,
    },
  });
  return { version: updated.version, revision: revision.number, updatedAt: updated.updatedAt.toISOString(), claims };
}
