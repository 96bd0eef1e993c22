import "server-only";
// Taking a dossier off the public site. Nothing is deleted or reset: claims, verdicts, history,
// proposals and the first publication date stay, so corrections made later are still required
// and dated against what readers saw (lib/domain/verdict-rules.ts correctionNoteRequired).
import { AppError } from "@/lib/domain/errors";
import type { UnpublishDossierInput } from "@/lib/schemas/publishing";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion } from "../newsroom/scope";
import { loadDossier, toPublishingDossier, type PublishingDossier } from "./publish-gate";

export interface UnpublishDossierResult {
  dossier: PublishingDossier;
  publicationEventId: string;
  /** Pass to revalidateReaderPages() after success: the pages must stop serving the dossier. */
  readerSlug: string;
}

export async function unpublishDossier(actor: Actor, data: UnpublishDossierInput): Promise<UnpublishDossierResult> {
  const user = requirePermission(actor, "dossier:publish", "person");

  return db.$transaction(async (tx) => {
    const dossier = await loadDossier(tx, data.dossierId);
    await assertVersion(tx, { label: "dossier", entityType: "dossier", entityId: dossier.id }, dossier.version, data.version, () => toPublishingDossier(dossier), { then: "Review it, then unpublish again." });
    if (dossier.status !== "published") throw new AppError("CONFLICT", "This dossier is not published.", { details: { current: toPublishingDossier(dossier) } });

    const now = new Date();
    const { count } = await tx.dossier.updateMany({
      where: { id: dossier.id, version: dossier.version },
      data: { status: "draft", version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This dossier changed while you were unpublishing it. Review it, then try again.");
    const event = await tx.publicationEvent.create({
      data: { dossierId: dossier.id, action: "unpublish", actorId: user.id, createdAt: now },
      select: { id: true },
    });
    const after = toPublishingDossier(await loadDossier(tx, dossier.id));
    await recordAudit(tx, user, {
      action: "dossier.unpublish",
      entityType: "dossier",
      entityId: dossier.id,
      dossierId: dossier.id,
      dossierSlug: dossier.slug,
      before: toPublishingDossier(dossier),
      after: { ...after, publicationEventId: event.id, reason: data.reason ?? null },
    });
    return { dossier: after, publicationEventId: event.id, readerSlug: dossier.slug };
  });
}
