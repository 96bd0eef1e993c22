import type { Metadata } from "next";
import Link from "next/link";
import { createSourceAction } from "@/app/(newsroom)/_actions/records";
import { ActionForm } from "@/components/newsroom/action-form";
import { Hidden } from "@/components/newsroom/fields";
import { label, RELIABILITY_LABELS, SOURCE_KIND_LABELS } from "@/components/newsroom/labels";
import { edtfWords } from "@/components/newsroom/edtf-words";
import { SourceFields } from "@/components/newsroom/source-fields";
import { loadWorkspace } from "../workspace";
import { DocumentUpload } from "@/components/newsroom/document-upload";
import { sizeInWords } from "@/lib/domain/archive";
import { uploadMaxBytes } from "@/lib/server/capture/settings";
import { formConstraints } from "@/lib/schemas/constraints";
import { CreateSourceSchema } from "@/lib/schemas/sources";

export const metadata: Metadata = { title: "Sources" };

type Props = { params: Promise<{ slug: string }> };

export default async function SourcesPage({ params }: Props) {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/sources`);
  const { dossier } = workspace;
  const base = `/newsroom/dossiers/${dossier.slug}`;
  return (
    <>
      <h1>Sources</h1>
      {workspace.sources.length === 0 ? (
        <p className="empty">No source yet.</p>
      ) : (
        <ol className="record-list">
          {workspace.sources.map((s) => (
            <li key={s.id} className="record">
              <p>
                <Link href={`${base}/sources/${s.id}`}>
                  <strong>{s.label}</strong>
                </Link>{" "}
                {s.confidential ? <span className="tag tag--confidential">Confidential</span> : null}
              </p>
              <p className="meta">
                {label(SOURCE_KIND_LABELS, s.kind)} · reliability {label(RELIABILITY_LABELS, s.reliability).toLowerCase()}
                {s.date ? ` · ${edtfWords(s.date)}` : ""} · cited {s.usage.evidence} time{s.usage.evidence === 1 ? "" : "s"}
              </p>
              {/* A withheld source is already named by what readers see. */}
              {s.confidential && !s.withheld ? <p className="meta">Readers see: “{s.publicDescription}”</p> : null}
            </li>
          ))}
        </ol>
      )}
      {workspace.can.editSources ? (
        <section aria-labelledby="new-source">
          <h2 id="new-source">Add a source</h2>
          <ActionForm action={createSourceAction} constraints={formConstraints(CreateSourceSchema)} submitLabel="Add the source" successMessage="Source added." resetOnSuccess label="Add a source">
            <Hidden name="dossierId" value={dossier.id} />
            <SourceFields viewConfidential={workspace.can.viewConfidential} />
          </ActionForm>
        </section>
      ) : null}
      {workspace.can.editSources ? (
        <section aria-labelledby="upload-source">
          <h2 id="upload-source">Add a document as a source</h2>
          <p className="meta">A registry extract, a decree, a photo: the file becomes a new source, public or confidential.</p>
          <DocumentUpload dossierId={dossier.id} maxLabel={sizeInWords(uploadMaxBytes())} newSourceBase={`${base}/sources/`} />
        </section>
      ) : null}
    </>
  );
}
