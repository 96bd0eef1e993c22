import "server-only";
// Who is calling /api/v1: the owner of the personal API token in `Authorization: Bearer dsr_…`,
// with the owner's role as it is now (read afresh at each request: a demotion or a deactivation
// applies at once) and the token's scope, which requirePermission enforces (a read token never
// writes). Only the /api/v1 handler calls this: pages and server actions know sessions only, so a
// token opens nothing else (docs/decisions/072).
import { AppError } from "@/lib/domain/errors";
import { isRole } from "@/lib/domain/permissions";
import type { UserActor } from "../actor";
import { db } from "../db";
import { API_TOKEN_PREFIX, hashApiToken, sameHash } from "../api-tokens/api-token-secret";

/** `last used` is written at most this often per token: a busy integration costs no write per request. */
export const LAST_USED_PRECISION_MS = 60_000;

const unauthenticated = (message: string) => new AppError("UNAUTHENTICATED", message);

/** The token's owner as an actor, or UNAUTHENTICATED saying why (no token, unknown, expired, revoked, owner deactivated). */
export async function actorFromBearer(headers: Headers, now = new Date()): Promise<UserActor> {
  const header = headers.get("authorization");
  if (!header) throw unauthenticated(`Send a personal API token: Authorization: Bearer ${API_TOKEN_PREFIX}… (create one in the newsroom, under API tokens).`);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !match[1]!.startsWith(API_TOKEN_PREFIX)) throw unauthenticated(`The Authorization header must be "Bearer ${API_TOKEN_PREFIX}…", a Dossier API token.`);
  const tokenHash = hashApiToken(match[1]!);
  const row = await db.apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, scope: true, tokenHash: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!row || !sameHash(row.tokenHash, tokenHash)) throw unauthenticated("This API token is not valid.");
  if (row.revokedAt) throw unauthenticated("This API token was revoked.");
  if (row.expiresAt <= now) throw unauthenticated(`This API token expired on ${row.expiresAt.toISOString()}. Create a new one in the newsroom.`);
  const { user } = row;
  if (user.disabledAt || !isRole(user.role)) throw unauthenticated("This API token's owner is deactivated: it no longer works.");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    // Conditional, so concurrent requests (or instances) write it once.
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { kind: "user", id: user.id, role: user.role, email: user.email, name: user.name, token: { id: row.id, scope: row.scope === "write" ? "write" : "read" } };
}
