import "server-only";
// Sending what the outbox holds (docs/decisions/074). A due delivery is claimed by one atomic
// update — pending, with the attempt count it was read with, becomes delivering with the count
// increased — so of two workers (two server processes, or two loops) exactly one wins each
// attempt, on SQLite and PostgreSQL alike; the outcome is written only if the row is still that
// claimed attempt. A 2xx is delivered; anything else waits its backoff (lib/domain/webhooks.ts)
// and is retried, until the last attempt fails it. An attempt left claimed by a server that
// stopped is given back (it counts: a receiver may have got it — it dedups by the event's id).
import { isDelivered, WEBHOOK_CLAIM_STALE_MS, WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs } from "@/lib/domain/webhooks";
import { db } from "../db";
import { defaultSendOptions, sendWebhook, type SendOptions } from "./send-webhook";

export interface ClaimedDelivery {
  id: string;
  /** This attempt's number, from 1. */
  attempt: number;
}

/** Claims the delivery due first, or returns null when none is due. */
export async function claimDueDelivery(now = new Date()): Promise<ClaimedDelivery | null> {
  for (let tries = 0; tries < 5; tries++) {
    const next = await db.webhookDelivery.findFirst({
      where: { status: "pending", nextAttemptAt: { lte: now }, endpoint: { active: true } },
      orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
      select: { id: true, attempts: true },
    });
    if (!next) return null;
    // Another worker may take it first: only one update matches the attempt count it read.
    const taken = await db.webhookDelivery.updateMany({
      where: { id: next.id, status: "pending", attempts: next.attempts },
      data: { status: "delivering", claimedAt: now, attempts: { increment: 1 } },
    });
    if (taken.count === 1) return { id: next.id, attempt: next.attempts + 1 };
  }
  return null;
}

export type DeliveryOutcome = "delivered" | "retrying" | "failed" | "lost";

/** Sends a claimed attempt and records its outcome. Never throws for the receiver's faults. */
export async function deliverClaimed(claimed: ClaimedDelivery, options: { send?: SendOptions; now?: () => Date } = {}): Promise<DeliveryOutcome> {
  const clock = options.now ?? (() => new Date());
  const row = await db.webhookDelivery.findUnique({
    where: { id: claimed.id },
    select: { id: true, event: true, payload: true, status: true, attempts: true, endpoint: { select: { url: true, secret: true } } },
  });
  if (!row || row.status !== "delivering" || row.attempts !== claimed.attempt) return "lost";
  const startedAt = clock();
  const result = await sendWebhook(
    { url: row.endpoint.url, secret: row.endpoint.secret, event: row.event, deliveryId: row.id, body: row.payload, timestamp: Math.floor(startedAt.getTime() / 1000) },
    options.send ?? defaultSendOptions(),
  );
  const finishedAt = clock();
  const delivered = isDelivered(result.statusCode);
  const delay = delivered ? null : webhookRetryDelayMs(claimed.attempt, Math.max(WEBHOOK_MAX_ATTEMPTS, claimed.attempt));
  const outcome: DeliveryOutcome = delivered ? "delivered" : delay === null ? "failed" : "retrying";
  const written = await db.webhookDelivery.updateMany({
    where: { id: row.id, status: "delivering", attempts: claimed.attempt },
    data: {
      status: outcome === "retrying" ? "pending" : outcome,
      statusCode: result.statusCode,
      response: result.response,
      lastAttemptAt: startedAt,
      claimedAt: null,
      deliveredAt: delivered ? finishedAt : null,
      nextAttemptAt: delay === null ? null : new Date(finishedAt.getTime() + delay),
    },
  });
  return written.count === 1 ? outcome : "lost";
}

/** Delivers everything due now, one attempt at a time; returns how many attempts were made. */
export async function deliverDueWebhooks(options: { send?: SendOptions; now?: () => Date; limit?: number } = {}): Promise<number> {
  const clock = options.now ?? (() => new Date());
  let made = 0;
  while (made < (options.limit ?? Infinity)) {
    const claimed = await claimDueDelivery(clock());
    if (!claimed) break;
    await deliverClaimed(claimed, options);
    made++;
  }
  return made;
}

/**
 * Attempts claimed by a server that stopped before it recorded their outcome: due again at once
 * (the attempt counts), or failed when it was the last.
 */
export async function releaseStaleDeliveries(now = new Date(), staleAfterMs = WEBHOOK_CLAIM_STALE_MS): Promise<number> {
  const stale = { status: "delivering", claimedAt: { lt: new Date(now.getTime() - staleAfterMs) } };
  const failed = await db.webhookDelivery.updateMany({
    where: { ...stale, attempts: { gte: WEBHOOK_MAX_ATTEMPTS } },
    data: { status: "failed", claimedAt: null, nextAttemptAt: null, response: "Interrupted: the server stopped during the last attempt." },
  });
  const again = await db.webhookDelivery.updateMany({
    where: stale,
    data: { status: "pending", claimedAt: null, nextAttemptAt: now, response: "Interrupted: the server stopped during the attempt." },
  });
  return failed.count + again.count;
}
