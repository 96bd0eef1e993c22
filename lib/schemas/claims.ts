// Inputs about claims and the evidence behind them.
import { z } from "zod";
import { STANCES } from "@/lib/domain/vocabulary";
import { checkbox, choice, id, optionalId, optionalText, pickedId, requiredText, safeString, text, verbatimText, version } from "./fields";

/**
 * A claim's passage as a W3C TextQuoteSelector, kept exactly as it is in the article: the same
 * rules for a selection made in the newsroom and an `anchor` written in a content file.
 */
export const AnchorFields = {
  exact: safeString("The passage", { error: "Select a passage in the article first." })
    .max(2000, "Select a shorter passage (at most 2,000 characters).")
    .refine((v) => v.trim() !== "", "Select a passage in the article first."),
  prefix: verbatimText("The text before the passage", 200).default(""),
  suffix: verbatimText("The text after the passage", 200).default(""),
};

/** A passage selected in the article preview: a TextQuoteSelector plus offsets in articleText(). */
export const SelectionSchema = z
  .object({
    ...AnchorFields,
    start: z.coerce.number().int().min(0),
    end: z.coerce.number().int().min(1),
  })
  .refine((s) => s.end > s.start && s.end - s.start === s.exact.length, { message: "The selection is inconsistent; select the passage again.", path: ["exact"] });
export type Selection = z.infer<typeof SelectionSchema>;

/** A claim's own fields (newsroom forms and content files alike). */
export const ClaimFields = {
  text: requiredText("The claim", 1000),
  hedged: checkbox,
};

export const CreateClaimSchema = z.object({
  dossierId: id("dossier"),
  selection: SelectionSchema,
  ...ClaimFields,
});
export type CreateClaimInput = z.infer<typeof CreateClaimSchema>;

export const UpdateClaimSchema = z.object({
  dossierId: id("dossier"),
  claimId: id("claim"),
  version,
  ...ClaimFields,
});
export type UpdateClaimInput = z.infer<typeof UpdateClaimSchema>;

export const ReattachClaimSchema = z.object({
  dossierId: id("dossier"),
  claimId: id("claim"),
  version,
  selection: SelectionSchema,
});
export type ReattachClaimInput = z.infer<typeof ReattachClaimSchema>;

export const DeleteClaimSchema = z.object({ dossierId: id("dossier"), claimId: id("claim") });

/** Who checks the claim at the fact-check desk; empty: nobody (unassigned). */
export const AssignClaimSchema = z.object({
  dossierId: id("dossier"),
  claimId: id("claim"),
  version,
  assigneeId: optionalId("person"),
});
export type AssignClaimInput = z.infer<typeof AssignClaimSchema>;

/** A piece of evidence (in a content file, `source` names the source by its key instead). */
export const EvidenceFields = {
  sourceId: pickedId("source"),
  stance: choice(STANCES, "stance"),
  excerpt: text("Excerpt", 4000),
  note: optionalText("Note", 2000),
};
const evidenceFields = EvidenceFields;

export const CreateEvidenceSchema = z.object({ dossierId: id("dossier"), claimId: id("claim"), ...evidenceFields });
export type CreateEvidenceInput = z.infer<typeof CreateEvidenceSchema>;

export const UpdateEvidenceSchema = z.object({ dossierId: id("dossier"), evidenceId: id("evidence"), version, ...evidenceFields });
export type UpdateEvidenceInput = z.infer<typeof UpdateEvidenceSchema>;

export const DeleteEvidenceSchema = z.object({ dossierId: id("dossier"), evidenceId: id("evidence") });
