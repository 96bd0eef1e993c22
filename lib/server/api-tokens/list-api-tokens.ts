import "server-only";
// A member's own API tokens, newest first, revoked and expired ones included (with their last use),
// so they can tell which integration still calls and which one to revoke.
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { apiTokenSelect, refuseTokenActor, toApiTokenView, type ApiTokenView } from "./api-token-view";

export async function listApiTokens(actor: Actor): Promise<ApiTokenView[]> {
  const user = requirePermission(actor, "newsroom:access", "person");
  refuseTokenActor(user);
  const rows = await db.apiToken.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: apiTokenSelect });
  const now = new Date();
  return rows.map((r) => toApiTokenView(r, now));
}
