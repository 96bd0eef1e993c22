import "server-only";
// A member revokes one of their tokens; an admin (user:manage) anyone's. The next request with it
// is refused (401). The row is kept, marked revoked, so the list still says what it was and when
// it was last used. Revoking a revoked token changes nothing.
import { AppError } from "@/lib/domain/errors";
import type { RevokeApiTokenInput } from "@/lib/schemas/api-tokens";
import { can, requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { apiTokenSelect, refuseTokenActor, toApiTokenView, type ApiTokenView } from "./api-token-view";

export async function revokeApiToken(actor: Actor, data: RevokeApiTokenInput): Promise<ApiTokenView> {
  const user = requirePermission(actor, "newsroom:access", "person");
  refuseTokenActor(user);
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id: data.tokenId }, select: { ...apiTokenSelect, userId: true } });
    // Someone else's token is not there for a member who may not manage users (no existence leak).
    if (!row || (row.userId !== user.id && !can(user, "user:manage"))) throw new AppError("NOT_FOUND", "This API token does not exist.");
    if (row.revokedAt) return toApiTokenView(row);
    const now = new Date();
    const revoked = await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: now, revokedById: user.id }, select: apiTokenSelect });
    await recordAudit(tx, actor, { action: "api-token.revoke", entityType: "api-token", entityId: row.id, before: { name: row.name, owner: row.user.email }, after: { revokedAt: now.toISOString() } });
    return toApiTokenView(revoked, now);
  });
}
