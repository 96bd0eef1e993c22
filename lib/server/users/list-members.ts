import "server-only";
// The newsroom's active members, for choosing who checks a claim (assignee) or owns a question.
// Every member may see who their colleagues are; emails and account details stay with admins
// (list-users.ts).
import { compareText } from "@/lib/domain/collation";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";

export interface MemberView {
  id: string;
  name: string;
  role: string;
}

export async function listMembers(actor: Actor): Promise<MemberView[]> {
  requirePermission(actor, "newsroom:access");
  const members = await db.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true, role: true } });
  return members.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}
