import "server-only";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";

export async function revokeInvitation(actor: Actor, input: { invitationId: string }): Promise<{ revoked: string }> {
  requirePermission(actor, "user:manage");
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id: input.invitationId }, select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true } });
    if (!invitation) throw new AppError("NOT_FOUND", "This invitation does not exist.");
    if (invitation.acceptedAt) throw new AppError("RULE_VIOLATION", "This invitation was already accepted: deactivate the account instead.");
    if (invitation.revokedAt) return { revoked: invitation.id };
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: "invitation.revoke", entityType: "invitation", entityId: invitation.id, before: { email: invitation.email, role: invitation.role } });
    return { revoked: invitation.id };
  });
}
