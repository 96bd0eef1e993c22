// One capture: its record (what was asked, what answered, hashes, tools, timestamp), its files,
// its readable text and what changed in that text since the previous capture. The archived HTML
// is never rendered here: the text is shown as text, the screenshot as an image.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiffView } from "@/components/newsroom/diff-view";
import { sizeInWords } from "@/lib/domain/archive";
import { load } from "@/lib/http/page";
import { getCapture } from "@/lib/server/archive/get-capture";
import { loadWorkspace } from "../../../../workspace";

export const metadata: Metadata = { title: "Capture" };

type Props = { params: Promise<{ slug: string; sourceId: string; captureId: string }> };

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "medium", timeZone: "UTC" }) + " UTC";

export default async function CapturePage({ params }: Props) {
  const { slug, sourceId, captureId } = await params;
  const { actor, workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/sources/${sourceId}/captures/${captureId}`);
  const { dossier } = workspace;
  const detail = await load(() => getCapture(actor, { dossierId: dossier.id, captureId }));
  if (detail.source.id !== sourceId) notFound();
  const { capture } = detail;
  const base = `/newsroom/dossiers/${dossier.slug}/sources/${sourceId}`;
  const files = `/api/newsroom/files/capture/${capture.id}`;
  return (
    <>
      <p className="meta">
        <Link href={`${base}`}>{detail.source.label}</Link> /
      </p>
      <h1>Capture of {when(capture.capturedAt)}</h1>
      {capture.readerCopy ? <p className="alert alert--info">Readers see this capture as the source’s archived copy{capture.readerCopyBy ? ` (chosen by ${capture.readerCopyBy})` : ""}.</p> : null}
      <dl className="archive-record">
        <dt>Address requested</dt>
        <dd><code>{capture.requestedUrl}</code></dd>
        <dt>Address after redirects</dt>
        <dd><code>{capture.finalUrl}</code></dd>
        <dt>HTTP status</dt>
        <dd>{capture.httpStatus} ({capture.contentType})</dd>
        {capture.pageTitle ? (
          <>
            <dt>Page title</dt>
            <dd>{capture.pageTitle}</dd>
          </>
        ) : null}
        <dt>SHA-256 of the WARC file</dt>
        <dd><code className="hash hash--full">{capture.sha256}</code> ({sizeInWords(capture.warcSize)})</dd>
        <dt>SHA-256 of the readable text</dt>
        <dd><code className="hash hash--full">{capture.textSha256}</code></dd>
        <dt>Trusted timestamp (RFC 3161)</dt>
        <dd>
          {capture.timestamped ? `${when(capture.timestampAt!)}, by ${capture.timestampAuthority}` : capture.timestampError ? `Failed: ${capture.timestampError}` : "None (no timestamp authority is configured)."}
        </dd>
        {capture.internetArchiveUrl || capture.internetArchiveError ? (
          <>
            <dt>Internet Archive</dt>
            <dd>
              {capture.internetArchiveUrl ? (
                <a href={capture.internetArchiveUrl} rel="noopener noreferrer nofollow">
                  {capture.internetArchiveUrl}
                </a>
              ) : (
                `Not saved: ${capture.internetArchiveError}`
              )}
            </dd>
          </>
        ) : null}
        <dt>Made with</dt>
        <dd>
          {Object.entries(capture.tools)
            .map(([tool, version]) => `${tool} ${version}`)
            .join(", ")}
          {capture.createdBy ? ` · requested by ${capture.createdBy}` : ""}
        </dd>
      </dl>
      <ul className="archive-links">
        <li>
          <a href={`${files}/warc`}>Download the WARC file</a>
        </li>
        {capture.renderSha256 ? (
          <li>
            <a href={`${files}/render`}>{capture.renderKind === "pdf" ? "Download the PDF of the page" : "Open the screenshot"}</a>
          </li>
        ) : null}
      </ul>
      {capture.renderKind === "screenshot" && capture.renderSha256 ? (
        <figure className="archive-screenshot">
          {/* eslint-disable-next-line @next/next/no-img-element -- a stored file, served as is */}
          <img src={`${files}/render`} alt={`Screenshot of ${capture.finalUrl} as captured`} loading="lazy" />
          <figcaption className="meta">Screenshot taken from the captured page (scripts off).</figcaption>
        </figure>
      ) : null}

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">What changed</h2>
        {detail.previous ? (
          <DiffView diff={detail.previous.diff} fromLabel={`the capture of ${when(detail.previous.capturedAt)}`} toLabel="this capture" />
        ) : (
          <p className="empty">This is the first capture of this source.</p>
        )}
        {detail.next ? (
          <p>
            A newer capture exists: <Link href={`${base}/captures/${detail.next.id}`}>capture of {when(detail.next.capturedAt)}</Link>.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="text-heading">
        <h2 id="text-heading">Readable text</h2>
        {detail.pages ? (
          detail.pages.map((page, i) => (
            <section key={i} className="archive-page" aria-label={`Page ${i + 1}`}>
              <h3>Page {i + 1}</h3>
              <div className="archive-text">{page.split("\n").map((p, k) => <p key={k}>{p}</p>)}</div>
            </section>
          ))
        ) : detail.text ? (
          <div className="archive-text">{detail.text.split("\n").map((p, k) => <p key={k}>{p}</p>)}</div>
        ) : (
          <p className="empty">The page had no readable text.</p>
        )}
      </section>
    </>
  );
}
