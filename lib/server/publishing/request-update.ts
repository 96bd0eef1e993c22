import "server-only";
// A journalist asks the editors to publish the changes made to a published dossier: only editors
// publish, through the gate. The request is recorded with the publication record and every editor
// is notified. Refused when there is nothing to publish (no published version, or no change since).
import { AppError } from "@/lib/domain/errors";
import type { RequestUpdateInput } from "@/lib/schemas/publishing";
import { actorId, requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { notifyEditors } from "../notifications/notify";
import { buildReaderView, viewHash } from "../reader/build-reader-view";
import { loadDossier } from "./publish-gate";
import { latestVersion } from "./versions";

export interface RequestUpdateResult {
  requestId: string;
  /** How many editors were told. */
  notified: number;
  /** A request changes nothing readers see. */
  readerSlug: null;
}

export async function requestUpdate(actor: Actor, input: RequestUpdateInput): Promise<RequestUpdateResult> {
  requirePermission(actor, "dossier:edit");
  return db.$transaction(async (tx) => {
    const dossier = await loadDossier(tx, input.dossierId);
    const latest = await latestVersion(tx, dossier.id);
    if (!latest) throw new AppError("RULE_VIOLATION", "This dossier has never been published: ask an editor to publish it (they see it at the desk).", { details: { rule: "nothing-to-publish" } });
    if (latest.hash === viewHash(await buildReaderView(tx, dossier.id))) {
      throw new AppError("RULE_VIOLATION", `Nothing to publish: readers already see everything (version ${latest.number}).`, { details: { rule: "nothing-to-publish" } });
    }
    const request = await tx.publicationEvent.create({ data: { dossierId: dossier.id, action: "request-update", message: input.message, actorId: actorId(actor) }, select: { id: true } });
    const who = actor.kind === "user" ? actor.name : "Someone";
    const notified = await notifyEditors(tx, {
      except: actorId(actor),
      kind: "update.requested",
      message: `${who} asks for the changes to “${dossier.title}” to be published (readers see version ${latest.number}).${input.message ? ` Message: ${input.message}` : ""}`,
      link: `/newsroom/dossiers/${dossier.slug}#publication`,
    });
    await recordAudit(tx, actor, { action: "dossier.request-update", entityType: "dossier", entityId: dossier.id, dossierId: dossier.id, dossierSlug: dossier.slug, after: { requestId: request.id, message: input.message, publishedVersion: latest.number, notified } });
    return { requestId: request.id, notified, readerSlug: null };
  });
}
