import "server-only";
// Deactivating someone signs them out everywhere at once and stops them signing in; their work
// and history stay. Reactivating lets them sign in again with their password.
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";

export async function setUserActive(actor: Actor, input: { userId: string; active: boolean }): Promise<{ userId: string; active: boolean }> {
  requirePermission(actor, "user:manage");
  if (actor.kind === "user" && actor.id === input.userId && !input.active) {
    throw new AppError("RULE_VIOLATION", "You cannot deactivate your own account: ask another admin.");
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, role: true, disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "This user does not exist.");
    if (!user.disabledAt === input.active) return { userId: user.id, active: input.active };
    if (!input.active && user.role === "admin" && (await tx.user.count({ where: { role: "admin", disabledAt: null } })) <= 1) {
      throw new AppError("RULE_VIOLATION", "This is the last active admin: make someone else admin first.");
    }
    await tx.user.update({ where: { id: user.id }, data: { disabledAt: input.active ? null : new Date() } });
    if (!input.active) {
      await tx.session.deleteMany({ where: { userId: user.id } });
      await tx.editingPresence.deleteMany({ where: { userId: user.id } });
    }
    await recordAudit(tx, actor, {
      action: input.active ? "user.reactivate" : "user.deactivate",
      entityType: "user",
      entityId: user.id,
      before: { email: user.email, active: !user.disabledAt },
      after: { email: user.email, active: input.active },
    });
    return { userId: user.id, active: input.active };
  });
}
