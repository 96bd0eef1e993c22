import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteSourceAction, updateSourceAction } from "@/app/(newsroom)/_actions/records";
import { ActionForm } from "@/components/newsroom/action-form";
import { DeleteButton } from "@/components/newsroom/delete-button";
import { Hidden } from "@/components/newsroom/fields";
import { SourceFields } from "@/components/newsroom/source-fields";
import { loadWorkspace } from "../../workspace";
import { plural } from "@/components/newsroom/labels";
import { load } from "@/lib/http/page";
import { getSourceArchive } from "@/lib/server/archive/get-source-archive";
import { uploadMaxBytes } from "@/lib/server/capture/settings";
import { ArchiveSection } from "./archive-section";
import { Discussion } from "@/components/newsroom/discussion";
import { listComments } from "@/lib/server/comments/list-comments";
import { formConstraints } from "@/lib/schemas/constraints";
import { UpdateSourceSchema } from "@/lib/schemas/sources";

export const metadata: Metadata = { title: "Source" };

type Props = { params: Promise<{ slug: string; sourceId: string }> };

const SOURCE_CONFLICT_FIELDS = {
  kind: "Kind",
  title: "Title",
  url: "Web address",
  publisher: "Publisher",
  author: "Author",
  date: "Date",
  accessedAt: "Consulted on",
  reliability: "Reliability",
  confidential: "Confidential",
  publicDescription: "Public description",
  identity: "Identity",
  notes: "Internal notes",
};

export default async function SourcePage({ params }: Props) {
  const { slug, sourceId } = await params;
  const { actor, workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/sources/${sourceId}`);
  const { dossier } = workspace;
  const source = workspace.sources.find((s) => s.id === sourceId);
  if (!source) notFound();
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const citing = workspace.evidence.filter((e) => e.sourceId === source.id);
  const archive = await load(() => getSourceArchive(actor, { dossierId: dossier.id, sourceId: source.id }));
  // A confidential source's discussion is for the roles that may read its identity (docs/decisions/110).
  const discussion = source.withheld ? null : await load(() => listComments(actor, { targetType: "source", targetId: source.id }));
  return (
    <>
      <p className="meta">
        <Link href={`${base}/sources`}>All sources</Link> /
      </p>
      <h1>
        {source.label} {source.confidential ? <span className="tag tag--confidential">Confidential</span> : null}
      </h1>
      {source.withheld ? <p className="alert alert--info">This source is confidential: its title, identity and internal notes are visible to editors and admins only.</p> : null}
      {workspace.can.editSources ? (
        <ActionForm action={updateSourceAction} constraints={formConstraints(UpdateSourceSchema)} submitLabel="Save the source" successMessage="Source saved." label="Edit the source" conflictFields={SOURCE_CONFLICT_FIELDS}>
          <Hidden name="dossierId" value={dossier.id} />
          <Hidden name="sourceId" value={source.id} />
          <Hidden name="version" value={source.version} />
          <SourceFields values={source} viewConfidential={workspace.can.viewConfidential} />
        </ActionForm>
      ) : null}
      <ArchiveSection archive={archive} dossierId={dossier.id} base={base} uploadLimit={uploadMaxBytes()} />
      <h2>Cited as evidence</h2>
      {citing.length === 0 ? (
        <p className="empty">Not cited by any claim.</p>
      ) : (
        <ul>
          {citing.map((e) => {
            const claim = workspace.claims.find((c) => c.id === e.claimId);
            return (
              <li key={e.id}>
                <Link href={`${base}/claims/${e.claimId}`}>{claim?.text ?? "A claim"}</Link> ({e.stance})
              </li>
            );
          })}
        </ul>
      )}
      {discussion ? <Discussion discussion={discussion} subject="source" /> : null}
      {workspace.can.editSources ? (
        <section className="danger-zone" aria-labelledby="danger-heading">
          <h2 id="danger-heading">Delete</h2>
          <DeleteButton
            action={deleteSourceAction}
            payload={{ dossierId: dossier.id, sourceId: source.id }}
            what={`the source “${source.label}”`}
            consequence={
              citing.length
                ? `It is cited as evidence ${plural(citing.length, "time")}: remove that evidence first.`
                : "Quotes attributed to it keep their text but lose the link; timeline events lose the link."
            }
            redirectTo={`${base}/sources`}
            buttonLabel="Delete this source…"
          />
        </section>
      ) : null}
    </>
  );
}
