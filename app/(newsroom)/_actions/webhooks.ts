"use server";
import { defineAction } from "@/lib/http/action";
import { CreateWebhookEndpointSchema, RetryWebhookDeliverySchema, SetWebhookEndpointActiveSchema, WebhookEndpointIdSchema } from "@/lib/schemas/webhooks";
import { createWebhookEndpoint } from "@/lib/server/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/server/webhooks/delete-webhook-endpoint";
import { retryWebhookDelivery } from "@/lib/server/webhooks/retry-webhook-delivery";
import { sendTestWebhook } from "@/lib/server/webhooks/send-test-webhook";
import { setWebhookEndpointActive } from "@/lib/server/webhooks/set-webhook-endpoint-active";

export const createWebhookEndpointAction = defineAction(CreateWebhookEndpointSchema, createWebhookEndpoint);
export const setWebhookEndpointActiveAction = defineAction(SetWebhookEndpointActiveSchema, setWebhookEndpointActive);
export const deleteWebhookEndpointAction = defineAction(WebhookEndpointIdSchema, deleteWebhookEndpoint);
export const sendTestWebhookAction = defineAction(WebhookEndpointIdSchema, sendTestWebhook);
export const retryWebhookDeliveryAction = defineAction(RetryWebhookDeliverySchema, retryWebhookDelivery);
