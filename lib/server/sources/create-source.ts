import "server-only";
// Anyone who may edit sources may create a confidential one and type its identity and notes,
// even without the right to read them back (docs/permissions.md).
import type { CreateSourceInput } from "@/lib/schemas/sources";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { sourceAuditSnapshot, sourceSelect, sourceSelectFor, stripCounts, toSourceView, type SourceView } from "./confidentiality";
import { enqueueCapture } from "../archive/capture-queue";
import { archiveSourceSelect } from "../archive/record-views";
import { wakeArchiveWorker } from "../archive/worker";
import { captureOnCreate } from "../capture/settings";

export async function createSource(actor: Actor, input: CreateSourceInput): Promise<{ source: SourceView; readerSlug: string | null }> {
  requirePermission(actor, "source:edit");
  const result = await db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const last = await tx.source.findFirst({ where: { dossierId: dossier.id }, orderBy: { position: "desc" }, select: { position: true } });
    const { dossierId: _dossierId, ...fields } = input;
    const row = await tx.source.create({
      data: { ...fields, publicDescription: fields.publicDescription, dossierId: dossier.id, position: (last?.position ?? -1) + 1 },
      select: { ...sourceSelect, identity: true, notes: true },
    });
    await recordAudit(tx, actor, { action: "source.create", entityType: "source", entityId: row.id, ...inDossier(dossier), after: sourceAuditSnapshot(stripCounts(row)) });
    // CAPTURE_ON_CREATE: a source typed in the newsroom with an address is archived at once.
    if (captureOnCreate() && actor.kind === "user" && row.url) {
      await enqueueCapture(tx, actor, dossier, await tx.source.findUniqueOrThrow({ where: { id: row.id }, select: archiveSourceSelect }));
    }
    const visible = await tx.source.findUniqueOrThrow({ where: { id: row.id }, select: sourceSelectFor(actor) });
    return { source: toSourceView(actor, visible), readerSlug: readerSlugOf(dossier) };
  });
  wakeArchiveWorker();
  return result;
}

