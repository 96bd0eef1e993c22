import "server-only";
// An editor chooses what readers see of a public source's record: one capture (its archived copy,
// next to the live link) and any of its documents. Nothing archived reaches readers without this
// choice, and never for a confidential source: what readers see was signed off.
import { AppError } from "@/lib/domain/errors";
import type { SetReaderCopyInput } from "@/lib/schemas/archive";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";

export async function setReaderCopy(actor: Actor, input: SetReaderCopyInput): Promise<{ shown: boolean; readerSlug: string | null }> {
  requirePermission(actor, "dossier:publish");
  const editorId = actor.kind === "user" ? actor.id : null;
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const where = { id: input.recordId, dossierId: dossier.id };
    const select = { id: true, sourceId: true, readerCopyAt: true, source: { select: { confidential: true } } };
    const record = input.kind === "capture" ? await tx.capture.findFirst({ where, select }) : await tx.document.findFirst({ where, select });
    if (!record) throw new AppError("NOT_FOUND", `This ${input.kind} does not exist.`);
    if (input.shown && record.source.confidential) {
      throw new AppError("RULE_VIOLATION", "This source is confidential: its captures and documents are never shown to readers.");
    }
    const now = new Date();
    const data = input.shown ? { readerCopyAt: now, readerCopyById: editorId } : { readerCopyAt: null, readerCopyById: null };
    if (input.kind === "capture") {
      // One archived copy per source: choosing this one replaces the previous choice.
      if (input.shown) await tx.capture.updateMany({ where: { sourceId: record.sourceId, id: { not: record.id }, readerCopyAt: { not: null } }, data: { readerCopyAt: null, readerCopyById: null } });
      await tx.capture.update({ where: { id: record.id }, data });
    } else {
      await tx.document.update({ where: { id: record.id }, data });
    }
    await recordAudit(tx, actor, {
      action: input.shown ? `${input.kind}.show-to-readers` : `${input.kind}.hide-from-readers`,
      entityType: input.kind,
      entityId: record.id,
      ...inDossier(dossier),
      before: { readerCopy: record.readerCopyAt !== null },
      after: { readerCopy: input.shown },
    });
    return { shown: input.shown, readerSlug: readerSlugOf(dossier) };
  });
}
