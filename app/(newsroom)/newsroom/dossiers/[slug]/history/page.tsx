import type { Metadata } from "next";
import { restoreRevisionAction } from "@/app/(newsroom)/_actions/dossiers";
import { ConfirmButton } from "@/components/newsroom/confirm-button";
import { DiffView } from "@/components/newsroom/diff-view";
import { formatDateTime } from "@/components/newsroom/labels";
import { diffArticle } from "@/lib/domain/text-diff";
import { load, requireNewsroomActor } from "@/lib/http/page";
import { listRevisions } from "@/lib/server/dossiers/list-revisions";
import { loadWorkspace } from "../workspace";

export const metadata: Metadata = { title: "History" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const revisionNumber = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined);

export default async function HistoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const actor = await requireNewsroomActor(`/newsroom/dossiers/${slug}/history`);
  const { workspace } = await loadWorkspace(slug);
  const history = await load(() => listRevisions(actor, slug, { from: revisionNumber(query.from), to: revisionNumber(query.to) }));
  const latest = history.revisions[0]?.number;
  const comparison = history.comparison;
  const everPublished = workspace.dossier.publishedAt !== null;
  return (
    <>
      <h1>History of the article</h1>
      {history.revisions.length === 0 ? (
        <p className="empty">The article has not been saved yet.</p>
      ) : (
        <>
          {comparison ? (
            <section aria-labelledby="compare-heading">
              <h2 id="compare-heading">
                Compare revision {comparison.from.number} with revision {comparison.to.number}
              </h2>
              <form method="get" className="compare-form" aria-label="Choose two revisions to compare">
                <div className="field">
                  <label htmlFor="compare-from" className="field__label">
                    From
                  </label>
                  <select id="compare-from" name="from" defaultValue={comparison.from.number}>
                    {history.revisions.map((r) => (
                      <option key={r.number} value={r.number}>
                        Revision {r.number} — {formatDateTime(r.createdAt)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="compare-to" className="field__label">
                    To
                  </label>
                  <select id="compare-to" name="to" defaultValue={comparison.to.number}>
                    {history.revisions.map((r) => (
                      <option key={r.number} value={r.number}>
                        Revision {r.number} — {formatDateTime(r.createdAt)}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button">
                  Compare
                </button>
              </form>
              <DiffView diff={diffArticle(comparison.from.body, comparison.to.body)} fromLabel={`revision ${comparison.from.number}`} toLabel={`revision ${comparison.to.number}`} />
            </section>
          ) : null}
          <h2>Revisions</h2>
          <table className="table">
            <caption className="visually-hidden">Every saved revision, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Revision</th>
                <th scope="col">Saved</th>
                <th scope="col">By</th>
                <th scope="col">Note</th>
                <th scope="col">Length</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.revisions.map((r) => (
                <tr key={r.number}>
                  <th scope="row">{r.number}{r.number === latest ? " (current)" : ""}</th>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>{r.authorName ?? "import"}</td>
                  <td>{r.note ?? ""}</td>
                  <td>{r.length.toLocaleString("en")} characters</td>
                  <td>
                    {r.number !== latest ? (
                      <ConfirmButton
                        action={restoreRevisionAction}
                        // Confirming this dialog is confirming the orphans it warns about (a published dossier's).
                        payload={{ dossierId: history.dossier.id, version: history.dossier.version, number: r.number, confirmOrphans: everPublished ? "true" : "" }}
                        buttonLabel={`Restore revision ${r.number}…`}
                        title={`Restore revision ${r.number}?`}
                        description={`The article becomes the text of revision ${r.number} again, saved as a new revision: nothing in the history is lost. Claims are re-anchored to the restored text.${
                          everPublished
                            ? " A claim whose passage the restored text lacks is kept, flagged as orphaned (listed on the Overview and the desk); a claim whose passage's words differ needs a re-check. Readers keep the published version until an editor publishes an update."
                            : ""
                        }`}
                        confirmLabel="Restore"
                        pendingLabel="Restoring…"
                        doneMessage={`Revision ${r.number} restored as a new revision.`}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
