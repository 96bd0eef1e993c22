import "server-only";
// What the API-token management use cases share: the view of a token (never its secret, which is
// shown once, at creation: api-token-secret.ts), and who may manage tokens. Not a use case.
import { AppError } from "@/lib/domain/errors";
import type { ApiTokenScope } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

export const apiTokenSelect = {
  id: true,
  name: true,
  scope: true,
  start: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.ApiTokenSelect;

export function toApiTokenView(row: Prisma.ApiTokenGetPayload<{ select: typeof apiTokenSelect }>, now = new Date()) {
  const scope: ApiTokenScope = row.scope === "write" ? "write" : "read";
  const state: "active" | "expired" | "revoked" = row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "active";
  return {
    id: row.id,
    name: row.name,
    scope,
    /** The secret's first characters (dsr_…), to recognise it. */
    start: row.start,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    /** active | expired | revoked */
    state,
    owner: row.user,
  };
}

export type ApiTokenView = ReturnType<typeof toApiTokenView>;

/**
 * Tokens are managed by a person signed in to the newsroom, never with a token: a leaked token
 * cannot mint a longer-lived one or hide its tracks by listing and revoking.
 */
export function refuseTokenActor(actor: { kind: string; token?: unknown }): void {
  if (actor.kind === "user" && actor.token) throw new AppError("FORBIDDEN", "API tokens are managed in the newsroom, not with an API token.");
}
