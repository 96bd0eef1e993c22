import "server-only";
// Publishing a dossier. Refused while any claim is not yet checked or has a pending proposal (the
// refusal lists them in details.blockingClaims), unless an editor overrides with a written reason
// covering the blocking claims they were shown (acknowledgedClaimIds). Every publication is
// recorded (PublicationEvent, with the blocking claims and the override reason) and audited.
// The first publication date is kept on republishing: corrections are dated against it.
import { AppError } from "@/lib/domain/errors";
import { checkPublication, refusalError, roleRefusal } from "@/lib/domain/verdict-rules";
import { PublishDossierSchema, type PublishDossierInput } from "@/lib/schemas/publishing";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { parseInput } from "@/lib/schemas/parse";
import { requireUser } from "../require-user";
import { gateOf, loadDossier, toPublishingDossier, type PublishingDossier } from "./internal";

export interface PublishDossierResult {
  dossier: PublishingDossier;
  publicationEventId: string;
  /** True when the dossier was published despite blocking claims. */
  overridden: boolean;
  /** The claims that were blocking when it was published (empty unless overridden). */
  blockingClaimIds: string[];
  /** Pass to revalidateReaderPages() after success. */
  readerSlug: string;
}

export async function publishDossier(actor: Actor, input: PublishDossierInput): Promise<PublishDossierResult> {
  const user = requireUser(actor, "newsroom:access");
  const role = roleRefusal(user, "publish");
  if (role) throw refusalError([role]);
  const data = parseInput(PublishDossierSchema, input);

  return db.$transaction(async (tx) => {
    const dossier = await loadDossier(tx, data.dossierId);
    if (dossier.version !== data.version) {
      throw new AppError("CONFLICT", `This dossier changed since you opened it (you had version ${data.version}, it is now at ${dossier.version}). Review it, then publish again.`, {
        details: { current: toPublishingDossier(dossier) },
      });
    }
    if (dossier.status === "published") throw new AppError("CONFLICT", "This dossier is already published.", { details: { current: toPublishingDossier(dossier) } });

    const gate = await gateOf(tx, dossier.id);
    const check = checkPublication({
      blocking: gate.blocking,
      // Acknowledged claims without a reason is an override attempt: say the reason is missing.
      override:
        data.overrideReason !== null || data.acknowledgedClaimIds.length > 0
          ? { reason: data.overrideReason ?? "", blockingClaimIds: data.acknowledgedClaimIds }
          : null,
    });
    if (!check.ok) {
      throw refusalError([check.refusal], { blockingClaims: gate.blocking, unacknowledgedClaimIds: check.unacknowledgedClaimIds });
    }

    const now = new Date();
    const { count } = await tx.dossier.updateMany({
      where: { id: dossier.id, version: dossier.version },
      data: { status: "published", publishedAt: dossier.publishedAt ?? now, version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This dossier changed while you were publishing it. Review it, then publish again.");
    const blockingClaimIds = check.overridden ? gate.blocking.map((c) => c.id) : [];
    const event = await tx.publicationEvent.create({
      data: {
        dossierId: dossier.id,
        action: "publish",
        overrideReason: check.overridden ? (data.overrideReason ?? null) : null,
        blockingClaimIds: JSON.stringify(blockingClaimIds),
        actorId: user.id,
        createdAt: now,
      },
      select: { id: true },
    });
    const after = toPublishingDossier(await loadDossier(tx, dossier.id));
    await recordAudit(tx, user, {
      action: "dossier.publish",
      entityType: "dossier",
      entityId: dossier.id,
      dossierId: dossier.id,
      dossierSlug: dossier.slug,
      before: toPublishingDossier(dossier),
      after: { ...after, publicationEventId: event.id, override: check.overridden ? { reason: data.overrideReason, blockingClaimIds } : null },
    });
    return { dossier: after, publicationEventId: event.id, overridden: check.overridden, blockingClaimIds, readerSlug: dossier.slug };
  });
}
