import "server-only";
// Autosave: the article as the journalist is typing it, one draft per user per dossier, so a
// closed tab or a crash loses nothing. A draft is private unsaved work, not a change to the
// dossier: it is not audited and readers never see it.
import { AppError } from "@/lib/domain/errors";
import type { SaveDraftInput } from "@/lib/schemas/dossier";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { archivedError } from "../newsroom/scope";

export async function saveDraft(actor: Actor, input: SaveDraftInput): Promise<{ savedAt: string }> {
  requirePermission(actor, "dossier:edit");
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in person has drafts.");
  const dossier = await db.dossier.findUnique({ where: { id: input.dossierId }, select: { id: true, slug: true, body: true, archivedAt: true } });
  if (!dossier) throw new AppError("NOT_FOUND", "This dossier does not exist (it may have been deleted).");
  if (dossier.archivedAt) throw archivedError(dossier.slug);
  const key = { dossierId_userId: { dossierId: dossier.id, userId: actor.id } };
  if (input.body === dossier.body) {
    // Back to the saved text: there is nothing unsaved to keep.
    await db.articleDraft.deleteMany({ where: { dossierId: dossier.id, userId: actor.id } });
    return { savedAt: new Date().toISOString() };
  }
  const draft = await db.articleDraft.upsert({
    where: key,
    create: { dossierId: dossier.id, userId: actor.id, body: input.body, baseVersion: input.baseVersion },
    update: { body: input.body, baseVersion: input.baseVersion },
    select: { updatedAt: true },
  });
  return { savedAt: draft.updatedAt.toISOString() };
}
