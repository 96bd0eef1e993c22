// Inputs of the fact-check desk's verdict use cases (lib/server/verdicts/*): one schema each,
// shared by forms, server actions and the JSON API.
import { z } from "zod";
import { id, idList, optionalText, requiredText, verdictKey, version } from "./fields";

export const RATIONALE_MAX = 5000;
export const NOTE_MAX = 2000;
export const EVIDENCE_MAX = 50;

/** A verdict's own fields (the desk's forms and a content file's `verdicts[]`, where `verdict` is `status`). */
export const VerdictFields = {
  verdict: verdictKey,
  rationale: requiredText("The rationale", RATIONALE_MAX),
  correctionNote: optionalText("The correction note", NOTE_MAX),
};

/** An editor sets a claim's verdict (lib/server/verdicts/set-verdict.ts). */
export const SetVerdictSchema = z.object({
  claimId: id("claim"),
  /** The claim version the editor was looking at. */
  version: version,
  verdict: VerdictFields.verdict,
  rationale: VerdictFields.rationale,
  /** Evidence links of this claim the verdict rests on. */
  evidenceIds: idList("evidence link", EVIDENCE_MAX),
  /** Required once the dossier has been published: readers see it in the corrections log. */
  correctionNote: VerdictFields.correctionNote,
});
export type SetVerdictInput = z.infer<typeof SetVerdictSchema>;

/**
 * An editor confirms a claim's verdict after its text or evidence changed: the rationale kept or
 * amended, the evidence it rests on chosen again (lib/server/verdicts/confirm-verdict.ts).
 */
export const ConfirmVerdictSchema = z.object({
  claimId: id("claim"),
  version: version,
  rationale: requiredText("The rationale", RATIONALE_MAX),
  evidenceIds: idList("evidence link", EVIDENCE_MAX),
  /** Required when the rationale is amended on a published dossier. */
  correctionNote: optionalText("The correction note", NOTE_MAX),
});
export type ConfirmVerdictInput = z.infer<typeof ConfirmVerdictSchema>;

/** A journalist (or editor) proposes a verdict (lib/server/verdicts/propose-verdict.ts). */
export const ProposeVerdictSchema = z.object({
  claimId: id("claim"),
  version: version,
  verdict: verdictKey,
  rationale: requiredText("The rationale", RATIONALE_MAX),
  evidenceIds: idList("evidence link", EVIDENCE_MAX),
});
export type ProposeVerdictInput = z.infer<typeof ProposeVerdictSchema>;

const decisionBase = {
  proposalId: id("proposal"),
  /** The claim version the editor was looking at. */
  claimVersion: version,
};

/** An editor accepts or rejects a proposal (lib/server/verdicts/decide-proposal.ts). */
export const DecideProposalSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({
      decision: z.literal("accept"),
      ...decisionBase,
      /** Optional note to the proposer. */
      reason: optionalText("The reason", NOTE_MAX),
      /** Required once the dossier has been published. */
      correctionNote: optionalText("The correction note", NOTE_MAX),
    }),
    z.object({
      decision: z.literal("reject"),
      ...decisionBase,
      /** Required: the proposer sees it. */
      reason: requiredText("The reason", NOTE_MAX),
    }),
  ],
  { error: 'Choose "accept" or "reject".' },
);
export type DecideProposalInput = z.infer<typeof DecideProposalSchema>;

/** The proposer withdraws their pending proposal (lib/server/verdicts/withdraw-proposal.ts). */
export const WithdrawProposalSchema = z.object({
  proposalId: id("proposal"),
});
export type WithdrawProposalInput = z.infer<typeof WithdrawProposalSchema>;

/** A claim's verdict history, newsroom view (lib/server/verdicts/get-claim-verdict-history.ts). */
export const ClaimVerdictHistorySchema = z.object({
  claimId: id("claim"),
});
export type ClaimVerdictHistoryInput = z.infer<typeof ClaimVerdictHistorySchema>;
