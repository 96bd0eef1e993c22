import "server-only";
// The webhook outbox: the use cases that publish a dossier or change a verdict call
// enqueueWebhookEvent() inside their own transaction, so the delivery rows are written with the
// change or not at all — a crash never loses an event nor reports one that did not happen. The
// worker (drain-webhooks.ts) sends them afterwards. Payloads are built here from what the caller
// passes, never from a source: no confidential source's identity, title or notes can reach one.
import { randomBytes, randomUUID } from "node:crypto";
import { deskClaimPath } from "@/lib/domain/desk-links";
import type { PublicCorrection, ReaderView } from "@/lib/domain/published-version";
import { WEBHOOK_TEST_EVENT, type WebhookEvent } from "@/lib/domain/webhooks";
import { publicUrl } from "@/lib/env";
import type { Tx } from "../db";

export interface WebhookDossier {
  id: string;
  slug: string;
  title: string;
  /** Whether readers can see it (its public links are given only then). */
  published: boolean;
}

export interface WebhookClaim {
  id: string;
  text: string;
  fromVerdict: string | null;
  toVerdict: string | null;
}

/** What a receiver gets (docs/api.md#webhooks). */
export interface WebhookPayload {
  /** The event's id: the same on every retry and for every endpoint told of it (idempotency). */
  id: string;
  type: WebhookEvent | typeof WEBHOOK_TEST_EVENT;
  occurredAt: string;
  dossier: { slug: string; title: string; publicUrl: string | null; newsroomUrl: string } | null;
  claim?: { id: string; text: string; verdict: { old: string | null; new: string | null }; publicUrl: string | null; newsroomUrl: string };
  version?: number;
  correction?: { note: string | null; rationale: string };
}

const absolute = (path: string) => new URL(path, publicUrl()).href;
const dossierLinks = (d: WebhookDossier) => ({
  slug: d.slug,
  title: d.title,
  publicUrl: d.published ? absolute(`/dossiers/${encodeURIComponent(d.slug)}`) : null,
  newsroomUrl: absolute(`/newsroom/dossiers/${encodeURIComponent(d.slug)}`),
});
const claimLinks = (d: WebhookDossier, c: WebhookClaim) => ({
  id: c.id,
  text: c.text,
  verdict: { old: c.fromVerdict, new: c.toVerdict },
  publicUrl: d.published ? absolute(`/dossiers/${encodeURIComponent(d.slug)}/claims/${encodeURIComponent(c.id)}`) : null,
  newsroomUrl: absolute(deskClaimPath(c.id)),
});

export const newEventId = (): string => `evt_${randomUUID()}`;
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString("base64url")}`;

/** Subscribers of an event: active endpoints whose list names it. */
async function subscribers(tx: Tx, event: WebhookEvent): Promise<string[]> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { active: true }, select: { id: true, events: true } });
  return endpoints.filter((e) => (JSON.parse(e.events) as string[]).includes(event)).map((e) => e.id);
}

/** Writes one pending delivery per subscribed endpoint, in the caller's transaction. */
export async function enqueueWebhookEvent(tx: Tx, payload: WebhookPayload & { type: WebhookEvent }, now = new Date(payload.occurredAt)): Promise<number> {
  const endpointIds = await subscribers(tx, payload.type);
  if (endpointIds.length === 0) return 0;
  const body = JSON.stringify(payload);
  await tx.webhookDelivery.createMany({
    data: endpointIds.map((endpointId) => ({ endpointId, eventId: payload.id, event: payload.type, payload: body, status: "pending", nextAttemptAt: now, createdAt: now })),
  });
  return endpointIds.length;
}

/**
 * An editor set or changed a claim's verdict (set, accepted proposal): called by writeVerdict.
 * Only on a published dossier: a draft's reporting never leaves Dossier (decision 074).
 */
export async function enqueueVerdictChanged(tx: Tx, dossier: WebhookDossier, claim: WebhookClaim, at: Date): Promise<void> {
  if (!dossier.published || claim.fromVerdict === claim.toVerdict) return;
  await enqueueWebhookEvent(tx, { id: newEventId(), type: "verdict.changed", occurredAt: at.toISOString(), dossier: dossierLinks(dossier), claim: claimLinks(dossier, claim) }, at);
}

/**
 * A publication: dossier.published the first time, dossier.updated for an update, and one
 * correction.published per verdict correction readers see for the first time in this version.
 * Everything comes from the published reader view: only what readers may see.
 */
export async function enqueuePublication(tx: Tx, previous: ReaderView | null, view: ReaderView, versionNumber: number, at: Date): Promise<void> {
  const dossier: WebhookDossier = { id: view.id, slug: view.slug, title: view.title, published: true };
  const occurredAt = at.toISOString();
  await enqueueWebhookEvent(tx, { id: newEventId(), type: previous ? "dossier.updated" : "dossier.published", occurredAt, dossier: dossierLinks(dossier), version: versionNumber }, at);
  const seen = new Set((previous?.corrections ?? []).map((c) => c.change.id));
  const fresh: PublicCorrection[] = previous ? view.corrections.filter((c) => !seen.has(c.change.id)) : [];
  for (const c of [...fresh].reverse()) {
    const claim = view.claims.find((x) => x.id === c.claimId);
    if (!claim) continue;
    await enqueueWebhookEvent(
      tx,
      {
        id: newEventId(),
        type: "correction.published",
        occurredAt,
        dossier: dossierLinks(dossier),
        claim: claimLinks(dossier, { id: claim.id, text: claim.text, fromVerdict: c.change.fromVerdict, toVerdict: c.change.toVerdict }),
        version: versionNumber,
        correction: { note: c.change.correctionNote, rationale: c.change.rationale },
      },
      at,
    );
  }
}

/** The body of "Send test event": no newsroom data at all. */
export function testPayload(at: Date): WebhookPayload {
  return { id: newEventId(), type: WEBHOOK_TEST_EVENT, occurredAt: at.toISOString(), dossier: null };
}
