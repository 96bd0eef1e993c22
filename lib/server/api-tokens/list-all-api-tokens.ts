import "server-only";
// Every member's API tokens, for admins (user:manage): who has which integration, and when it was
// last used — to revoke a departed colleague's or a leaked one.
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { apiTokenSelect, refuseTokenActor, toApiTokenView, type ApiTokenView } from "./api-token-view";

export async function listAllApiTokens(actor: Actor): Promise<ApiTokenView[]> {
  const user = requirePermission(actor, "user:manage", "person");
  refuseTokenActor(user);
  const rows = await db.apiToken.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: apiTokenSelect });
  const now = new Date();
  return rows.map((r) => toApiTokenView(r, now));
}
