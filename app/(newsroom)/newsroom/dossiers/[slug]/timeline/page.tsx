import type { Metadata } from "next";
import Link from "next/link";
import { createEventAction } from "@/app/(newsroom)/_actions/records";
import { ActionForm } from "@/components/newsroom/action-form";
import { Hidden } from "@/components/newsroom/fields";
import { CERTAINTY_LABELS, label, plural } from "@/components/newsroom/labels";
import { edtfWords } from "@/components/newsroom/edtf-words";
import { EventFields } from "@/components/newsroom/record-fields";
import { loadWorkspace, recordOptions } from "../workspace";
import { formConstraints } from "@/lib/schemas/constraints";
import { CreateEventSchema } from "@/lib/schemas/records";

export const metadata: Metadata = { title: "Timeline" };

type Props = { params: Promise<{ slug: string }> };

export default async function TimelinePage({ params }: Props) {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/timeline`);
  const { dossier } = workspace;
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const { claims, sources } = recordOptions(workspace);
  return (
    <>
      <h1>Timeline</h1>
      <p className="meta">Events in order of their earliest possible date. Dates keep their real precision (EDTF).</p>
      {workspace.events.length === 0 ? (
        <p className="empty">No event yet.</p>
      ) : (
        <ol className="record-list timeline">
          {workspace.events.map((e) => (
            <li key={e.id} className="record">
              <p>
                <span>{edtfWords(e.date)}</span> <code className="edtf">{e.date}</code> <Link href={`${base}/timeline/${e.id}`} lang={dossier.language}>{e.title}</Link>
              </p>
              <p className="meta">
                {label(CERTAINTY_LABELS, e.certainty)} · {plural(e.claimIds.length, "claim")} · {plural(e.sourceIds.length, "source")}
              </p>
            </li>
          ))}
        </ol>
      )}
      <section aria-labelledby="new-event">
        <h2 id="new-event">Add an event</h2>
        <ActionForm action={createEventAction} constraints={formConstraints(CreateEventSchema)} submitLabel="Add the event" successMessage="Event added." resetOnSuccess label="Add an event">
          <Hidden name="dossierId" value={dossier.id} />
          <EventFields claims={claims} sources={sources} language={dossier.language} />
        </ActionForm>
      </section>
    </>
  );
}
