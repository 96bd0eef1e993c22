// One uploaded document: its record, a preview (an image inline; a PDF's text page by page, as
// text: the file itself is a download, so nothing in it runs on Dossier's pages) and the download.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { sizeInWords, UPLOAD_TYPES } from "@/lib/domain/archive";
import { load } from "@/lib/http/page";
import { getDocument } from "@/lib/server/archive/get-document";
import { loadWorkspace } from "../../../../workspace";

export const metadata: Metadata = { title: "Document" };

type Props = { params: Promise<{ slug: string; sourceId: string; documentId: string }> };

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC";

export default async function DocumentPage({ params }: Props) {
  const { slug, sourceId, documentId } = await params;
  const { actor, workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/sources/${sourceId}/documents/${documentId}`);
  const { dossier } = workspace;
  const detail = await load(() => getDocument(actor, { dossierId: dossier.id, documentId }));
  if (detail.source.id !== sourceId) notFound();
  const { document: doc } = detail;
  const type = UPLOAD_TYPES[doc.mediaType];
  const file = `/api/newsroom/files/document/${doc.id}/original`;
  return (
    <>
      <p className="meta">
        <Link href={`/newsroom/dossiers/${dossier.slug}/sources/${sourceId}`}>{detail.source.label}</Link> /
      </p>
      <h1>{doc.filename}</h1>
      {doc.readerCopy ? <p className="alert alert--info">Readers can download this document from the source list.</p> : null}
      <dl className="archive-record">
        <dt>Type (from its content)</dt>
        <dd>{type?.label ?? doc.mediaType} ({doc.mediaType})</dd>
        <dt>Size</dt>
        <dd>{sizeInWords(doc.size)}{doc.pageCount ? `, ${doc.pageCount} page${doc.pageCount === 1 ? "" : "s"}` : ""}</dd>
        <dt>SHA-256</dt>
        <dd><code className="hash hash--full">{doc.sha256}</code></dd>
        <dt>Uploaded</dt>
        <dd>{when(doc.createdAt)}{doc.uploadedBy ? ` by ${doc.uploadedBy}` : ""}</dd>
      </dl>
      <p>
        <a href={file} className="button button--small">{type?.inline ? "Open the file" : "Download the file"}</a>
      </p>
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        {type?.inline ? (
          <figure className="archive-screenshot">
            {/* eslint-disable-next-line @next/next/no-img-element -- a stored file, served as is */}
            <img src={file} alt={`The uploaded image ${doc.filename}`} />
          </figure>
        ) : null}
        {doc.textError ? <p className="alert alert--warning">{doc.textError}</p> : null}
        {detail.pages ? (
          detail.pages.map((page, i) => (
            <section key={i} className="archive-page" aria-label={`Page ${i + 1}`}>
              <h3>Page {i + 1}</h3>
              {page ? <div className="archive-text">{page.split("\n").map((p, k) => <p key={k}>{p}</p>)}</div> : <p className="empty">No text on this page.</p>}
            </section>
          ))
        ) : detail.text ? (
          <div className="archive-text">{detail.text.split("\n").map((p, k) => <p key={k}>{p}</p>)}</div>
        ) : !type?.inline && !doc.textError ? (
          <p className="empty">No text in this document.</p>
        ) : null}
      </section>
    </>
  );
}
