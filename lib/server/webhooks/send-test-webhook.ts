import "server-only";
// "Send test event": queues a webhook.test delivery for one endpoint (whatever it subscribed to,
// paused or not: it waits while the endpoint is paused), signed and retried like any other; the
// body carries no newsroom data.
import { AppError } from "@/lib/domain/errors";
import type { z } from "zod";
import type { WebhookEndpointIdSchema } from "@/lib/schemas/webhooks";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { testPayload } from "./outbox";
import { wakeWebhookWorker } from "./worker";

export async function sendTestWebhook(actor: Actor, data: z.infer<typeof WebhookEndpointIdSchema>): Promise<{ deliveryId: string; eventId: string }> {
  requirePermission(actor, "webhook:manage");
  const now = new Date();
  const payload = testPayload(now);
  const delivery = await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: data.endpointId }, select: { id: true } });
    if (!endpoint) throw new AppError("NOT_FOUND", "This webhook endpoint does not exist (any more).");
    return tx.webhookDelivery.create({
      data: { endpointId: endpoint.id, eventId: payload.id, event: payload.type, payload: JSON.stringify(payload), status: "pending", nextAttemptAt: now, createdAt: now },
      select: { id: true },
    });
  });
  wakeWebhookWorker();
  return { deliveryId: delivery.id, eventId: payload.id };
}
