import "server-only";
// Per-account sign-in limit, on top of Better Auth's per-client one. The per-client limit keys on
// the client's address, which a client talking to the app directly can vary (X-Forwarded-For);
// this one keys on the account being tried, so guessing one person's password stays slow
// whatever addresses the guesses come from. A successful sign-in clears the count.
import { env } from "@/lib/env";
import { db } from "../db";

const keyFor = (email: string) => `account-sign-in:${email.trim().toLowerCase()}`;

export type AccountAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt on this account; refuses it when the window's budget is spent. */
export async function countAccountSignInAttempt(email: string, now = Date.now()): Promise<AccountAttempt> {
  const key = keyFor(email);
  const windowMs = env.SIGNIN_ACCOUNT_WINDOW_MINUTES * 60_000;
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key }, select: { count: true, lastRequest: true } });
    const windowStart = row ? Number(row.lastRequest) : now;
    if (!row || now - windowStart >= windowMs) {
      await tx.rateLimit.upsert({ where: { key }, create: { key, count: 1, lastRequest: BigInt(now) }, update: { count: 1, lastRequest: BigInt(now) } });
      return { allowed: true };
    }
    if (row.count >= env.SIGNIN_ACCOUNT_LIMIT) {
      return { allowed: false, retryAfterSeconds: Math.ceil((windowStart + windowMs - now) / 1000) };
    }
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return { allowed: true };
  });
}

export async function clearAccountSignInAttempts(email: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: keyFor(email) } });
}
