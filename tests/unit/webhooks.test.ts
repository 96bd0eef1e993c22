// The pure webhook rules (lib/domain/webhooks.ts): how a delivery is signed and verified (what a
// receiver does, docs/api.md#webhooks) and when a failed one is tried again.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isDelivered, verifyWebhookSignature, WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs, webhookSignature, webhookUrlProblem } from "@/lib/domain/webhooks";

const secret = "whsec_test-secret";
const body = JSON.stringify({ id: "evt_1", type: "verdict.changed", claim: { verdict: { old: null, new: "verified" } } });

describe("signature", () => {
  it("is the hex HMAC-SHA256 of timestamp.body, as the documented snippet computes it", async () => {
    const expected = createHmac("sha256", secret).update(`1764662400.${body}`).digest("hex");
    expect(await webhookSignature(secret, 1764662400, body)).toBe(`sha256=${expected}`);
  });

  it("verifies a genuine delivery and refuses a changed body, another secret, another timestamp or a stale one", async () => {
    const now = 1764662400;
    const signature = await webhookSignature(secret, now, body);
    const ok = (s: string | null, t: string | null, b = body, key = secret, at = now) => verifyWebhookSignature(key, { signature: s, timestamp: t }, b, at);
    expect(await ok(signature, String(now))).toBe(true);
    expect(await ok(signature, String(now), body.replace("verified", "false"))).toBe(false);
    expect(await ok(signature, String(now), body, "whsec_other")).toBe(false);
    expect(await ok(signature, String(now + 1))).toBe(false);
    expect(await ok(signature, String(now), body, secret, now + 301)).toBe(false);
    expect(await ok(signature, String(now), body, secret, now + 299)).toBe(true);
    expect(await ok(null, String(now))).toBe(false);
    expect(await ok(signature, null)).toBe(false);
    expect(await ok(signature.slice(0, -1), String(now))).toBe(false);
  });
});

describe("retry schedule", () => {
  it("waits 1 min, 5 min, 25 min, 2 h 5 min, 10 h 25 min, then gives up after the sixth attempt", () => {
    const minutes = [1, 2, 3, 4, 5, 6].map((n) => webhookRetryDelayMs(n));
    expect(minutes.map((ms) => (ms === null ? null : ms / 60_000))).toEqual([1, 5, 25, 125, 625, null]);
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(6);
  });

  it("never waits more than 12 hours, and refuses a nonsense attempt number", () => {
    expect(webhookRetryDelayMs(9, 20)).toBe(12 * 60 * 60_000);
    expect(() => webhookRetryDelayMs(0)).toThrow(RangeError);
    expect(() => webhookRetryDelayMs(1.5)).toThrow(RangeError);
  });

  it("counts only a 2xx answer as delivered (a redirect is not followed, so it fails)", () => {
    expect([200, 204, 299].map(isDelivered)).toEqual([true, true, true]);
    expect([null, 199, 301, 400, 500].map(isDelivered)).toEqual([false, false, false, false, false]);
  });
});

describe("endpoint address", () => {
  it("takes http(s) addresses without credentials", () => {
    expect(webhookUrlProblem("https://example.org/hook")).toBeNull();
    expect(webhookUrlProblem("ftp://example.org/hook")).toMatch(/http/);
    expect(webhookUrlProblem("https://user:pw@example.org/hook")).toMatch(/password/);
    expect(webhookUrlProblem("not a url")).toMatch(/not a web address/);
  });
});
