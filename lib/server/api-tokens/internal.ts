import "server-only";
// What the API-token use cases share: the secret's shape and hash, and the view of a token.
// Not a use case.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import type { ApiTokenScope } from "@/lib/domain/permissions";

/** Every secret starts with this, so a leaked token is found by grepping logs and repositories. */
export const API_TOKEN_PREFIX = "dsr_";
/** Characters of the secret kept in clear (the prefix and 4 more), to tell tokens apart. */
const START_LENGTH = API_TOKEN_PREFIX.length + 4;

/** A new secret: the prefix and 256 random bits (base64url), and what is stored of it. */
export function newApiTokenSecret(): { secret: string; tokenHash: string; start: string } {
  const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, tokenHash: hashApiToken(secret), start: secret.slice(0, START_LENGTH) };
}

/** SHA-256 is enough: the secret has 256 bits of entropy, so no password-grade hash is needed. */
export const hashApiToken = (secret: string): string => createHash("sha256").update(secret).digest("hex");

/** Constant-time comparison of two stored hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

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
} as const;

export interface ApiTokenView {
  id: string;
  name: string;
  scope: ApiTokenScope;
  /** The secret's first characters (dsr_…), to recognise it. */
  start: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** active | expired | revoked */
  state: "active" | "expired" | "revoked";
  owner: { id: string; name: string; email: string };
}

interface ApiTokenRow {
  id: string;
  name: string;
  scope: string;
  start: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  user: { id: string; name: string; email: string };
}

export function toApiTokenView(row: ApiTokenRow, now = new Date()): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope === "write" ? "write" : "read",
    start: row.start,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state: row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "active",
    owner: row.user,
  };
}

/**
 * Tokens are managed by a person signed in to the newsroom, never with a token: a leaked token
 * cannot mint a longer-lived one or hide its tracks by listing and revoking.
 */
export function refuseTokenActor(actor: { kind: string; token?: unknown }): void {
  if (actor.kind === "user" && actor.token) throw new AppError("FORBIDDEN", "API tokens are managed in the newsroom, not with an API token.");
}
