import "server-only";
// Someone quoted stays: an entity that speaks in quotes cannot be deleted until those quotes
// name another speaker (otherwise they would silently lose who said them).
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { entitySelect, toEntityView } from "./entity-view";

export async function deleteEntity(actor: Actor, input: { dossierId: string; entityId: string }): Promise<{ deleted: string; readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.entity.findFirst({ where: { id: input.entityId, dossierId: dossier.id }, select: entitySelect });
    if (!before) throw new AppError("NOT_FOUND", "This person or organisation does not exist (it may have been deleted).");
    if (before._count.quotes > 0) {
      const n = before._count.quotes;
      throw new AppError("RULE_VIOLATION", `${before.name} is the speaker of ${n === 1 ? "a quote" : `${n} quotes`}. Change the speaker of ${n === 1 ? "that quote" : "those quotes"} first.`);
    }
    await tx.entity.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, { action: "entity.delete", entityType: "entity", entityId: before.id, ...inDossier(dossier), before: toEntityView(before) });
    return { deleted: before.id, readerSlug: readerSlugOf(dossier) };
  });
}
