// The source page's record: "Archive now" and the progress of a running capture, the captures
// (newest first) and documents, and — for editors, on a public source — which of them readers see.
import Link from "next/link";
import { archiveSourceAction, setReaderCopyAction } from "@/app/(newsroom)/_actions/archive";
import { ActionForm } from "@/components/newsroom/action-form";
import { ArchiveProgress } from "@/components/newsroom/archive-progress";
import { ConfirmButton } from "@/components/newsroom/confirm-button";
import { DocumentUpload } from "@/components/newsroom/document-upload";
import { Hidden } from "@/components/newsroom/fields";
import { sizeInWords, UPLOAD_TYPES } from "@/lib/domain/archive";
import type { SourceArchive } from "@/lib/server/archive/get-source-archive";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC";

export function ArchiveSection({ archive, dossierId, base, uploadLimit }: { archive: SourceArchive; dossierId: string; base: string; uploadLimit: number }) {
  const { source } = archive;
  const active = archive.jobs.find((j) => j.status === "queued" || j.status === "running");
  const lastFailure = archive.jobs[0]?.status === "failed" ? archive.jobs[0] : null;
  const sourceBase = `${base}/sources/${source.id}`;
  return (
    <section aria-labelledby="record-heading" className="archive-section">
      <h2 id="record-heading">Archived record</h2>
      <p className="meta">
        What the newsroom saw, kept unchanged: captures of the web address (a WARC file, the readable text
        {archive.features.screenshots ? ", a screenshot" : ""}) and uploaded documents, each with its SHA-256.
        {source.confidential ? " This source is confidential: its captures and documents are never shown to readers or sent to other archives." : ""}
      </p>

      <h3>Captures of the web address</h3>
      {active ? <ArchiveProgress dossierId={dossierId} sourceId={source.id} initial={active} /> : null}
      {lastFailure && !active ? (
        <div className="alert alert--error" role="alert">
          <p>
            <strong>The last capture failed</strong> ({when(lastFailure.finishedAt ?? lastFailure.createdAt)}): {lastFailure.error} Nothing was stored.
          </p>
        </div>
      ) : null}
      {archive.can.archive && !active ? (
        <ActionForm action={archiveSourceAction} submitLabel={archive.captures.length ? "Archive again now" : "Archive now"} pendingLabel="Starting the capture…" label="Archive the web address">
          <Hidden name="dossierId" value={dossierId} />
          <Hidden name="sourceId" value={source.id} />
          <p className="meta">
            Captures <code>{source.url}</code> as it is now. Earlier captures are kept; the new one shows what changed.
          </p>
        </ActionForm>
      ) : null}
      {!source.url ? <p className="empty">This source has no web address to capture. Upload the document below instead.</p> : null}
      {archive.captures.length === 0 ? (
        source.url ? <p className="empty">Not captured yet.</p> : null
      ) : (
        <ol className="record-list" aria-label="Captures, newest first">
          {archive.captures.map((c, i) => (
            <li key={c.id} className="record">
              <p>
                <Link href={`${sourceBase}/captures/${c.id}`}>
                  <strong>Capture of {when(c.capturedAt)}</strong>
                </Link>
                {i === 0 ? <span className="tag">Latest</span> : null}
                {c.readerCopy ? <span className="tag tag--public">Shown to readers</span> : null}
              </p>
              <p className="meta">
                HTTP {c.httpStatus} · {c.contentType} · {c.finalUrl !== c.requestedUrl ? <>redirected to <code>{c.finalUrl}</code> · </> : null}
                WARC {sizeInWords(c.warcSize)} · SHA-256 <code className="hash" title={c.sha256}>{c.sha256.slice(0, 16)}…</code>
                {c.renderKind ? ` · ${c.renderKind === "pdf" ? "PDF" : "screenshot"}` : ""}
                {c.timestamped ? " · timestamped (RFC 3161)" : c.timestampError ? " · timestamp failed" : ""}
                {c.internetArchiveUrl ? " · also at the Internet Archive" : ""}
              </p>
              {archive.can.chooseReaderCopy ? (
                <div className="record__actions">
                  {c.readerCopy ? (
                    <ConfirmButton
                      action={setReaderCopyAction}
                      payload={{ dossierId, kind: "capture", recordId: c.id, shown: "false" }}
                      buttonLabel="Stop showing to readers"
                      title="Stop showing this capture to readers?"
                      description="Readers will see the live link only, without an archived copy."
                      confirmLabel="Stop showing it"
                      doneMessage="Readers no longer see this capture."
                    />
                  ) : (
                    <ConfirmButton
                      action={setReaderCopyAction}
                      payload={{ dossierId, kind: "capture", recordId: c.id, shown: "true" }}
                      buttonLabel="Show to readers"
                      title="Show this capture to readers?"
                      description="Once the dossier is published, readers see this archived copy (its text, screenshot and WARC file, with its date and SHA-256) next to the live link. It replaces any capture shown before."
                      confirmLabel="Show it to readers"
                      doneMessage="Readers will see this capture."
                    />
                  )}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}

      <h3>Documents</h3>
      {archive.documents.length === 0 ? (
        <p className="empty">No document uploaded.</p>
      ) : (
        <ul className="record-list" aria-label="Documents">
          {archive.documents.map((d) => (
            <li key={d.id} className="record">
              <p>
                <Link href={`${sourceBase}/documents/${d.id}`}>
                  <strong>{d.filename}</strong>
                </Link>
                {d.readerCopy ? <span className="tag tag--public">Shown to readers</span> : null}
              </p>
              <p className="meta">
                {UPLOAD_TYPES[d.mediaType]?.label ?? d.mediaType} · {sizeInWords(d.size)}
                {d.pageCount ? ` · ${d.pageCount} page${d.pageCount === 1 ? "" : "s"}` : ""} · uploaded {when(d.createdAt)}
                {d.uploadedBy ? ` by ${d.uploadedBy}` : ""} · SHA-256 <code className="hash" title={d.sha256}>{d.sha256.slice(0, 16)}…</code>
              </p>
              {d.textError ? <p className="meta">{d.textError}</p> : null}
              {archive.can.chooseReaderCopy ? (
                <div className="record__actions">
                  <ConfirmButton
                    action={setReaderCopyAction}
                    payload={{ dossierId, kind: "document", recordId: d.id, shown: d.readerCopy ? "false" : "true" }}
                    buttonLabel={d.readerCopy ? "Stop showing to readers" : "Show to readers"}
                    title={d.readerCopy ? "Stop showing this document to readers?" : "Show this document to readers?"}
                    description={d.readerCopy ? "Readers will no longer be able to download it." : "Once the dossier is published, readers can download this document, with its SHA-256, from the source list."}
                    confirmLabel={d.readerCopy ? "Stop showing it" : "Show it to readers"}
                    doneMessage={d.readerCopy ? "Readers no longer see this document." : "Readers will see this document."}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {archive.can.upload ? (
        <>
          <h3>Upload a document</h3>
          <DocumentUpload dossierId={dossierId} sourceId={source.id} maxLabel={sizeInWords(uploadLimit)} />
        </>
      ) : null}
    </section>
  );
}
