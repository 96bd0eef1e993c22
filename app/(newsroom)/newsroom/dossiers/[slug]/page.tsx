import type { Metadata } from "next";
import Link from "next/link";
import { deleteDossierAction, updateDossierAction } from "@/app/(newsroom)/_actions/dossiers";
import { ActionForm } from "@/components/newsroom/action-form";
import { DeleteButton } from "@/components/newsroom/delete-button";
import { Hidden, SelectField, TextArea, TextField } from "@/components/newsroom/fields";
import { formatDateTime, LANGUAGE_OPTIONS, plural } from "@/components/newsroom/labels";
import { load } from "@/lib/http/page";
import { getVerificationProgress } from "@/lib/server/desk/get-verification-progress";
import { getPendingChanges } from "@/lib/server/publishing/get-pending-changes";
import { getPublishReadiness } from "@/lib/server/publishing/get-publish-readiness";
import { listPublicationEvents } from "@/lib/server/publishing/list-publication-events";
import { PublicationSection } from "./publication-section";
import { loadWorkspace } from "./workspace";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspace } = await loadWorkspace((await params).slug);
  return { title: workspace.dossier.title };
}

export default async function DossierOverview({ params }: Props) {
  const { slug } = await params;
  const { actor, workspace } = await loadWorkspace(slug);
  const { dossier } = workspace;
  const [readiness, pending, progress, publications] = await Promise.all([
    load(() => getPublishReadiness(actor, { dossierId: dossier.id })),
    load(() => getPendingChanges(actor, { dossierId: dossier.id })),
    load(() => getVerificationProgress(actor, { dossierId: dossier.id })),
    load(() => listPublicationEvents(actor, { dossierId: dossier.id })),
  ]);
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const orphaned = workspace.claims.filter((c) => c.anchorStatus === "orphaned");
  return (
    <>
      <h1>Overview</h1>
      {orphaned.length > 0 ? (
        <div className="alert alert--warning" role="note">
          <p>
            <strong>
              {orphaned.length === 1 ? "1 claim has" : `${orphaned.length} claims have`} lost {orphaned.length === 1 ? "its" : "their"} passage in the article.
            </strong>{" "}
            {dossier.status === "published"
              ? `Readers keep the published version; an update published before ${orphaned.length === 1 ? "it is" : "they are"} re-attached removes ${orphaned.length === 1 ? "it" : "them"} from the dossier (the public update log keeps ${orphaned.length === 1 ? "it" : "them"}).`
              : `Readers would not see ${orphaned.length === 1 ? "it" : "them"} until re-attached.`}
          </p>
          <p>
            <Link href={`${base}/claims`}>Review orphaned claims</Link>
          </p>
        </div>
      ) : null}
      <p className="meta">
        Created {formatDateTime(dossier.createdAt)} · last change {formatDateTime(dossier.updatedAt)} · version {dossier.version}
      </p>
      <PublicationSection
        readiness={readiness}
        pending={pending}
        progress={progress[0]}
        events={publications}
        canPublish={workspace.can.publish}
        canRequest={workspace.can.editDossier}
        language={dossier.language}
      />
      <h2>Details</h2>
      {workspace.can.editDossier ? (
        <ActionForm action={updateDossierAction} submitLabel="Save details" successMessage="Details saved." label="Dossier details" conflictFields={{ title: "Title", summary: "Summary", language: "Language" }}>
          <Hidden name="dossierId" value={dossier.id} />
          <Hidden name="version" value={dossier.version} />
          <TextField name="title" label="Title" defaultValue={dossier.title} lang={dossier.language} required />
          <TextArea name="summary" label="Summary" defaultValue={dossier.summary} lang={dossier.language} />
          <SelectField name="language" label="Language of the content" options={LANGUAGE_OPTIONS} defaultValue={dossier.language} required />
          <p className="meta">Web address: /dossiers/{dossier.slug} (fixed)</p>
        </ActionForm>
      ) : (
        <p>{dossier.summary}</p>
      )}
      <h2>What the dossier holds</h2>
      <ul className="counts">
        <li>
          <Link href={`${base}/claims`}>{workspace.claims.length} claims</Link>
        </li>
        <li>
          <Link href={`${base}/sources`}>{workspace.sources.length} sources</Link>
        </li>
        <li>
          <Link href={`${base}/quotes`}>{workspace.quotes.length} quotes</Link>
        </li>
        <li>
          <Link href={`${base}/entities`}>{workspace.entities.length} people and organisations</Link>
        </li>
        <li>
          <Link href={`${base}/questions`}>{workspace.questions.filter((q) => q.status === "open").length} open questions</Link>
        </li>
        <li>
          <Link href={`${base}/timeline`}>{workspace.events.length} timeline events</Link>
        </li>
      </ul>
      {workspace.can.deleteDossier ? (
        <section className="danger-zone" aria-labelledby="danger-heading">
          <h2 id="danger-heading">Delete the dossier</h2>
          {dossier.status === "published" ? (
            <p>A published dossier cannot be deleted: unpublish it first.</p>
          ) : (
            <DeleteButton
              action={deleteDossierAction}
              payload={{ dossierId: dossier.id }}
              what={`the dossier “${dossier.title}”`}
              consequence={`Its article, ${plural(workspace.claims.length, "claim")}, ${plural(workspace.sources.length, "source")} and everything else in it are deleted. The audit log keeps the record of it.`}
              redirectTo="/newsroom"
              buttonLabel="Delete this dossier…"
            />
          )}
        </section>
      ) : null}
    </>
  );
}
