import "server-only";
// Per-token limit of /api/v1: API_RATE_LIMIT requests per minute, counted in the database's
// RateLimit table (the one Better Auth's sign-in limit and account-sign-in-limit.ts use), so it
// holds across every instance sharing the database (docs/decisions/073). A fixed one-minute window:
// the row holds the window's start and its count, incremented in one statement.
import { env } from "@/lib/env";
import { db } from "../db";

const WINDOW_MS = 60_000;
const keyFor = (tokenId: string) => `api-token:${tokenId}`;

export type ApiRequestCount = { allowed: true; limit: number; remaining: number } | { allowed: false; limit: number; retryAfterSeconds: number };

export async function countApiRequest(tokenId: string, now = Date.now(), limit = env.API_RATE_LIMIT): Promise<ApiRequestCount> {
  const key = keyFor(tokenId);
  const windowStart = BigInt(now - WINDOW_MS);
  // Within the current window: one atomic increment.
  const bumped = await db.rateLimit.updateMany({ where: { key, lastRequest: { gt: windowStart } }, data: { count: { increment: 1 } } });
  if (bumped.count === 0) {
    // No window yet, or it is over: start one at this request.
    try {
      await db.rateLimit.upsert({ where: { key }, create: { key, count: 1, lastRequest: BigInt(now) }, update: { count: 1, lastRequest: BigInt(now) } });
    } catch {
      // Another instance created it at the same moment: count this request in its window.
      await db.rateLimit.updateMany({ where: { key }, data: { count: { increment: 1 } } });
    }
    return { allowed: true, limit, remaining: limit - 1 };
  }
  const row = await db.rateLimit.findUnique({ where: { key }, select: { count: true, lastRequest: true } });
  const count = row?.count ?? 1;
  if (count > limit) {
    const started = Number(row?.lastRequest ?? BigInt(now));
    return { allowed: false, limit, retryAfterSeconds: Math.max(1, Math.ceil((started + WINDOW_MS - now) / 1000)) };
  }
  return { allowed: true, limit, remaining: limit - count };
}
