import "server-only";
// Title, summary and language. The slug is fixed: reader links must keep working.
import type { UpdateDossierInput } from "@/lib/schemas/dossier";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion, findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { dossierSelect, toDossierView, type DossierView } from "./dossier-view";

export async function updateDossier(actor: Actor, input: UpdateDossierInput): Promise<{ dossier: DossierView; readerSlug: string | null }> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const before = await tx.dossier.findUniqueOrThrow({ where: { id: (await findDossier(tx, input.dossierId)).id }, select: dossierSelect });
    await assertVersion(tx, { label: "dossier", entityType: "dossier", entityId: before.id }, before.version, input.version, () => toDossierView(before));
    const after = await tx.dossier.update({
      where: { id: before.id, version: input.version },
      data: { title: input.title, summary: input.summary, language: input.language, version: { increment: 1 } },
      select: dossierSelect,
    });
    const dossier = toDossierView(after);
    await recordAudit(tx, actor, { action: "dossier.update", entityType: "dossier", entityId: after.id, ...inDossier(after), before: toDossierView(before), after: dossier });
    return { dossier, readerSlug: readerSlugOf(after) };
  });
}
