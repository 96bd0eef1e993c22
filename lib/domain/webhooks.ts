// Webhooks (docs/api.md#webhooks, docs/decisions/074): the events a receiver may subscribe to,
// how a delivery is signed and verified, and when a failed delivery is tried again. Pure: the
// signature uses Web Crypto (globalThis.crypto), which Node and browsers both have.

export const WEBHOOK_EVENTS = ["dossier.published", "dossier.updated", "verdict.changed", "correction.published"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Sent only by an admin's "Send test event", to the one endpoint, whatever it subscribed to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** At most this many attempts; after the last one fails the delivery is marked failed. */
export const WEBHOOK_MAX_ATTEMPTS = 6;
/** The receiver has this long to answer one attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** A claimed attempt still unfinished after this long was interrupted (its server stopped). */
export const WEBHOOK_CLAIM_STALE_MS = 5 * 60_000;
/** How much of the receiver's answer the delivery log keeps. */
export const WEBHOOK_RESPONSE_EXCERPT = 500;

const BASE_DELAY_MS = 60_000;
const FACTOR = 5;
const MAX_DELAY_MS = 12 * 60 * 60_000;

/**
 * How long to wait after failed attempt number `attempt` (1-based) before the next one, or null
 * when it was the last: 1 min, 5 min, 25 min, 2 h 5 min, 10 h 25 min, then failed (≈ 13 h in all).
 */
export function webhookRetryDelayMs(attempt: number, maxAttempts = WEBHOOK_MAX_ATTEMPTS): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, not ${attempt}`);
  if (attempt >= maxAttempts) return null;
  return Math.min(BASE_DELAY_MS * FACTOR ** (attempt - 1), MAX_DELAY_MS);
}

/** A 2xx answer is a delivery; anything else (3xx included: redirects are not followed) is retried. */
export function isDelivered(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The X-Dossier-Signature header's value: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">. */
export async function webhookSignature(secret: string, timestamp: number | string, body: string): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await globalThis.crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${body}`));
  return `sha256=${hex(mac)}`;
}

/**
 * What a receiver does: recompute the signature over the timestamp and the raw body, compare in
 * constant time, and refuse a timestamp older (or newer) than `toleranceSeconds` (replays).
 */
export async function verifyWebhookSignature(
  secret: string,
  headers: { signature: string | null | undefined; timestamp: string | null | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): Promise<boolean> {
  if (!headers.signature || !headers.timestamp || !/^\d+$/.test(headers.timestamp)) return false;
  if (Math.abs(nowSeconds - Number(headers.timestamp)) > toleranceSeconds) return false;
  const expected = await webhookSignature(secret, headers.timestamp, body);
  if (expected.length !== headers.signature.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ headers.signature.charCodeAt(i);
  return diff === 0;
}

/** Only http(s) addresses without credentials are endpoints (the address policy is checked when sending). */
export function webhookUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "This is not a web address.";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "Only http:// and https:// addresses can receive webhooks.";
  if (parsed.username || parsed.password) return "Put no user name or password in the address: deliveries are authenticated by their signature.";
  return null;
}
