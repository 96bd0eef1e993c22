// Inputs about entities, quotes, open questions and timeline events.
import { z } from "zod";
import { CONTENT_LANGUAGES, ENTITY_KINDS, EVENT_CERTAINTIES, QUESTION_STATUSES } from "@/lib/domain/vocabulary";
import { checkbox, choice, edtfDate, id, idList, optionalEdtfDate, optionalId, optionalText, requiredText, text, verbatimText, version } from "./fields";

// Each record's own fields are exported (EntityFields, QuoteFields…): content files are
// validated with the very same field schemas (lib/schemas/content.ts).

// ── Entities (people and organisations named in the dossier) ──
export const EntityFields = {
  kind: choice(ENTITY_KINDS, "kind"),
  name: requiredText("Name", 200),
  description: text("Description", 1000),
};
const entityFields = EntityFields;
export const CreateEntitySchema = z.object({ dossierId: id("dossier"), ...entityFields });
export type CreateEntityInput = z.infer<typeof CreateEntitySchema>;
export const UpdateEntitySchema = z.object({ dossierId: id("dossier"), entityId: id("entity"), version, ...entityFields });
export type UpdateEntityInput = z.infer<typeof UpdateEntitySchema>;
export const DeleteEntitySchema = z.object({ dossierId: id("dossier"), entityId: id("entity") });

// ── Quotes (verbatim: never trimmed inside, never retyped) ──
export const QuoteFields = {
  text: verbatimText("The quote", 4000, { required: true, tooLong: "The quote must be at most 4000 characters." }),
  language: choice(CONTENT_LANGUAGES, "language"),
  speakerId: optionalId("speaker"),
  speakerLabel: optionalText("Speaker description", 300),
  date: optionalEdtfDate,
  context: text("Context", 2000),
  sourceId: optionalId("source"),
  onRecord: checkbox,
};
const quoteFields = QuoteFields;
const hasSpeaker = (q: { speakerId: string | null; speakerLabel: string | null }) => !!(q.speakerId || q.speakerLabel);
export const SPEAKER_REQUIRED = "Choose who spoke, or describe them (e.g. “a former employee”).";
const speakerIssue = { message: SPEAKER_REQUIRED, path: ["speakerId"] };
export const CreateQuoteSchema = z.object({ dossierId: id("dossier"), ...quoteFields }).refine(hasSpeaker, speakerIssue);
export type CreateQuoteInput = z.infer<typeof CreateQuoteSchema>;
export const UpdateQuoteSchema = z.object({ dossierId: id("dossier"), quoteId: id("quote"), version, ...quoteFields }).refine(hasSpeaker, speakerIssue);
export type UpdateQuoteInput = z.infer<typeof UpdateQuoteSchema>;
export const DeleteQuoteSchema = z.object({ dossierId: id("dossier"), quoteId: id("quote") });

// ── Open questions (assigned to a journalist, answered by linking a claim) ──
export const QuestionFields = {
  text: requiredText("The question", 1000),
  status: choice(QUESTION_STATUSES, "status"),
  answer: optionalText("Answer", 2000),
};
/** An answered question names the claim that answers it and says the answer in a few words. */
export const ANSWER_NEEDS_CLAIM = "An answered question is answered by a claim: choose the claim that answers it.";
export const ANSWER_NEEDS_TEXT = "An answered question needs its answer in a few words (readers see it).";

export const CreateQuestionSchema = z.object({
  dossierId: id("dossier"),
  text: QuestionFields.text,
  ownerId: optionalId("journalist"),
});
export type CreateQuestionInput = z.infer<typeof CreateQuestionSchema>;
export const UpdateQuestionSchema = z
  .object({
    dossierId: id("dossier"),
    questionId: id("question"),
    version,
    text: QuestionFields.text,
    ownerId: optionalId("journalist"),
    status: QuestionFields.status,
    answeringClaimId: optionalId("claim"),
    answer: QuestionFields.answer,
  })
  .refine((q) => q.status !== "answered" || q.answeringClaimId, { message: ANSWER_NEEDS_CLAIM, path: ["answeringClaimId"] })
  .refine((q) => q.status !== "answered" || q.answer, { message: ANSWER_NEEDS_TEXT, path: ["answer"] });
export type UpdateQuestionInput = z.infer<typeof UpdateQuestionSchema>;
export const DeleteQuestionSchema = z.object({ dossierId: id("dossier"), questionId: id("question") });

// ── Timeline events (uncertain dates as EDTF text) ──
export const EventFields = {
  title: requiredText("Title", 300),
  description: text("Description", 2000),
  date: edtfDate,
  certainty: choice(EVENT_CERTAINTIES, "certainty"),
};
const eventFields = {
  ...EventFields,
  claimIds: idList("claim"),
  sourceIds: idList("source"),
};
export const CreateEventSchema = z.object({ dossierId: id("dossier"), ...eventFields });
export type CreateEventInput = z.infer<typeof CreateEventSchema>;
export const UpdateEventSchema = z.object({ dossierId: id("dossier"), eventId: id("event"), version, ...eventFields });
export type UpdateEventInput = z.infer<typeof UpdateEventSchema>;
export const DeleteEventSchema = z.object({ dossierId: id("dossier"), eventId: id("event") });
