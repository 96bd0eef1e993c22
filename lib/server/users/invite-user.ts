import "server-only";
// An admin invites someone by email with a role. Dossier sends no email: the admin receives the
// invitation link once, to pass on through a channel they trust. Inviting the same address again
// replaces the pending invitation.
import { AppError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/permissions";
import { publicUrl } from "@/lib/env";
import type { z } from "zod";
import type { InviteUserSchema } from "@/lib/schemas/auth";
import { actorId, requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { INVITATION_TTL_DAYS, newInvitationToken } from "./invitation-token";

export async function inviteUser(actor: Actor, input: z.infer<typeof InviteUserSchema>): Promise<{ invitationId: string; email: string; role: Role; link: string; expiresAt: string }> {
  requirePermission(actor, "user:manage");
  // The schema (parsed by the action, once) gives the address in lower case: databases differ on
  // whether "Editor@" equals "editor@" (SQLite and PostgreSQL both say no).
  const invitedById = actorId(actor);
  if (!invitedById) throw new AppError("FORBIDDEN", "Only a signed-in admin can invite people.");
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("INVALID_INPUT", "This person already has an account.", {
        fieldErrors: { email: ["This address already has an account: change its role in the list below instead."] },
      });
    }
    const replaced = await tx.invitation.updateMany({ where: { email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);
    const invitation = await tx.invitation.create({ data: { email: input.email, role: input.role, tokenHash, invitedById, expiresAt }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: "invitation.create",
      entityType: "invitation",
      entityId: invitation.id,
      after: { email: input.email, role: input.role, expiresAt: expiresAt.toISOString(), replacedPending: replaced.count },
    });
    return { invitationId: invitation.id, email: input.email, role: input.role, link: `${publicUrl()}/invite/${token}`, expiresAt: expiresAt.toISOString() };
  });
}
