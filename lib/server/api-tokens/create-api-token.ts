import "server-only";
// Any newsroom member creates a personal API token for an integration: named, read or write,
// expiring (90 days unless they say, a year at most). The secret is returned once, here, and
// only its SHA-256 is stored; the token acts as its owner, with the owner's role at each request.
import type { CreateApiTokenInput } from "@/lib/schemas/api-tokens";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { newApiTokenSecret } from "./api-token-secret";
import { apiTokenSelect, refuseTokenActor, toApiTokenView, type ApiTokenView } from "./api-token-view";

export interface CreatedApiToken {
  token: ApiTokenView;
  /** The whole secret: shown once, never stored, never retrievable again. */
  secret: string;
}

export async function createApiToken(actor: Actor, data: CreateApiTokenInput): Promise<CreatedApiToken> {
  const user = requirePermission(actor, "newsroom:access", "person");
  refuseTokenActor(user);
  const { secret, tokenHash, start } = newApiTokenSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + data.expiresInDays * 86_400_000);
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: user.id, name: data.name, scope: data.scope, tokenHash, start, expiresAt, createdAt: now },
      select: apiTokenSelect,
    });
    const token = toApiTokenView(row, now);
    // The secret never reaches the audit log: its first characters identify it.
    await recordAudit(tx, actor, { action: "api-token.create", entityType: "api-token", entityId: token.id, after: { name: token.name, scope: token.scope, start, expiresAt: token.expiresAt } });
    return { token, secret };
  });
}
