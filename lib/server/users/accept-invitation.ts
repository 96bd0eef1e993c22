import "server-only";
// Accepting an invitation creates the account with the chosen password (hashed by Better Auth's
// own hashPassword, stored as its "credential" account) and uses up the invitation. The token is
// the authorisation: anonymous callers are expected here.
import { hashPassword } from "better-auth/crypto";
import { AppError } from "@/lib/domain/errors";
import { isRole } from "@/lib/domain/permissions";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { hashInvitationToken } from "./invitation-token";

export async function acceptInvitation(_actor: Actor, input: { token: string; name: string; password: string }): Promise<{ email: string }> {
  const password = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashInvitationToken(input.token) },
      select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() < Date.now() || !isRole(invitation.role)) {
      throw new AppError("RULE_VIOLATION", "This invitation can no longer be used. Ask an admin for a new one.");
    }
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new AppError("RULE_VIOLATION", "An account already exists for this address. Sign in instead.");
    }
    const user = await tx.user.create({ data: { email: invitation.email, name: input.name, role: invitation.role, emailVerified: true }, select: { id: true, email: true, name: true } });
    await tx.account.create({ data: { userId: user.id, accountId: user.id, providerId: "credential", password } });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    const newcomer: Actor = { kind: "user", id: user.id, role: invitation.role, email: user.email, name: user.name };
    await recordAudit(tx, newcomer, { action: "user.accept-invitation", entityType: "user", entityId: user.id, after: { email: user.email, name: user.name, role: invitation.role, invitationId: invitation.id } });
    return { email: user.email };
  });
}
