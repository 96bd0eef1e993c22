import "server-only";
// Deleting an endpoint stops its deliveries for good and deletes its delivery log with it (the
// audit log keeps that it existed, with its address).
import { AppError } from "@/lib/domain/errors";
import type { z } from "zod";
import type { WebhookEndpointIdSchema } from "@/lib/schemas/webhooks";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";

export async function deleteWebhookEndpoint(actor: Actor, data: z.infer<typeof WebhookEndpointIdSchema>): Promise<{ endpointId: string }> {
  requirePermission(actor, "webhook:manage");
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: data.endpointId }, select: { id: true, url: true, events: true } });
    if (!endpoint) throw new AppError("NOT_FOUND", "This webhook endpoint does not exist (any more).");
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordAudit(tx, actor, { action: "webhook.delete", entityType: "webhook", entityId: endpoint.id, before: { url: endpoint.url, events: JSON.parse(endpoint.events) as string[] } });
    return { endpointId: endpoint.id };
  });
}
