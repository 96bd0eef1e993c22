import "server-only";
// Editing a source. For a role without source:view-confidential, a confidential source's title,
// identity and notes are write-only: left empty they keep the stored value (the person never saw
// it, so emptying the field must not erase it), filled in they replace it. Such a role also may
// not turn a confidential source public: it cannot see what that would reveal.
import { AppError } from "@/lib/domain/errors";
import type { UpdateSourceInput } from "@/lib/schemas/sources";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion, findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { seesConfidentialSources, sourceAuditSnapshot, sourceSelect, stripCounts, sourceSelectFor, toSourceView, type SourceView } from "./confidentiality";

export async function updateSource(actor: Actor, input: UpdateSourceInput): Promise<{ source: SourceView; readerSlug: string | null }> {
  requirePermission(actor, "source:edit");
  const seesConfidential = seesConfidentialSources(actor);
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.source.findFirst({ where: { id: input.sourceId, dossierId: dossier.id }, select: { ...sourceSelect, identity: true, notes: true } });
    if (!before) throw new AppError("NOT_FOUND", "This source does not exist (it may have been deleted).");
    await assertVersion(tx, { label: "source", entityType: "source", entityId: before.id }, before.version, input.version, () => toSourceView(actor, before));
    const writeOnly = before.confidential && !seesConfidential;
    if (writeOnly && !input.confidential) {
      throw new AppError("FORBIDDEN", "Only an editor can make a confidential source public.", {
        fieldErrors: { confidential: ["Only an editor can make a confidential source public."] },
      });
    }
    if (!writeOnly && input.title === null) {
      throw new AppError("INVALID_INPUT", "Title is required.", { fieldErrors: { title: ["Title is required."] } });
    }
    const { dossierId: _d, sourceId: _s, version: _v, ...fields } = input;
    const after = await tx.source.update({
      where: { id: before.id, version: input.version },
      data: {
        ...fields,
        title: fields.title ?? before.title,
        identity: writeOnly && fields.identity === null ? before.identity : fields.identity,
        notes: writeOnly && fields.notes === null ? before.notes : fields.notes,
        version: { increment: 1 },
      },
      select: { ...sourceSelect, identity: true, notes: true },
    });
    await recordAudit(tx, actor, {
      action: "source.update",
      entityType: "source",
      entityId: after.id,
      ...inDossier(dossier),
      before: sourceAuditSnapshot(stripCounts(before)),
      after: sourceAuditSnapshot(stripCounts(after)),
    });
    const visible = await tx.source.findUniqueOrThrow({ where: { id: after.id }, select: sourceSelectFor(actor) });
    return { source: toSourceView(actor, visible), readerSlug: readerSlugOf(dossier) };
  });
}
