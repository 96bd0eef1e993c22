import "server-only";
// Admins set roles. Nobody changes their own role (an admin cannot lock the newsroom out of user
// management by accident), and the last active admin stays an admin.
import { AppError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/permissions";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";

export async function setUserRole(actor: Actor, input: { userId: string; role: Role }): Promise<{ userId: string; role: Role }> {
  requirePermission(actor, "user:manage");
  if (actor.kind === "user" && actor.id === input.userId) {
    throw new AppError("RULE_VIOLATION", "You cannot change your own role: ask another admin.", { fieldErrors: { role: ["You cannot change your own role."] } });
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, role: true, disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "This user does not exist.");
    if (user.role === input.role) return { userId: user.id, role: input.role };
    if (user.role === "admin" && !user.disabledAt && (await tx.user.count({ where: { role: "admin", disabledAt: null } })) <= 1) {
      throw new AppError("RULE_VIOLATION", "This is the last active admin: make someone else admin first.");
    }
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    await recordAudit(tx, actor, { action: "user.set-role", entityType: "user", entityId: user.id, before: { email: user.email, role: user.role }, after: { email: user.email, role: input.role } });
    return { userId: user.id, role: input.role };
  });
}
