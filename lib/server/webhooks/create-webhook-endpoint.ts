import "server-only";
// An admin registers a receiver: its address and the events it wants. Its signing secret is
// generated here (never chosen), returned once with the result and readable by admins afterwards.
import { AppError } from "@/lib/domain/errors";
import { webhookUrlProblem } from "@/lib/domain/webhooks";
import type { CreateWebhookEndpointInput } from "@/lib/schemas/webhooks";
import { actorId, requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { newWebhookSecret } from "./outbox";

export async function createWebhookEndpoint(actor: Actor, data: CreateWebhookEndpointInput): Promise<{ id: string; url: string; events: string[]; secret: string }> {
  requirePermission(actor, "webhook:manage");
  const problem = webhookUrlProblem(data.url);
  if (problem) throw new AppError("INVALID_INPUT", problem, { fieldErrors: { url: [problem] } });
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { url: data.url, events: JSON.stringify(data.events), secret, createdById: actorId(actor) },
      select: { id: true },
    });
    // The audit log records the endpoint, never its secret.
    await recordAudit(tx, actor, { action: "webhook.create", entityType: "webhook", entityId: endpoint.id, after: { url: data.url, events: data.events } });
    return { id: endpoint.id, url: data.url, events: data.events, secret };
  });
}
