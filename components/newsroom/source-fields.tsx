// The fields of a source, for creating and editing. For a role that may not read a confidential
// source's title, identity and notes, those fields start empty and say so: left empty they keep
// what is stored, filled in they replace it (lib/server/sources/update-source.ts).
import { CheckboxField, SelectField, TextArea, TextField } from "./fields";
import { RELIABILITY_OPTIONS, SOURCE_KIND_OPTIONS } from "./labels";
import { EDTF_HELP } from "@/lib/domain/edtf";

export interface SourceDefaults {
  kind?: string;
  title?: string | null;
  url?: string | null;
  publisher?: string | null;
  author?: string | null;
  date?: string | null;
  accessedAt?: string | null;
  reliability?: string;
  confidential?: boolean;
  publicDescription?: string | null;
  identity?: string | null;
  notes?: string | null;
  withheld?: boolean;
}

export function SourceFields({ values = {}, viewConfidential }: { values?: SourceDefaults; viewConfidential: boolean }) {
  const hidden = !!values.withheld;
  return (
    <>
      <SelectField name="kind" label="Kind of source" options={SOURCE_KIND_OPTIONS} defaultValue={values.kind ?? "document"} required />
      {hidden ? (
        <TextField name="title" label="Title" defaultValue="" hint="Hidden from your role, like the identity. Leave empty to keep the stored title; type to replace it." />
      ) : (
        <TextField
          name="title"
          label="Title"
          defaultValue={values.title}
          required
          hint="For a confidential source, only editors and admins read this: readers and journalists see the public description."
        />
      )}
      <TextField name="url" label="Web address" type="url" defaultValue={values.url} placeholder="https://…" />
      <TextField name="publisher" label="Publisher" defaultValue={values.publisher} />
      <TextField name="author" label="Author" defaultValue={values.author} />
      <TextField name="date" label="Date of the source" defaultValue={values.date} hint={EDTF_HELP} />
      <TextField name="accessedAt" label="Consulted on" type="date" defaultValue={values.accessedAt} hint="When the newsroom consulted it (pages change)." />
      <SelectField name="reliability" label="Reliability" options={RELIABILITY_OPTIONS} defaultValue={values.reliability ?? "unknown"} required />
      <fieldset className="fieldset">
        <legend>Confidentiality</legend>
        <CheckboxField
          name="confidential"
          label="Confidential source: readers must never be able to identify it"
          defaultChecked={values.confidential}
          hint={!viewConfidential && values.confidential ? "Only an editor can make a confidential source public." : undefined}
        />
        <TextField name="publicDescription" label="Public description" defaultValue={values.publicDescription} hint="What readers see instead, e.g. “a person close to the management”. Required for a confidential source." />
        <TextArea
          name="identity"
          label="Identity (newsroom only)"
          defaultValue={hidden ? "" : values.identity}
          hint={hidden ? "Hidden from your role. Leave empty to keep the stored identity; type to replace it." : "Who the source is. Only editors and admins can read it."}
        />
        <TextArea
          name="notes"
          label="Internal notes"
          defaultValue={hidden ? "" : values.notes}
          rows={3}
          hint={hidden ? "Hidden from your role. Leave empty to keep the stored notes; type to replace them." : "Never shown to readers. For a confidential source, only editors and admins can read them."}
        />
      </fieldset>
    </>
  );
}
