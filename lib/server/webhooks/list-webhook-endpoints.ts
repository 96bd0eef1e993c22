import "server-only";
// The admin's webhooks page: every endpoint with its signing secret (admins only, decision 074)
// and the latest entries of its delivery log.
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  event: string;
  status: "pending" | "delivering" | "delivered" | "failed";
  attempts: number;
  statusCode: number | null;
  response: string | null;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookEndpointView {
  id: string;
  url: string;
  events: string[];
  secret: string;
  active: boolean;
  createdBy: string | null;
  createdAt: string;
  deliveries: WebhookDeliveryView[];
}

/** How many of an endpoint's deliveries the page shows, newest first. */
export const DELIVERY_LOG_LENGTH = 25;

export async function listWebhookEndpoints(actor: Actor): Promise<WebhookEndpointView[]> {
  requirePermission(actor, "webhook:manage");
  const endpoints = await db.webhookEndpoint.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      url: true,
      events: true,
      secret: true,
      active: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: DELIVERY_LOG_LENGTH,
        select: { id: true, eventId: true, event: true, status: true, attempts: true, statusCode: true, response: true, nextAttemptAt: true, lastAttemptAt: true, deliveredAt: true, createdAt: true },
      },
    },
  });
  return endpoints.map((e) => ({
    id: e.id,
    url: e.url,
    events: JSON.parse(e.events) as string[],
    secret: e.secret,
    active: e.active,
    createdBy: e.createdBy?.name ?? null,
    createdAt: e.createdAt.toISOString(),
    deliveries: e.deliveries.map((d) => ({
      ...d,
      status: d.status as WebhookDeliveryView["status"],
      nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    })),
  }));
}
