// Inputs of publishing (lib/server/publishing/*): flat fields so a plain form can post them.
import { z } from "zod";
import { id, idList, optionalText, version } from "./fields";

export const OVERRIDE_REASON_MAX = 2000;
export const UPDATE_NOTE_MAX = 2000;

/** The fingerprint of the working copy the editor reviewed (get-pending-changes.ts workingHash). */
const reviewedHash = z.preprocess(
  (v) => (v === "" || v == null ? undefined : v),
  z.string().regex(/^[0-9a-f]{64}$/, "The reviewed changes are not identified: reload the page and review them again.").optional(),
);

/** Publish a dossier; with blocking claims, only with an override reason (publish-dossier.ts). */
export const PublishDossierSchema = z.object({
  dossierId: id("dossier"),
  /** The dossier version the editor was looking at. */
  version: version,
  /** Why the dossier is published despite blocking claims (recorded, shown in the newsroom). */
  overrideReason: optionalText("The override reason", OVERRIDE_REASON_MAX),
  /** The blocking claims the editor was shown: an override covers these and no others. */
  acknowledgedClaimIds: idList("blocking claim", 1000),
  /** The editor's note for readers: required for an update that changes what they are told about a claim. */
  note: optionalText("The note", UPDATE_NOTE_MAX),
  /** Required to publish an update: the working copy the editor reviewed (its changes are what gets published). */
  reviewedHash,
});
export type PublishDossierInput = z.infer<typeof PublishDossierSchema>;

/** A journalist asks the editors to publish the changes made to a published dossier (request-update.ts). */
export const RequestUpdateSchema = z.object({
  dossierId: id("dossier"),
  message: optionalText("The message", UPDATE_NOTE_MAX),
});
export type RequestUpdateInput = z.infer<typeof RequestUpdateSchema>;

/** Take a published dossier off the public site; everything is kept (unpublish-dossier.ts). */
export const UnpublishDossierSchema = z.object({
  dossierId: id("dossier"),
  version: version,
  /** Optional, recorded in the audit log. */
  reason: optionalText("The reason", OVERRIDE_REASON_MAX),
});
export type UnpublishDossierInput = z.infer<typeof UnpublishDossierSchema>;

/** What blocks a dossier's publication (get-publish-readiness.ts), its changes not yet published (get-pending-changes.ts). */
export const PublishReadinessSchema = z.object({
  dossierId: id("dossier"),
});
export type PublishReadinessInput = z.infer<typeof PublishReadinessSchema>;
