import "server-only";
// The admin's view of the newsroom: members with their roles, and pending invitations.
import { compareText } from "@/lib/domain/collation";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  createdAt: string;
  isYou: boolean;
}

export interface InvitationView {
  id: string;
  email: string;
  role: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  state: "pending" | "accepted" | "revoked" | "expired";
}

export async function listUsers(actor: Actor): Promise<{ users: UserView[]; invitations: InvitationView[] }> {
  requirePermission(actor, "user:manage");
  const [users, invitations] = await Promise.all([
    // Active members first, then by name (sorted here: databases disagree on both, see collation.ts).
    db.user
      .findMany({ select: { id: true, name: true, email: true, role: true, disabledAt: true, createdAt: true } })
      .then((rows) => rows.sort((a, b) => Number(a.disabledAt !== null) - Number(b.disabledAt !== null) || compareText(a.name, b.name))),
    db.invitation.findMany({
      orderBy: { createdAt: "desc" },
      take: 100,
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true, invitedBy: { select: { name: true } } },
    }),
  ]);
  const now = Date.now();
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      active: !u.disabledAt,
      createdAt: u.createdAt.toISOString(),
      isYou: actor.kind === "user" && actor.id === u.id,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      invitedBy: i.invitedBy.name,
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      state: i.acceptedAt ? "accepted" : i.revokedAt ? "revoked" : i.expiresAt.getTime() < now ? "expired" : "pending",
    })),
  };
}
