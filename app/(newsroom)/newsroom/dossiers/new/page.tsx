import type { Metadata } from "next";
import { createDossierAction } from "@/app/(newsroom)/_actions/dossiers";
import { ActionForm } from "@/components/newsroom/action-form";
import { SelectField, TextArea, TextField } from "@/components/newsroom/fields";
import { LANGUAGE_OPTIONS } from "@/components/newsroom/labels";
import { requireNewsroomActor } from "@/lib/http/page";
import { formConstraints } from "@/lib/schemas/constraints";
import { CreateDossierSchema } from "@/lib/schemas/dossier";

export const metadata: Metadata = { title: "New dossier" };

export default async function NewDossierPage() {
  await requireNewsroomActor("/newsroom/dossiers/new");
  return (
    <>
      <h1>New dossier</h1>
      <p>A new dossier is a draft: readers see nothing until an editor publishes it.</p>
      <ActionForm action={createDossierAction} constraints={formConstraints(CreateDossierSchema)} submitLabel="Create the dossier" pendingLabel="Creating…" label="New dossier">
        <TextField name="title" label="Title" required />
        <TextField name="slug" label="Web address" hint="The end of the reader's address: /dossiers/… Leave empty to make one from the title. It cannot be changed later." placeholder="e.g. harbour-contract" />
        <TextArea name="summary" label="Summary" hint="One or two sentences readers see under the title." />
        <SelectField name="language" label="Language of the content" options={LANGUAGE_OPTIONS} defaultValue="fr" required />
      </ActionForm>
    </>
  );
}
