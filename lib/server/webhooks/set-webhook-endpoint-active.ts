import "server-only";
// Pausing an endpoint: it is told of nothing new, and what was already queued for it waits (not
// sent, not failed) until it is resumed.
import { AppError } from "@/lib/domain/errors";
import type { z } from "zod";
import type { SetWebhookEndpointActiveSchema } from "@/lib/schemas/webhooks";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { wakeWebhookWorker } from "./worker";

export async function setWebhookEndpointActive(actor: Actor, data: z.infer<typeof SetWebhookEndpointActiveSchema>): Promise<{ endpointId: string; active: boolean }> {
  requirePermission(actor, "webhook:manage");
  const result = await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: data.endpointId }, select: { id: true, url: true, active: true } });
    if (!endpoint) throw new AppError("NOT_FOUND", "This webhook endpoint does not exist (any more).");
    if (endpoint.active === data.active) return { endpointId: endpoint.id, active: data.active };
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { active: data.active } });
    await recordAudit(tx, actor, { action: data.active ? "webhook.resume" : "webhook.pause", entityType: "webhook", entityId: endpoint.id, before: { url: endpoint.url, active: endpoint.active }, after: { url: endpoint.url, active: data.active } });
    return { endpointId: endpoint.id, active: data.active };
  });
  if (result.active) wakeWebhookWorker();
  return result;
}
