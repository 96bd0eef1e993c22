import "server-only";
// "Retry now": a pending delivery is sent at once instead of at its next retry; a failed one gets
// one more attempt (its count goes on; failing again leaves it failed). A delivered one, or one
// being sent, is left alone.
import { AppError } from "@/lib/domain/errors";
import type { z } from "zod";
import type { RetryWebhookDeliverySchema } from "@/lib/schemas/webhooks";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { wakeWebhookWorker } from "./worker";

export async function retryWebhookDelivery(actor: Actor, data: z.infer<typeof RetryWebhookDeliverySchema>): Promise<{ deliveryId: string }> {
  requirePermission(actor, "webhook:manage");
  const delivery = await db.webhookDelivery.findUnique({ where: { id: data.deliveryId }, select: { id: true, status: true } });
  if (!delivery) throw new AppError("NOT_FOUND", "This delivery does not exist (any more).");
  if (delivery.status === "delivered") throw new AppError("RULE_VIOLATION", "This delivery was already delivered.");
  if (delivery.status === "delivering") throw new AppError("RULE_VIOLATION", "This delivery is being sent right now.");
  const { count } = await db.webhookDelivery.updateMany({ where: { id: delivery.id, status: { in: ["pending", "failed"] } }, data: { status: "pending", nextAttemptAt: new Date() } });
  if (count !== 1) throw new AppError("CONFLICT", "This delivery changed meanwhile: reload the page.");
  wakeWebhookWorker();
  return { deliveryId: delivery.id };
}
