import type { Metadata } from "next";
import Link from "next/link";
import { restoreDossierAction } from "@/app/(newsroom)/_actions/dossiers";
import { ConfirmButton } from "@/components/newsroom/confirm-button";
import { formatDate, formatDateTime, plural } from "@/components/newsroom/labels";
import { load, loadForPage, requireNewsroomActor } from "@/lib/http/page";
import { listArchivedDossiers } from "@/lib/server/dossiers/list-archived-dossiers";
import { getNewsroomHeader } from "@/lib/server/users/get-newsroom-header";

export const metadata: Metadata = { title: "Archived dossiers" };

export default async function ArchivePage() {
  const actor = await requireNewsroomActor("/newsroom/archive");
  const result = await loadForPage(() => listArchivedDossiers(actor));
  if (!result.ok) {
    return (
      <>
        <h1>Archived dossiers</h1>
        <p role="alert" className="alert alert--error">
          {result.reason} Archived dossiers are listed for editors and admins.
        </p>
      </>
    );
  }
  const canRestore = (await load(() => getNewsroomHeader(actor))).can.restoreDossiers;
  return (
    <>
      <h1>Archived dossiers</h1>
      <p className="meta">
        A dossier that holds a fact-check record is archived, never deleted: its article and revisions, claims with their verdict history, sources, proposals and publication
        record are all kept, out of the newsroom&apos;s lists and the desk, and readers never see it.{" "}
        {canRestore ? "Restoring brings it back as a draft; publishing it again goes through the publish gate." : "Only an admin can restore one."}
      </p>
      {result.data.length === 0 ? (
        <p className="empty">No archived dossier.</p>
      ) : (
        <ul className="record-list">
          {result.data.map((d) => (
            <li key={d.id} className="record">
              <h2 className="record__title" lang={d.language}>
                {d.title}
              </h2>
              <p className="meta">
                /dossiers/{d.slug} · archived {formatDateTime(d.archivedAt)}
                {d.archivedBy ? ` by ${d.archivedBy}` : ""}
                {d.firstPublishedAt ? ` · first published ${formatDate(d.firstPublishedAt)}` : " · never published"}
              </p>
              {d.reason ? <p>Why: “{d.reason}”</p> : null}
              <p className="meta">
                Kept: {plural(d.counts.revisions, "revision")} of the article, {plural(d.counts.claims, "claim")}, {plural(d.counts.verdictChanges, "verdict change")},{" "}
                {plural(d.counts.sources, "source")}.
              </p>
              {canRestore ? (
                <ConfirmButton
                  action={restoreDossierAction}
                  payload={{ dossierId: d.id }}
                  buttonLabel={`Restore “${d.title}”…`}
                  title={`Restore “${d.title}”?`}
                  description="It comes back to the dossier list as a draft, with everything it held. Readers still do not see it until an editor publishes it again."
                  confirmLabel="Restore"
                  pendingLabel="Restoring…"
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/newsroom">Back to the dossiers</Link>
      </p>
    </>
  );
}
