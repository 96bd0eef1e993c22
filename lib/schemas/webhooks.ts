// Inputs of the webhook use cases (lib/server/webhooks), shared by the newsroom's forms and actions.
import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/domain/webhooks";
import { checkbox, id, safeString } from "./fields";

export const CreateWebhookEndpointSchema = z.object({
  url: safeString("The address", { error: "Enter the address that receives the events." })
    .trim()
    .min(1, "Enter the address that receives the events.")
    .max(2000, "This address is too long.")
    .pipe(z.url({ protocol: /^https?$/, error: "Enter a full web address starting with http:// or https://." })),
  events: z
    .preprocess((v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(WEBHOOK_EVENTS, { error: `Choose among ${WEBHOOK_EVENTS.join(", ")}.` })))
    .transform((events) => WEBHOOK_EVENTS.filter((e) => events.includes(e)))
    .refine((events) => events.length > 0, "Choose at least one event."),
});
export type CreateWebhookEndpointInput = z.infer<typeof CreateWebhookEndpointSchema>;

export const SetWebhookEndpointActiveSchema = z.object({ endpointId: id("webhook endpoint"), active: checkbox });
export const WebhookEndpointIdSchema = z.object({ endpointId: id("webhook endpoint") });
export const RetryWebhookDeliverySchema = z.object({ deliveryId: id("delivery") });
