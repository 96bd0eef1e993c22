// Inputs about entities, quotes, open questions and timeline events.
import { z } from "zod";
import { CONTENT_LANGUAGES, ENTITY_KINDS, EVENT_CERTAINTIES, QUESTION_STATUSES } from "@/lib/domain/vocabulary";
import { checkbox, choice, edtfDate, id, idList, optionalEdtfDate, optionalId, optionalText, requiredText, text, version } from "./fields";

// ── Entities (people and organisations named in the dossier) ──
const entityFields = {
  kind: choice(ENTITY_KINDS, "kind"),
  name: requiredText("Name", 200),
  description: text("Description", 1000),
};
export const CreateEntitySchema = z.object({ dossierId: id("dossier"), ...entityFields });
export type CreateEntityInput = z.infer<typeof CreateEntitySchema>;
export const UpdateEntitySchema = z.object({ dossierId: id("dossier"), entityId: id("entity"), version, ...entityFields });
export type UpdateEntityInput = z.infer<typeof UpdateEntitySchema>;
export const DeleteEntitySchema = z.object({ dossierId: id("dossier"), entityId: id("entity") });

// ── Quotes (verbatim: never trimmed inside, never retyped) ──
const quoteFields = {
  text: z
    .string({ error: "The quote is required." })
    .max(4000, "The quote must be at most 4000 characters.")
    .refine((v) => v.trim() !== "", "The quote is required."),
  language: choice(CONTENT_LANGUAGES, "language"),
  speakerId: optionalId("speaker"),
  speakerLabel: optionalText("Speaker description", 300),
  date: optionalEdtfDate,
  context: text("Context", 2000),
  sourceId: optionalId("source"),
  onRecord: checkbox,
};
const hasSpeaker = (q: { speakerId: string | null; speakerLabel: string | null }) => !!(q.speakerId || q.speakerLabel);
const speakerIssue = { message: "Choose who spoke, or describe them (e.g. “a former employee”).", path: ["speakerId"] };
export const CreateQuoteSchema = z.object({ dossierId: id("dossier"), ...quoteFields }).refine(hasSpeaker, speakerIssue);
export type CreateQuoteInput = z.infer<typeof CreateQuoteSchema>;
export const UpdateQuoteSchema = z.object({ dossierId: id("dossier"), quoteId: id("quote"), version, ...quoteFields }).refine(hasSpeaker, speakerIssue);
export type UpdateQuoteInput = z.infer<typeof UpdateQuoteSchema>;
export const DeleteQuoteSchema = z.object({ dossierId: id("dossier"), quoteId: id("quote") });

// ── Open questions (assigned to a journalist, answered by linking a claim) ──
export const CreateQuestionSchema = z.object({
  dossierId: id("dossier"),
  text: requiredText("The question", 1000),
  ownerId: optionalId("journalist"),
});
export type CreateQuestionInput = z.infer<typeof CreateQuestionSchema>;
export const UpdateQuestionSchema = z
  .object({
    dossierId: id("dossier"),
    questionId: id("question"),
    version,
    text: requiredText("The question", 1000),
    ownerId: optionalId("journalist"),
    status: choice(QUESTION_STATUSES, "status"),
    answeringClaimId: optionalId("claim"),
    answer: optionalText("Answer", 2000),
  })
  .refine((q) => q.status !== "answered" || q.answeringClaimId, {
    message: "An answered question is answered by a claim: choose the claim that answers it.",
    path: ["answeringClaimId"],
  });
export type UpdateQuestionInput = z.infer<typeof UpdateQuestionSchema>;
export const DeleteQuestionSchema = z.object({ dossierId: id("dossier"), questionId: id("question") });

// ── Timeline events (uncertain dates as EDTF text) ──
const eventFields = {
  title: requiredText("Title", 300),
  description: text("Description", 2000),
  date: edtfDate,
  certainty: choice(EVENT_CERTAINTIES, "certainty"),
  claimIds: idList("claim"),
  sourceIds: idList("source"),
};
export const CreateEventSchema = z.object({ dossierId: id("dossier"), ...eventFields });
export type CreateEventInput = z.infer<typeof CreateEventSchema>;
export const UpdateEventSchema = z.object({ dossierId: id("dossier"), eventId: id("event"), version, ...eventFields });
export type UpdateEventInput = z.infer<typeof UpdateEventSchema>;
export const DeleteEventSchema = z.object({ dossierId: id("dossier"), eventId: id("event") });
