import "server-only";
// What the invitation page shows to the (not yet signed-in) person holding the link. The token
// itself is the authorisation, so no permission is required; an unknown token says nothing more.
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "../actor";
import { db } from "../db";
import { hashInvitationToken } from "./invitation-token";

export interface InvitationLanding {
  email: string;
  role: string;
  invitedBy: string;
  expiresAt: string;
}

export async function getInvitation(_actor: Actor, token: string): Promise<InvitationLanding> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, invitedBy: { select: { name: true } } },
  });
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid. Ask the person who invited you for a new one.");
  if (invitation.acceptedAt) throw new AppError("RULE_VIOLATION", "This invitation was already used. Sign in with the password you chose.");
  if (invitation.revokedAt) throw new AppError("RULE_VIOLATION", "This invitation was withdrawn. Ask an admin for a new one.");
  if (invitation.expiresAt.getTime() < Date.now()) throw new AppError("RULE_VIOLATION", "This invitation has expired. Ask an admin for a new one.");
  return { email: invitation.email, role: invitation.role, invitedBy: invitation.invitedBy.name, expiresAt: invitation.expiresAt.toISOString() };
}
