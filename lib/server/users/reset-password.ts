import "server-only";
// The page behind a password-reset link, and choosing the new password there. The token is the
// authorisation: anonymous callers are expected. Using the link sets the password (hashed by Better
// Auth's own hashPassword), uses the link up, signs the member out everywhere (whoever had the old
// password is out too) and clears the failed sign-in count that may have locked them out.
import { hashPassword } from "better-auth/crypto";
import { AppError } from "@/lib/domain/errors";
import { isRole } from "@/lib/domain/permissions";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { clearAccountSignInAttempts } from "../auth/account-sign-in-limit";
import { db } from "../db";
import { hashInvitationToken } from "./invitation-token";

export interface PasswordResetLanding {
  name: string;
  email: string;
  expiresAt: string;
}

type Found = { id: string; usedAt: Date | null; revokedAt: Date | null; expiresAt: Date; user: { id: string; name: string; email: string; role: string; disabledAt: Date | null } };

/** Why a link cannot be used, or null when it can. */
function refusal(reset: Found | null): AppError | null {
  if (!reset) return new AppError("NOT_FOUND", "This password-reset link is not valid. Ask an admin for a new one.");
  if (reset.usedAt) return new AppError("RULE_VIOLATION", "This password-reset link was already used. Sign in with your new password, or ask an admin for a new link.");
  if (reset.revokedAt) return new AppError("RULE_VIOLATION", "This password-reset link was replaced by a newer one. Use the latest link, or ask an admin for a new one.");
  if (reset.expiresAt.getTime() < Date.now()) return new AppError("RULE_VIOLATION", "This password-reset link has expired. Ask an admin for a new one.");
  if (reset.user.disabledAt) return new AppError("RULE_VIOLATION", "This account is deactivated. Ask an admin.");
  return null;
}

const select = { id: true, usedAt: true, revokedAt: true, expiresAt: true, user: { select: { id: true, name: true, email: true, role: true, disabledAt: true } } } as const;

export async function getPasswordReset(_actor: Actor, token: string): Promise<PasswordResetLanding> {
  const reset = await db.passwordReset.findUnique({ where: { tokenHash: hashInvitationToken(token) }, select });
  const refused = refusal(reset);
  if (refused) throw refused;
  return { name: reset!.user.name, email: reset!.user.email, expiresAt: reset!.expiresAt.toISOString() };
}

export async function resetPassword(_actor: Actor, input: { token: string; password: string }): Promise<{ email: string }> {
  const password = await hashPassword(input.password);
  const email = await db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash: hashInvitationToken(input.token) }, select });
    const refused = refusal(reset);
    if (refused) throw refused;
    const { user } = reset!;
    const now = new Date();
    const updated = await tx.account.updateMany({ where: { userId: user.id, providerId: "credential" }, data: { password } });
    if (updated.count === 0) await tx.account.create({ data: { userId: user.id, accountId: user.id, providerId: "credential", password } });
    await tx.passwordReset.update({ where: { id: reset!.id }, data: { usedAt: now } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    if (!isRole(user.role)) throw new AppError("RULE_VIOLATION", "This account has no valid role. Ask an admin.");
    const member: Actor = { kind: "user", id: user.id, role: user.role, email: user.email, name: user.name };
    await recordAudit(tx, member, { action: "user.reset-password", entityType: "user", entityId: user.id, after: { email: user.email, passwordResetId: reset!.id } });
    return user.email;
  });
  await clearAccountSignInAttempts(email);
  return { email };
}
