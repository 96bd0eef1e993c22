// Webhooks (issue 16.5, docs/api.md#webhooks, docs/decisions/074) against the real database and a
// real HTTP receiver on 127.0.0.1: events are written in the transaction of the change (an
// outbox), delivered signed, retried with backoff then failed, claimed once by two workers at
// once, and never carry what identifies a confidential source.
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyWebhookSignature, WEBHOOK_MAX_ATTEMPTS } from "@/lib/domain/webhooks";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { setVerdict } from "../support/use-cases";
import { createWebhookEndpoint } from "../support/use-cases";
import { claimDueDelivery, deliverClaimed, deliverDueWebhooks, releaseStaleDeliveries } from "@/lib/server/webhooks/drain-webhooks";
import { enqueueWebhookEvent, newEventId } from "@/lib/server/webhooks/outbox";
import { listWebhookEndpoints } from "@/lib/server/webhooks/list-webhook-endpoints";
import { retryWebhookDelivery } from "../support/use-cases";
import { sendTestWebhook } from "../support/use-cases";
import { setWebhookEndpointActive } from "../support/use-cases";
import { db, resetDatabase } from "../support/db";
import { publishUpdate } from "../support/desk";
import { demoActors, type Actors } from "../support/newsroom";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver that records every POST and answers with `status` (changeable per test). */
const receiver = { received: [] as Received[], status: 200, delayMs: 0, url: "" };
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      receiver.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      setTimeout(() => {
        res.writeHead(receiver.status, { "Content-Type": "text/plain" });
        res.end(receiver.status < 300 ? "thanks" : "receiver is down for maintenance");
      }, receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/dossier`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = { allowPrivateHosts: ["127.0.0.1"], timeoutMs: 3000 };
let actors: Actors;

beforeEach(async () => {
  await resetDatabase();
  receiver.received = [];
  receiver.status = 200;
  receiver.delayMs = 0;
  actors = await demoActors();
});

async function importSample() {
  const result = await importContentFolder(SYSTEM_IMPORT, path.join(process.cwd(), "content", "dossiers"));
  expect(result.ok).toBe(true);
}

/** A checked claim of the published sample (its confidential source is quoted in the same dossier). */
async function confidentialClaim() {
  const claim = await db.claim.findFirstOrThrow({
    where: { dossier: { slug: "mistral-ai" }, verdict: { not: null }, evidence: { some: {} } },
    orderBy: { createdAt: "asc" },
    select: { id: true, text: true, verdict: true, version: true, evidence: { select: { id: true } } },
  });
  return claim;
}

async function changeVerdict(claim: Awaited<ReturnType<typeof confidentialClaim>>, verdict: string) {
  return setVerdict(actors.editor, {
    claimId: claim.id,
    version: (await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } })).version,
    verdict,
    rationale: "Un second document contredit la première version.",
    evidenceIds: claim.evidence.map((e) => e.id),
    correctionNote: "Nous avons revu ce verdict à la lumière d'un nouveau document.",
  });
}

const CONFIDENTIAL = async () => {
  const s = await db.source.findFirstOrThrow({ where: { confidential: true, dossier: { slug: "mistral-ai" } }, select: { title: true, identity: true, notes: true } });
  return [s.title, s.identity!, s.notes!];
};

describe("the outbox", () => {
  it("writes one delivery per subscribed, active endpoint in the transaction of the verdict change, and none for a refused change", async () => {
    await importSample();
    const verdicts = await createWebhookEndpoint(actors.admin, { url: receiver.url, events: ["verdict.changed"] });
    await createWebhookEndpoint(actors.admin, { url: `${receiver.url}?publications`, events: ["dossier.published", "dossier.updated"] });
    const paused = await createWebhookEndpoint(actors.admin, { url: `${receiver.url}?paused`, events: ["verdict.changed"] });
    await setWebhookEndpointActive(actors.admin, { endpointId: paused.id, active: false });
    const claim = await confidentialClaim();
    const target = claim.verdict === "false" ? "misleading" : "false";

    // Refused (no correction note on a published dossier): the change and its event both never happened.
    await expect(setVerdict(actors.editor, { claimId: claim.id, version: claim.version, verdict: target, rationale: "Revu.", evidenceIds: claim.evidence.map((e) => e.id) })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    expect(await db.webhookDelivery.count()).toBe(0);

    await changeVerdict(claim, target);
    const rows = await db.webhookDelivery.findMany({ select: { endpointId: true, event: true, status: true, attempts: true, payload: true } });
    expect(rows.map((r) => [r.endpointId, r.event, r.status, r.attempts])).toEqual([[verdicts.id, "verdict.changed", "pending", 0]]);
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({
      type: "verdict.changed",
      id: expect.stringMatching(/^evt_/),
      dossier: { slug: "mistral-ai", publicUrl: expect.stringMatching(/\/dossiers\/mistral-ai$/), newsroomUrl: expect.stringMatching(/\/newsroom\/dossiers\/mistral-ai$/) },
      claim: { id: claim.id, text: claim.text, verdict: { old: claim.verdict, new: target } },
    });
  });

  it("writes nothing when the transaction that would have enqueued it fails", async () => {
    await createWebhookEndpoint(actors.admin, { url: receiver.url, events: ["verdict.changed"] });
    await expect(
      db.$transaction(async (tx) => {
        await enqueueWebhookEvent(tx, { id: newEventId(), type: "verdict.changed", occurredAt: new Date().toISOString(), dossier: null });
        expect(await tx.webhookDelivery.count()).toBe(1);
        throw new Error("the change failed after its event was queued");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.webhookDelivery.count()).toBe(0);
  });

  it("tells of a first publication, an update and the corrections readers see in it, from the published version only", async () => {
    await createWebhookEndpoint(actors.admin, { url: receiver.url, events: ["dossier.published", "dossier.updated", "verdict.changed", "correction.published"] });
    await importSample(); // the sample is published through the gate on its first import
    const first = await db.webhookDelivery.findMany({ select: { event: true, payload: true } });
    expect(first.map((d) => d.event)).toEqual(["dossier.published"]);
    expect(JSON.parse(first[0]!.payload)).toMatchObject({ type: "dossier.published", version: 1, dossier: { slug: "mistral-ai" } });

    const claim = await confidentialClaim();
    const target = claim.verdict === "false" ? "misleading" : "false";
    await changeVerdict(claim, target);
    const dossier = await db.dossier.findUniqueOrThrow({ where: { slug: "mistral-ai" }, select: { id: true } });
    await publishUpdate(actors.editor, dossier.id, "Un verdict a été corrigé.");
    const all = await db.webhookDelivery.findMany({ orderBy: { createdAt: "asc" }, select: { event: true, payload: true } });
    expect(all.map((d) => d.event).sort()).toEqual(["correction.published", "dossier.published", "dossier.updated", "verdict.changed"]);
    expect(JSON.parse(all.find((d) => d.event === "dossier.updated")!.payload)).toMatchObject({ type: "dossier.updated", version: 2 });
    expect(JSON.parse(all.find((d) => d.event === "correction.published")!.payload)).toMatchObject({
      type: "correction.published",
      version: 2,
      claim: { id: claim.id, verdict: { old: claim.verdict, new: target }, publicUrl: expect.stringContaining(`/claims/${claim.id}`) },
      correction: { note: "Nous avons revu ce verdict à la lumière d'un nouveau document." },
    });
    // Whatever the event, nothing that identifies the confidential source the claim rests on.
    const secrets = await CONFIDENTIAL();
    const bodies = all.map((d) => d.payload).join("\n");
    for (const secret of secrets) expect(bodies).not.toContain(secret);

    // And what was delivered is what was queued: the receiver's bodies hold none of it either.
    await deliverDueWebhooks({ send });
    const received = receiver.received.map((r) => r.body).join("\n");
    expect(receiver.received).toHaveLength(4);
    for (const secret of secrets) expect(received).not.toContain(secret);
  });
});

describe("delivery", () => {
  it("POSTs the event signed with the endpoint's secret; a 2xx marks it delivered", async () => {
    await importSample();
    const endpoint = await createWebhookEndpoint(actors.admin, { url: receiver.url, events: ["verdict.changed"] });
    const claim = await confidentialClaim();
    await changeVerdict(claim, claim.verdict === "false" ? "misleading" : "false");
    expect(await deliverDueWebhooks({ send })).toBe(1);

    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0]!;
    const row = await db.webhookDelivery.findFirstOrThrow();
    expect(headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(headers["x-dossier-event"]).toBe("verdict.changed");
    expect(headers["x-dossier-delivery"]).toBe(row.id);
    expect(headers["x-dossier-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(await verifyWebhookSignature(endpoint.secret, { signature: headers["x-dossier-signature"] as string, timestamp: headers["x-dossier-timestamp"] as string }, body, Date.now() / 1000)).toBe(true);
    expect(await verifyWebhookSignature("whsec_wrong", { signature: headers["x-dossier-signature"] as string, timestamp: headers["x-dossier-timestamp"] as string }, body, Date.now() / 1000)).toBe(false);
    expect(body).toBe(row.payload);
    expect(row).toMatchObject({ status: "delivered", attempts: 1, statusCode: 200, response: "thanks", nextAttemptAt: null, claimedAt: null });
    expect(row.deliveredAt).toBeInstanceOf(Date);
    // The admin's log shows it so.
    const [view] = await listWebhookEndpoints(actors.admin);
    expect(view!.deliveries).toMatchObject([{ id: row.id, event: "verdict.changed", status: "delivered", attempts: 1, statusCode: 200 }]);
    expect(view!.secret).toBe(endpoint.secret);
  });

  it("retries a failing receiver with backoff, the same delivery and event each time, then marks it failed", async () => {
    receiver.status = 503;
    const endpoint = await createWebhookEndpoint(actors.admin, { url: receiver.url, events: ["verdict.changed"] });
    const { deliveryId } = await sendTestWebhook(actors.admin, { endpointId: endpoint.id });
    let now = Date.now();
    const clock = () => new Date(now);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      expect(await deliverDueWebhooks({ send, now: clock })).toBe(1);
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
      expect(row).toMatchObject({ attempts: attempt, statusCode: 503, response: "receiver is down for maintenance" });
      if (attempt === WEBHOOK_MAX_ATTEMPTS) {
        expect(row).toMatchObject({ status: "failed", nextAttemptAt: null });
        break;
      }
      expect(row.status).toBe("pending");
      const wait = row.nextAttemptAt!.getTime() - now;
      waits.push(Math.round(wait / 60_000));
      // Not due yet: nothing is sent a second early.
      now += wait - 1000;
      expect(await deliverDueWebhooks({ send, now: clock })).toBe(0);
      now += 1000;
    }
    expect(waits).toEqual([1, 5, 25, 125, 625]);
    expect(receiver.received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect(new Set(receiver.received.map((r) => r.headers["x-dossier-delivery"]))).toEqual(new Set([deliveryId]));
    expect(new Set(receiver.received.map((r) => JSON.parse(r.body).id)).size).toBe(1);
    // A failed delivery stays failed until an admin retries it: then it gets one more attempt.
    expect(await deliverDueWebhooks({ send, now: () => new Date(now + 86_400_000) })).toBe(0);
    receiver.status = 204;
    await retryWebhookDelivery(actors.admin, { deliveryId });
    expect(await deliverDueWebhooks({ send })).toBe(1);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "delivered", attempts: WEBHOOK_MAX_ATTEMPTS + 1, statusCode: 204 });
    await expect(retryWebhookDelivery(actors.admin, { deliveryId })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
  });

  it("never sends to the internal network unless WEBHOOK_ALLOW_PRIVATE_HOSTS names the host", async () => {
    const endpoint = await createWebhookEndpoint(actors.admin, { url: receiver.url, events: ["verdict.changed"] });
    const { deliveryId } = await sendTestWebhook(actors.admin, { endpointId: endpoint.id });
    expect(await deliverDueWebhooks({ send: { allowPrivateHosts: [], timeoutMs: 3000 } })).toBe(1);
    expect(receiver.received).toHaveLength(0);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "pending", attempts: 1, statusCode: null, response: expect.stringContaining("internal address") });
    const metadata = await createWebhookEndpoint(actors.admin, { url: "http://169.254.169.254/latest/meta-data", events: ["verdict.changed"] });
    await sendTestWebhook(actors.admin, { endpointId: metadata.id });
    await deliverDueWebhooks({ send, now: () => new Date(Date.now() + 120_000) });
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: metadata.id } })).toMatchObject({ statusCode: null, response: expect.stringContaining("169.254.169.254 is an internal address") });
  });

  it("gives up on a receiver that does not answer in time", async () => {
    receiver.delayMs = 1500;
    const endpoint = await createWebhookEndpoint(actors.admin, { url: receiver.url, events: ["verdict.changed"] });
    const { deliveryId } = await sendTestWebhook(actors.admin, { endpointId: endpoint.id });
    await deliverDueWebhooks({ send: { allowPrivateHosts: ["127.0.0.1"], timeoutMs: 300 } });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "pending", attempts: 1, statusCode: null, response: expect.stringMatching(/No answer within/) });
  });

  it("holds a paused endpoint's deliveries until it is resumed", async () => {
    const endpoint = await createWebhookEndpoint(actors.admin, { url: receiver.url, events: ["verdict.changed"] });
    const { deliveryId } = await sendTestWebhook(actors.admin, { endpointId: endpoint.id });
    await setWebhookEndpointActive(actors.admin, { endpointId: endpoint.id, active: false });
    expect(await deliverDueWebhooks({ send })).toBe(0);
    await setWebhookEndpointActive(actors.admin, { endpointId: endpoint.id, active: true });
    expect(await deliverDueWebhooks({ send })).toBe(1);
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status).toBe("delivered");
  });

  it("lets two workers at once deliver each attempt exactly once", async () => {
    receiver.delayMs = 20;
    const endpoint = await createWebhookEndpoint(actors.admin, { url: receiver.url, events: ["verdict.changed"] });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await sendTestWebhook(actors.admin, { endpointId: endpoint.id })).deliveryId);
    const [a, b] = await Promise.all([deliverDueWebhooks({ send }), deliverDueWebhooks({ send })]);
    expect(a + b).toBe(12);
    expect(receiver.received.map((r) => r.headers["x-dossier-delivery"]).sort()).toEqual([...ids].sort());
    expect(await db.webhookDelivery.findMany({ select: { status: true, attempts: true } })).toEqual(Array.from({ length: 12 }, () => ({ status: "delivered", attempts: 1 })));

    // The claim itself: of two claims of the same due row, one wins; the loser's outcome is never written.
    const { deliveryId } = await sendTestWebhook(actors.admin, { endpointId: endpoint.id });
    const claims = await Promise.all([claimDueDelivery(), claimDueDelivery()]);
    expect(claims.filter(Boolean)).toEqual([{ id: deliveryId, attempt: 1 }]);
    expect(await deliverClaimed({ id: deliveryId, attempt: 2 }, { send })).toBe("lost");
    expect(await deliverClaimed({ id: deliveryId, attempt: 1 }, { send })).toBe("delivered");
  });

  it("gives back an attempt left claimed by a server that stopped", async () => {
    const endpoint = await createWebhookEndpoint(actors.admin, { url: receiver.url, events: ["verdict.changed"] });
    const { deliveryId } = await sendTestWebhook(actors.admin, { endpointId: endpoint.id });
    const claimed = await claimDueDelivery();
    expect(claimed).toEqual({ id: deliveryId, attempt: 1 });
    // ...the server stops here. Later, the sweep finds it.
    expect(await releaseStaleDeliveries(new Date())).toBe(0);
    expect(await releaseStaleDeliveries(new Date(Date.now() + 10 * 60_000))).toBe(1);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "pending", attempts: 1, response: expect.stringContaining("Interrupted") });
    expect(await deliverDueWebhooks({ send, now: () => new Date(Date.now() + 10 * 60_000) })).toBe(1);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "delivered", attempts: 2 });
  });
});

describe("management", () => {
  it("is the admins' alone, role by role (the permission table has each use case too)", async () => {
    for (const role of ["journalist", "editor"] as const) {
      await expect(createWebhookEndpoint(actors[role], { url: receiver.url, events: ["verdict.changed"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listWebhookEndpoints(actors[role])).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(listWebhookEndpoints(actors.anonymous)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  it("generates the secret, refuses an address that is not http(s) or carries a password, and needs an event", async () => {
    const a = await createWebhookEndpoint(actors.admin, { url: receiver.url, events: ["verdict.changed"] });
    const b = await createWebhookEndpoint(actors.admin, { url: receiver.url, events: ["verdict.changed"] });
    expect(a.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    await expect(createWebhookEndpoint(actors.admin, { url: "ftp://example.org/x", events: ["verdict.changed"] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(createWebhookEndpoint(actors.admin, { url: "https://u:p@example.org/x", events: ["verdict.changed"] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(createWebhookEndpoint(actors.admin, { url: "https://example.org/x", events: [] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    // The audit log records the endpoint, never its secret.
    const audit = await db.auditLog.findMany({ where: { action: "webhook.create" }, select: { after: true } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(a.secret);
  });
});
