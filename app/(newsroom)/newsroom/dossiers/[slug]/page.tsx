import type { Metadata } from "next";
import Link from "next/link";
import { deleteDossierAction, updateDossierAction } from "@/app/(newsroom)/_actions/dossiers";
import { ActionForm } from "@/components/newsroom/action-form";
import { DeleteButton } from "@/components/newsroom/delete-button";
import { DialogForm } from "@/components/newsroom/dialog-form";
import { Hidden, SelectField, TextArea, TextField } from "@/components/newsroom/fields";
import { formatDateTime, LANGUAGE_OPTIONS, plural } from "@/components/newsroom/labels";
import { load } from "@/lib/http/page";
import { getVerificationProgress } from "@/lib/server/desk/get-verification-progress";
import { getPendingChanges } from "@/lib/server/publishing/get-pending-changes";
import { getPublishReadiness } from "@/lib/server/publishing/get-publish-readiness";
import { listPublicationEvents } from "@/lib/server/publishing/list-publication-events";
import { PublicationSection } from "./publication-section";
import { loadWorkspace } from "./workspace";
import { formConstraints } from "@/lib/schemas/constraints";
import { DeleteDossierSchema, UpdateDossierSchema } from "@/lib/schemas/dossier";

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
      {/* Ctrl/Cmd+S saves the details (components/newsroom/keyboard-shortcuts.tsx). */}
      <div data-shortcut-save>
        <ActionForm action={updateDossierAction} constraints={formConstraints(UpdateDossierSchema)} submitLabel="Save details" successMessage="Details saved." label="Dossier details" conflictFields={{ title: "Title", summary: "Summary", language: "Language" }}>
          <Hidden name="dossierId" value={dossier.id} />
          <Hidden name="version" value={dossier.version} />
          <TextField name="title" label="Title" defaultValue={dossier.title} lang={dossier.language} required />
          <TextArea name="summary" label="Summary" defaultValue={dossier.summary} lang={dossier.language} />
          <SelectField name="language" label="Language of the content" options={LANGUAGE_OPTIONS} defaultValue={dossier.language} required />
          <p className="meta">Web address: /dossiers/{dossier.slug} (fixed)</p>
        </ActionForm>
      </div>
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
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <p>
          The whole dossier as files, in Dossier&apos;s content format: the article, claims with their verdict history and corrections, evidence, sources, quotes,
          questions, the timeline, every published version and the update log, and the stored captures and documents. An admin can import it into another
          installation (docs/content-format.md, “Exports”).
        </p>
        <form method="get" action={`/api/newsroom/dossiers/${dossier.id}/export`} className="export-form">
          {workspace.can.viewConfidential ? (
            <p>
              <input type="checkbox" id="export-confidential" name="confidential" value="1" />{" "}
              <label htmlFor="export-confidential">Include confidential sources&apos; titles, identities and notes (the file is then marked CONFIDENTIAL)</label>
            </p>
          ) : (
            <p className="meta">Confidential sources are exported by their public description only.</p>
          )}
          <p>
            <input type="checkbox" id="export-files" name="files" value="0" /> <label htmlFor="export-files">Leave out the stored files (references only: a smaller download)</label>
          </p>
          <button type="submit" className="button">
            Download the export (.zip)
          </button>
        </form>
      </section>
      {workspace.removal ? (
        <section className="danger-zone" aria-labelledby="danger-heading">
          <h2 id="danger-heading">{workspace.removal.outcome === "archive" ? "Archive the dossier" : "Delete the dossier"}</h2>
          {dossier.status === "published" ? (
            <p>A published dossier cannot be {workspace.removal.outcome === "archive" ? "archived" : "deleted"}: unpublish it first.</p>
          ) : workspace.removal.outcome === "archive" ? (
            <>
              <p>
                Archiving takes the dossier out of the newsroom&apos;s lists and the desk; readers never see it. Nothing is erased: its fact-check record is kept as it is, and
                an admin can restore it.
              </p>
              <DialogForm
                action={deleteDossierAction} constraints={formConstraints(DeleteDossierSchema)}
                buttonLabel="Archive this dossier…"
                title={`Archive “${dossier.title}”?`}
                description={
                  <p>
                    It leaves the dossier list, the desk and every newsroom page at once, and readers never see it. <strong>Nothing is erased</strong>: its article (
                    {plural(workspace.removal.counts.revisions, "revision")}), {plural(workspace.removal.counts.claims, "claim")} with{" "}
                    {plural(workspace.removal.counts.verdictChanges, "verdict change")}, {plural(workspace.removal.counts.sources, "source")} and everything else are kept. An
                    admin can restore it from Archived dossiers.
                  </p>
                }
                submitLabel="Archive"
                pendingLabel="Archiving…"
                doneMessage="Archived."
                danger
              >
                <Hidden name="dossierId" value={dossier.id} />
                <TextArea name="reason" label="Why (optional, kept with the archived dossier)" />
              </DialogForm>
            </>
          ) : (
            <DeleteButton
              action={deleteDossierAction}
              payload={{ dossierId: dossier.id }}
              what={`the dossier “${dossier.title}”`}
              consequence="It holds nothing yet (no article saved, no record, never published), so it is deleted for good. The audit log keeps a note of it."
              buttonLabel="Delete this dossier…"
            />
          )}
        </section>
      ) : null}
    </>
  );
}
