// Inputs of publishing (lib/server/publishing/*): flat fields so a plain form can post them.
import { z } from "zod";
import { id, idList, optionalText, version } from "./fields";

export const OVERRIDE_REASON_MAX = 2000;

/** Publish a dossier; with blocking claims, only with an override reason (publish-dossier.ts). */
export const PublishDossierSchema = z.object({
  dossierId: id("dossier"),
  /** The dossier version the editor was looking at. */
  version: version,
  /** Why the dossier is published despite blocking claims (recorded, shown in the newsroom). */
  overrideReason: optionalText("The override reason", OVERRIDE_REASON_MAX),
  /** The blocking claims the editor was shown: an override covers these and no others. */
  acknowledgedClaimIds: idList("blocking claim", 1000),
});
export type PublishDossierInput = z.input<typeof PublishDossierSchema>;

/** Take a published dossier off the public site; everything is kept (unpublish-dossier.ts). */
export const UnpublishDossierSchema = z.object({
  dossierId: id("dossier"),
  version: version,
  /** Optional, recorded in the audit log. */
  reason: optionalText("The reason", OVERRIDE_REASON_MAX),
});
export type UnpublishDossierInput = z.input<typeof UnpublishDossierSchema>;

/** What blocks a dossier's publication (get-publish-readiness.ts). */
export const PublishReadinessSchema = z.object({
  dossierId: id("dossier"),
});
export type PublishReadinessInput = z.input<typeof PublishReadinessSchema>;
