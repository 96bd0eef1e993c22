import "server-only";
// Who checks a claim at the fact-check desk (the desk filters by it). Any newsroom member may take
// a claim or hand it to a colleague; the person it is handed to is told, inside the newsroom.
// Assigning is not part of the claim's fact-check record, so it changes nothing readers see.
import { AppError } from "@/lib/domain/errors";
import { deskClaimPath } from "@/lib/domain/desk-links";
import type { AssignClaimInput } from "@/lib/schemas/claims";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { assertVersion, findDossier, inDossier } from "../newsroom/scope";
import { claimSelect, toClaimView, type ClaimView } from "./claim-view";
import { createNotification } from "../notifications/notify";
import { claimExcerpt } from "../verdicts/claim-decision";

export interface AssignClaimResult {
  claim: ClaimView;
  /** The notification sent to the new assignee (none when unassigning or taking it oneself). */
  notificationId: string | null;
}

export async function assignClaim(actor: Actor, input: AssignClaimInput): Promise<AssignClaimResult> {
  requirePermission(actor, "claim:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const before = await tx.claim.findFirst({ where: { id: input.claimId, dossierId: dossier.id }, select: claimSelect });
    if (!before) throw new AppError("NOT_FOUND", "This claim does not exist (it may have been deleted).");
    await assertVersion(tx, { label: "claim", entityType: "claim", entityId: before.id }, before.version, input.version, () => toClaimView(before));
    const assignee = input.assigneeId
      ? await tx.user.findFirst({ where: { id: input.assigneeId, disabledAt: null }, select: { id: true, name: true } })
      : null;
    if (input.assigneeId && !assignee) {
      const message = "Choose an active member of the newsroom.";
      throw new AppError("INVALID_INPUT", message, { fieldErrors: { assigneeId: [message] } });
    }
    if ((assignee?.id ?? null) === before.assignee?.id) {
      // Nothing changes: no new version, no audit entry, nobody told twice.
      return { claim: toClaimView(before), notificationId: null };
    }
    const after = toClaimView(
      await tx.claim.update({
        where: { id: before.id, version: input.version },
        data: { assigneeId: assignee?.id ?? null, version: { increment: 1 } },
        select: claimSelect,
      }),
    );
    const assignedBy = actor.kind === "user" ? actor.id : null;
    let notificationId: string | null = null;
    if (assignee && assignee.id !== assignedBy) {
      const { title } = await tx.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { title: true } });
      notificationId = await createNotification(tx, {
        userId: assignee.id,
        kind: "claim.assigned",
        message: `${actor.kind === "user" ? actor.name : "The newsroom"} asked you to check the claim “${claimExcerpt(before.text)}” in “${title}”.`,
        link: deskClaimPath(before.id),
      });
    }
    await recordAudit(tx, actor, {
      action: "claim.assign",
      entityType: "claim",
      entityId: before.id,
      ...inDossier(dossier),
      before: { assigneeId: before.assignee?.id ?? null, assigneeName: before.assignee?.name ?? null },
      after: { assigneeId: after.assigneeId, assigneeName: after.assigneeName, notificationId },
    });
    return { claim: after, notificationId };
  });
}
