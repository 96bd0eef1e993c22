import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteEventAction, updateEventAction } from "@/app/(newsroom)/_actions/records";
import { ActionForm } from "@/components/newsroom/action-form";
import { DeleteButton } from "@/components/newsroom/delete-button";
import { Hidden } from "@/components/newsroom/fields";
import { EVENT_CONFLICT_FIELDS, EventFields } from "@/components/newsroom/record-fields";
import { loadWorkspace, recordOptions } from "../../workspace";
import { formConstraints } from "@/lib/schemas/constraints";
import { UpdateEventSchema } from "@/lib/schemas/records";

export const metadata: Metadata = { title: "Timeline event" };

type Props = { params: Promise<{ slug: string; eventId: string }> };

export default async function EventPage({ params }: Props) {
  const { slug, eventId } = await params;
  const { workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/timeline/${eventId}`);
  const { dossier } = workspace;
  const event = workspace.events.find((e) => e.id === eventId);
  if (!event) notFound();
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const { claims, sources } = recordOptions(workspace);
  return (
    <>
      <p className="meta">
        <Link href={`${base}/timeline`}>Timeline</Link> /
      </p>
      <h1 lang={dossier.language}>{event.title}</h1>
      <ActionForm action={updateEventAction} constraints={formConstraints(UpdateEventSchema)} submitLabel="Save the event" successMessage="Event saved." label="Edit the event" conflictFields={EVENT_CONFLICT_FIELDS}>
        <Hidden name="dossierId" value={dossier.id} />
        <Hidden name="eventId" value={event.id} />
        <Hidden name="version" value={event.version} />
        <EventFields values={event} claims={claims} sources={sources} language={dossier.language} />
      </ActionForm>
      <section className="danger-zone" aria-labelledby="danger-heading">
        <h2 id="danger-heading">Delete</h2>
        <DeleteButton action={deleteEventAction} payload={{ dossierId: dossier.id, eventId: event.id }} what={`the event “${event.title}”`} consequence="Its links to claims and sources are removed; the claims and sources stay." redirectTo={`${base}/timeline`} buttonLabel="Delete this event…" />
      </section>
    </>
  );
}
