import "server-only";
// Invitation and password-reset links carry a random token; only its SHA-256 is stored, so a database leak does not
// hand out accounts. (A password-grade hash is unnecessary: the token has 256 bits of entropy.)
import { createHash, randomBytes } from "node:crypto";

export const INVITATION_TTL_DAYS = 7;

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export const hashInvitationToken = (token: string): string => createHash("sha256").update(token).digest("hex");
