import "server-only";
// People and organisations the dossier is about; quotes name them as speakers.
import type { CreateEntityInput } from "@/lib/schemas/records";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { entitySelect, toEntityView, type EntityView } from "./entity-view";

export async function createEntity(actor: Actor, input: CreateEntityInput): Promise<{ entity: EntityView; readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const row = await tx.entity.create({ data: { dossierId: dossier.id, kind: input.kind, name: input.name, description: input.description }, select: entitySelect });
    const entity = toEntityView(row);
    await recordAudit(tx, actor, { action: "entity.create", entityType: "entity", entityId: row.id, ...inDossier(dossier), after: entity });
    return { entity, readerSlug: readerSlugOf(dossier) };
  });
}
