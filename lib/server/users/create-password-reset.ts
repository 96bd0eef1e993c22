import "server-only";
// A member who forgot their password gets a one-time link from an admin. Dossier sends no email:
// the admin receives the link once, to pass on through a channel they trust. A new link replaces
// the member's earlier unused ones. The member's current password keeps working until the link is
// used, so a link nobody asked for locks nobody out.
import { AppError } from "@/lib/domain/errors";
import { publicUrl } from "@/lib/env";
import { actorId, requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { newInvitationToken } from "./invitation-token";

export const PASSWORD_RESET_TTL_HOURS = 24;

export interface PasswordResetLink {
  userId: string;
  name: string;
  email: string;
  link: string;
  expiresAt: string;
}

export async function createPasswordReset(actor: Actor, input: { userId: string }): Promise<PasswordResetLink> {
  requirePermission(actor, "user:manage");
  const createdById = actorId(actor);
  if (!createdById) throw new AppError("FORBIDDEN", "Only a signed-in admin can create a password-reset link.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, email: true, disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "This member does not exist.");
    if (user.disabledAt) throw new AppError("RULE_VIOLATION", `${user.name}'s account is deactivated: reactivate it first.`);
    const now = new Date();
    const replaced = await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_HOURS * 3600 * 1000);
    const reset = await tx.passwordReset.create({ data: { userId: user.id, tokenHash, createdById, expiresAt }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: "password-reset.create",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, passwordResetId: reset.id, expiresAt: expiresAt.toISOString(), replacedPending: replaced.count },
    });
    return { userId: user.id, name: user.name, email: user.email, link: `${publicUrl()}/login/reset/${token}`, expiresAt: expiresAt.toISOString() };
  });
}
