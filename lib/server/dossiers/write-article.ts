import "server-only";
// The one way an article body changes (save and restore): bump the dossier's version, append a
// revision, re-anchor every claim and clear the author's autosaved draft, all in the caller's
// transaction, with the audit entry.
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "../actor";
import { actorId } from "../actor";
import { recordAudit } from "../audit";
import { reanchorClaims, type ReanchorReport } from "../claims/reanchor";
import { watchRechecks } from "../claims/recheck";
import type { Tx } from "../db";
import { inDossier, type DossierRef } from "../newsroom/scope";

/**
 * A save re-anchors every claim in its transaction; with thousands of claims on a busy machine
 * that outlasts Prisma's default 5 s by far while other requests are served between its
 * statements (decision 101). A slow save is better than a refused one.
 */
export const ARTICLE_WRITE_TRANSACTION = { timeout: 10 * 60_000 } as const;

export interface ArticleWrite {
  version: number;
  revision: number;
  updatedAt: string;
  /** The re-anchoring, and the claims this save made need a re-check (their passage's words changed). */
  claims: ReanchorReport & { recheck: { id: string; text: string }[] };
}

/** Details of the refusal of a save that would orphan claims of a published dossier. */
export interface OrphanWarning {
  rule: "orphans-unconfirmed";
  orphaned: { id: string; text: string; exact: string }[];
}

export async function writeArticle(
  tx: Tx,
  actor: Actor,
  dossier: DossierRef & { publishedAt: Date | null },
  change: { body: string; previousBody: string; note: string | null; action: "article.save" | "article.restore"; restoredFrom?: number; confirmOrphans: boolean },
): Promise<ArticleWrite> {
  const notifyRechecks = await watchRechecks(tx, dossier.id);
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
  const reanchored = await reanchorClaims(tx, actor, { ...dossier, version: updated.version }, change.body);
  if (reanchored.orphaned.length > 0 && dossier.publishedAt !== null && !change.confirmOrphans) {
    // Readers keep the published version either way, but an update would remove these claims:
    // the journalist saves them orphaned knowingly, or not at all (the transaction is undone).
    const n = reanchored.orphaned.length;
    const details: OrphanWarning = { rule: "orphans-unconfirmed", orphaned: reanchored.orphaned };
    throw new AppError(
      "RULE_VIOLATION",
      `This save would take ${n === 1 ? "a published claim's passage" : `the passages of ${n} published claims`} out of the article: ${reanchored.orphaned.map((c) => `“${c.text}”`).join(", ")}. Nothing was saved. Save again to confirm: ${n === 1 ? "it is" : "they are"} kept, flagged as orphaned, until re-attached; readers keep the published version until an editor publishes an update.`,
      { details },
    );
  }
  const claims = { ...reanchored, recheck: await notifyRechecks(actor) };
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
