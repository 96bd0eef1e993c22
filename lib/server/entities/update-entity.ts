import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { UpdateEntityInput } from "@/lib/schemas/records";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion, findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { entitySelect, toEntityView, type EntityView } from "./entity-view";

export async function updateEntity(actor: Actor, input: UpdateEntityInput): Promise<{ entity: EntityView; readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.entity.findFirst({ where: { id: input.entityId, dossierId: dossier.id }, select: entitySelect });
    if (!before) throw new AppError("NOT_FOUND", "This person or organisation does not exist (it may have been deleted).");
    await assertVersion(tx, { label: "person or organisation", entityType: "entity", entityId: before.id }, before.version, input.version, () => toEntityView(before));
    const after = await tx.entity.update({
      where: { id: before.id, version: input.version },
      data: { kind: input.kind, name: input.name, description: input.description, version: { increment: 1 } },
      select: entitySelect,
    });
    const entity = toEntityView(after);
    await recordAudit(tx, actor, { action: "entity.update", entityType: "entity", entityId: after.id, ...inDossier(dossier), before: toEntityView(before), after: entity });
    return { entity, readerSlug: readerSlugOf(dossier) };
  });
}
