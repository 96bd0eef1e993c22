// Use cases as their ways in call them: the input parsed with its schema first (as
// defineAction, handleApi and the REST API do), then the use case, which takes the parsed input
// and parses nothing itself (docs/decisions/104). Tests write inputs as a form or a client would
// send them — defaults left out — and exercise the same schema the action and the API use.
import type { z } from "zod";
import { parseInput } from "@/lib/schemas/parse";
import { CreateApiTokenSchema, RevokeApiTokenSchema } from "@/lib/schemas/api-tokens";
import { VerificationProgressSchema } from "@/lib/schemas/desk";
import { PostCommentSchema, ResolveThreadSchema } from "@/lib/schemas/comments";
import { InviteUserSchema } from "@/lib/schemas/auth";
import { MarkNotificationReadSchema } from "@/lib/schemas/notifications";
import { CreateWebhookEndpointSchema, RetryWebhookDeliverySchema, SetWebhookEndpointActiveSchema, WebhookEndpointIdSchema } from "@/lib/schemas/webhooks";
import { PublishDossierSchema, PublishReadinessSchema, UnpublishDossierSchema } from "@/lib/schemas/publishing";
import { ClaimVerdictHistorySchema, ConfirmVerdictSchema, DecideProposalSchema, ProposeVerdictSchema, SetVerdictSchema, WithdrawProposalSchema } from "@/lib/schemas/verdicts";
import type { Actor } from "@/lib/server/actor";
import * as createApiTokenModule from "@/lib/server/api-tokens/create-api-token";
import * as revokeApiTokenModule from "@/lib/server/api-tokens/revoke-api-token";
import * as postCommentModule from "@/lib/server/comments/post-comment";
import * as resolveThreadModule from "@/lib/server/comments/resolve-thread";
import * as inviteUserModule from "@/lib/server/users/invite-user";
import * as createWebhookEndpointModule from "@/lib/server/webhooks/create-webhook-endpoint";
import * as deleteWebhookEndpointModule from "@/lib/server/webhooks/delete-webhook-endpoint";
import * as retryWebhookDeliveryModule from "@/lib/server/webhooks/retry-webhook-delivery";
import * as sendTestWebhookModule from "@/lib/server/webhooks/send-test-webhook";
import * as setWebhookEndpointActiveModule from "@/lib/server/webhooks/set-webhook-endpoint-active";
import * as getVerificationProgressModule from "@/lib/server/desk/get-verification-progress";
import * as markNotificationReadModule from "@/lib/server/notifications/mark-notification-read";
import * as getPendingChangesModule from "@/lib/server/publishing/get-pending-changes";
import * as getPublishReadinessModule from "@/lib/server/publishing/get-publish-readiness";
import * as listPublicationEventsModule from "@/lib/server/publishing/list-publication-events";
import * as publishDossierModule from "@/lib/server/publishing/publish-dossier";
import * as unpublishDossierModule from "@/lib/server/publishing/unpublish-dossier";
import * as confirmVerdictModule from "@/lib/server/verdicts/confirm-verdict";
import * as decideProposalModule from "@/lib/server/verdicts/decide-proposal";
import * as getClaimVerdictHistoryModule from "@/lib/server/verdicts/get-claim-verdict-history";
import * as proposeVerdictModule from "@/lib/server/verdicts/propose-verdict";
import * as setVerdictModule from "@/lib/server/verdicts/set-verdict";
import * as withdrawProposalModule from "@/lib/server/verdicts/withdraw-proposal";

/** A use case behind its schema: what the action or the API route runs for this input. */
function parsed<S extends z.ZodType, T>(schema: S, run: (actor: Actor, input: z.output<S>) => Promise<T>): (actor: Actor, input?: z.input<S>) => Promise<T> {
  // async: a refusal of the input is a rejected promise, as it is from the action.
  return async (actor, input) => run(actor, parseInput(schema, input ?? {}));
}

export const setVerdict = parsed(SetVerdictSchema, setVerdictModule.setVerdict);
export const proposeVerdict = parsed(ProposeVerdictSchema, proposeVerdictModule.proposeVerdict);
export const decideProposal = parsed(DecideProposalSchema, decideProposalModule.decideProposal);
export const withdrawProposal = parsed(WithdrawProposalSchema, withdrawProposalModule.withdrawProposal);
export const confirmVerdict = parsed(ConfirmVerdictSchema, confirmVerdictModule.confirmVerdict);
export const getClaimVerdictHistory = parsed(ClaimVerdictHistorySchema, getClaimVerdictHistoryModule.getClaimVerdictHistory);
export const publishDossier = parsed(PublishDossierSchema, publishDossierModule.publishDossier);
export const unpublishDossier = parsed(UnpublishDossierSchema, unpublishDossierModule.unpublishDossier);
export const getPublishReadiness = parsed(PublishReadinessSchema, getPublishReadinessModule.getPublishReadiness);
export const getPendingChanges = parsed(PublishReadinessSchema, getPendingChangesModule.getPendingChanges);
export const listPublicationEvents = parsed(PublishReadinessSchema, listPublicationEventsModule.listPublicationEvents);
export const getVerificationProgress = parsed(VerificationProgressSchema, getVerificationProgressModule.getVerificationProgress);
export const markNotificationRead = parsed(MarkNotificationReadSchema, markNotificationReadModule.markNotificationRead);
export const createApiToken = parsed(CreateApiTokenSchema, createApiTokenModule.createApiToken);
export const revokeApiToken = parsed(RevokeApiTokenSchema, revokeApiTokenModule.revokeApiToken);
export const postComment = parsed(PostCommentSchema, postCommentModule.postComment);
export const resolveThread = parsed(ResolveThreadSchema, resolveThreadModule.resolveThread);
export const inviteUser = parsed(InviteUserSchema, inviteUserModule.inviteUser);
export const createWebhookEndpoint = parsed(CreateWebhookEndpointSchema, createWebhookEndpointModule.createWebhookEndpoint);
export const deleteWebhookEndpoint = parsed(WebhookEndpointIdSchema, deleteWebhookEndpointModule.deleteWebhookEndpoint);
export const retryWebhookDelivery = parsed(RetryWebhookDeliverySchema, retryWebhookDeliveryModule.retryWebhookDelivery);
export const sendTestWebhook = parsed(WebhookEndpointIdSchema, sendTestWebhookModule.sendTestWebhook);
export const setWebhookEndpointActive = parsed(SetWebhookEndpointActiveSchema, setWebhookEndpointActiveModule.setWebhookEndpointActive);
