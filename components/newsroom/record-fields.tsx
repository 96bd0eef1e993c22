// Fields for people and organisations, quotes, open questions and timeline events, shared by the
// "add" and "edit" forms.
import { EDTF_HELP } from "@/lib/domain/edtf";
import { CheckboxField, CheckboxGroup, SelectField, TextArea, TextField, type Option } from "./fields";
import { CERTAINTY_OPTIONS, ENTITY_KIND_OPTIONS, LANGUAGE_OPTIONS, QUESTION_STATUS_OPTIONS } from "./labels";

export function EntityFields({ values = {} }: { values?: { kind?: string; name?: string; description?: string } }) {
  return (
    <>
      <SelectField name="kind" label="Kind" options={ENTITY_KIND_OPTIONS} defaultValue={values.kind ?? "person"} required />
      <TextField name="name" label="Name" defaultValue={values.name} required />
      <TextArea name="description" label="Role or description" defaultValue={values.description} hint="e.g. “co-founder and CEO”" />
    </>
  );
}
export const ENTITY_CONFLICT_FIELDS = { kind: "Kind", name: "Name", description: "Role or description" };

export interface QuoteDefaults {
  text?: string;
  language?: string;
  speakerId?: string | null;
  speakerLabel?: string | null;
  date?: string | null;
  context?: string;
  sourceId?: string | null;
  onRecord?: boolean;
}
export function QuoteFields({ values = {}, speakers, sources, language }: { values?: QuoteDefaults; speakers: Option[]; sources: Option[]; language: string }) {
  return (
    <>
      <TextArea name="text" label="The quote, verbatim" defaultValue={values.text} rows={4} lang={values.language ?? language} required hint="Exactly as said or written: it is stored as typed." />
      <SelectField name="language" label="Language of the quote" options={LANGUAGE_OPTIONS} defaultValue={values.language ?? language} required />
      <SelectField name="speakerId" label="Speaker" options={speakers} defaultValue={values.speakerId} emptyLabel="(not a person or organisation of this dossier)" hint="People and organisations are listed on their own tab." />
      <TextField name="speakerLabel" label="Or describe the speaker" defaultValue={values.speakerLabel} hint="e.g. “staff who declined to be named”. Needed when no speaker is chosen." />
      <TextField name="date" label="Date" defaultValue={values.date} hint={EDTF_HELP} />
      <TextArea name="context" label="Context" defaultValue={values.context} hint="Where and when it was said." />
      <SelectField name="sourceId" label="Source" options={sources} defaultValue={values.sourceId} emptyLabel="(no source)" />
      <CheckboxField name="onRecord" label="On the record (the speaker agreed to be quoted by name)" defaultChecked={values.onRecord ?? true} />
    </>
  );
}
export const QUOTE_CONFLICT_FIELDS = { text: "Quote", language: "Language", speakerId: "Speaker", speakerLabel: "Speaker description", date: "Date", context: "Context", sourceId: "Source", onRecord: "On the record" };

export function QuestionFields(props: {
  values?: { text?: string; ownerId?: string | null; status?: string; answeringClaimId?: string | null; answer?: string | null };
  people: Option[];
  claims?: Option[];
  language: string;
}) {
  const values = props.values ?? {};
  return (
    <>
      <TextArea name="text" label="The question" defaultValue={values.text} lang={props.language} required />
      <SelectField name="ownerId" label="Assigned to" options={props.people} defaultValue={values.ownerId} emptyLabel="(nobody yet)" />
      {props.claims ? (
        <>
          <SelectField name="status" label="Status" options={QUESTION_STATUS_OPTIONS} defaultValue={values.status ?? "open"} required />
          <SelectField
            name="answeringClaimId"
            label="Answered by the claim"
            options={props.claims}
            defaultValue={values.answeringClaimId}
            emptyLabel="(not answered)"
            hint="To answer the question, set the status to “Answered” and choose the claim that answers it."
          />
          <TextArea name="answer" label="Answer in a few words" defaultValue={values.answer} lang={props.language} />
        </>
      ) : null}
    </>
  );
}
export const QUESTION_CONFLICT_FIELDS = { text: "Question", ownerId: "Assigned to", status: "Status", answeringClaimId: "Answered by", answer: "Answer" };

export function EventFields(props: {
  values?: { title?: string; description?: string; date?: string; certainty?: string; claimIds?: string[]; sourceIds?: string[] };
  claims: Option[];
  sources: Option[];
  language: string;
}) {
  const values = props.values ?? {};
  return (
    <>
      <TextField name="title" label="What happened" defaultValue={values.title} lang={props.language} required />
      <TextField name="date" label="Date (EDTF)" defaultValue={values.date} required hint={EDTF_HELP} />
      <SelectField name="certainty" label="Certainty" options={CERTAINTY_OPTIONS} defaultValue={values.certainty ?? "happened"} required />
      <TextArea name="description" label="Description" defaultValue={values.description} lang={props.language} />
      <CheckboxGroup name="claimIds" label="Claims about this event" options={props.claims} defaultValues={values.claimIds} emptyText="No claim in this dossier yet." />
      <CheckboxGroup name="sourceIds" label="Sources for this event" options={props.sources} defaultValues={values.sourceIds} emptyText="No source in this dossier yet." />
    </>
  );
}
export const EVENT_CONFLICT_FIELDS = { title: "What happened", date: "Date", certainty: "Certainty", description: "Description", claimIds: "Claims", sourceIds: "Sources" };
