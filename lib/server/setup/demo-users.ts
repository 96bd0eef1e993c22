import "server-only";
// Demo accounts exist only in demo mode. Turning demo mode off disables them (they keep their
// history, they can no longer sign in).
import { hashPassword } from "better-auth/crypto";
import type { Role } from "@/lib/domain/permissions";
import { recordAudit } from "../audit";
import { SYSTEM_SETUP } from "../actor";
import { db } from "../db";

export const DEMO_PASSWORD = "dossier-demo";
export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "journalist@example.com", name: "Jeanne Journaliste", role: "journalist" },
  { email: "editor@example.com", name: "Édouard Éditeur", role: "editor" },
  { email: "admin@example.com", name: "Ada Admin", role: "admin" },
];

export async function ensureDemoUsers(): Promise<string[]> {
  const created: string[] = [];
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: demo.email }, select: { id: true, disabledAt: true } });
    if (existing) {
      if (existing.disabledAt) await db.user.update({ where: { id: existing.id }, data: { disabledAt: null } });
      continue;
    }
    const password = await hashPassword(DEMO_PASSWORD);
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: demo.email, name: demo.name, role: demo.role, emailVerified: true },
        select: { id: true },
      });
      await tx.account.create({ data: { userId: user.id, accountId: user.id, providerId: "credential", password } });
      await recordAudit(tx, SYSTEM_SETUP, { action: "user.create-demo", entityType: "user", entityId: user.id, after: demo });
    });
    created.push(demo.email);
  }
  return created;
}

export async function disableDemoUsers(): Promise<number> {
  const emails = DEMO_USERS.map((u) => u.email);
  const users = await db.user.findMany({ where: { email: { in: emails }, disabledAt: null }, select: { id: true } });
  if (users.length === 0) return 0;
  const ids = users.map((u) => u.id);
  await db.$transaction([
    db.user.updateMany({ where: { id: { in: ids } }, data: { disabledAt: new Date() } }),
    db.session.deleteMany({ where: { userId: { in: ids } } }),
  ]);
  return users.length;
}
