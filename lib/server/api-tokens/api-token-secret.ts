import "server-only";
// An API token's secret: its shape, the hash that is all Dossier stores of it, and the
// constant-time comparison used when a request presents one (auth/api-token-actor.ts).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

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
