"use server";
// The fact-check desk: verdicts, proposals, publishing and notifications. One line each through
// the wrapper (lib/http/action.ts); the use cases return readerSlug when readers' pages change.
import { defineAction } from "@/lib/http/action";
import { MarkNotificationReadSchema } from "@/lib/schemas/notifications";
import { PublishDossierSchema, UnpublishDossierSchema } from "@/lib/schemas/publishing";
import { ConfirmVerdictSchema, DecideProposalSchema, ProposeVerdictSchema, SetVerdictSchema, WithdrawProposalSchema } from "@/lib/schemas/verdicts";
import { RequestUpdateSchema } from "@/lib/schemas/publishing";
import { confirmVerdict } from "@/lib/server/verdicts/confirm-verdict";
import { requestUpdate } from "@/lib/server/publishing/request-update";
import { markNotificationRead } from "@/lib/server/notifications/mark-notification-read";
import { publishDossier } from "@/lib/server/publishing/publish-dossier";
import { unpublishDossier } from "@/lib/server/publishing/unpublish-dossier";
import { decideProposal } from "@/lib/server/verdicts/decide-proposal";
import { proposeVerdict } from "@/lib/server/verdicts/propose-verdict";
import { setVerdict } from "@/lib/server/verdicts/set-verdict";
import { withdrawProposal } from "@/lib/server/verdicts/withdraw-proposal";

export const setVerdictAction = defineAction(SetVerdictSchema, setVerdict);
export const proposeVerdictAction = defineAction(ProposeVerdictSchema, proposeVerdict);
export const decideProposalAction = defineAction(DecideProposalSchema, decideProposal);
export const withdrawProposalAction = defineAction(WithdrawProposalSchema, withdrawProposal);
export const confirmVerdictAction = defineAction(ConfirmVerdictSchema, confirmVerdict);
export const publishDossierAction = defineAction(PublishDossierSchema, publishDossier);
export const requestUpdateAction = defineAction(RequestUpdateSchema, requestUpdate);
export const unpublishDossierAction = defineAction(UnpublishDossierSchema, unpublishDossier);
export const markNotificationReadAction = defineAction(MarkNotificationReadSchema, markNotificationRead);
