import "server-only";
// Taking a dossier off the public site. Nothing is deleted or reset: claims, verdicts, history,
// proposals and the first publication date stay, so corrections made later are still required
// and dated against what readers saw (lib/domain/verdict-rules.ts correctionNoteRequired).
import { AppError } from "@/lib/domain/errors";
import { refusalError, roleRefusal } from "@/lib/domain/verdict-rules";
import { UnpublishDossierSchema, type UnpublishDossierInput } from "@/lib/schemas/publishing";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { parseInput } from "@/lib/schemas/parse";
import { requireUser } from "../require-user";
import { loadDossier, toPublishingDossier, type PublishingDossier } from "./publish-gate";

export interface UnpublishDossierResult {
  dossier: PublishingDossier;
  publicationEventId: string;
  /** Pass to revalidateReaderPages() after success: the pages must stop serving the dossier. */
  readerSlug: string;
}

export async function unpublishDossier(actor: Actor, input: UnpublishDossierInput): Promise<UnpublishDossierResult> {
  const user = requireUser(actor, "newsroom:access");
  const role = roleRefusal(user, "publish");
  if (role) throw refusalError([role]);
  const data = parseInput(UnpublishDossierSchema, input);

  return db.$transaction(async (tx) => {
    const dossier = await loadDossier(tx, data.dossierId);
    if (dossier.version !== data.version) {
      throw new AppError("CONFLICT", `This dossier changed since you opened it (you had version ${data.version}, it is now at ${dossier.version}). Review it, then unpublish again.`, {
        details: { current: toPublishingDossier(dossier) },
      });
    }
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
