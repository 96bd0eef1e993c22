import type { Metadata } from "next";
import Link from "next/link";
import { DossierName } from "@/components/newsroom/dossier-name";
import { formatDateTime, label, LANGUAGE_LABELS } from "@/components/newsroom/labels";
import { sharedTitles } from "@/lib/domain/dossier-names";
import { load, requireNewsroomActor } from "@/lib/http/page";
import { listArchivedDossiers } from "@/lib/server/dossiers/list-archived-dossiers";
import { listDossiers } from "@/lib/server/dossiers/list-dossiers";
import { getNewsroomHeader } from "@/lib/server/users/get-newsroom-header";

export const metadata: Metadata = { title: "Dossiers" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewsroomHome({ searchParams }: Props) {
  const actor = await requireNewsroomActor("/newsroom");
  const dossiers = await load(() => listDossiers(actor));
  const { can } = await load(() => getNewsroomHeader(actor));
  const seesArchive = can.seeArchive;
  const archived = seesArchive ? await load(() => listArchivedDossiers(actor)) : [];
  // After "Archive" or "Delete" on a dossier's overview (deleteDossierAction's redirect): say what happened.
  const query = await searchParams;
  const justArchived = typeof query.archived === "string" ? archived.find((d) => d.slug === query.archived) : undefined;
  const justRestored = typeof query.restored === "string" ? dossiers.find((d) => d.slug === query.restored) : undefined;
  const shared = sharedTitles(dossiers);
  return (
    <>
      {justArchived ? (
        <p role="status" className="alert alert--success">
          “{justArchived.title}” was archived, with its whole record. {can.restoreDossiers ? "You can" : "An admin can"} restore it from{" "}
          <Link href="/newsroom/archive">Archived dossiers</Link>.
        </p>
      ) : null}
      {justRestored ? (
        <p role="status" className="alert alert--success">
          “{justRestored.title}” was restored from the archive, as a draft, with everything it held.
        </p>
      ) : null}
      {query.deleted === "1" ? (
        <p role="status" className="alert alert--success">
          The empty dossier was deleted.
        </p>
      ) : null}
      <div className="page-head">
        <h1>Dossiers</h1>
        <Link href="/newsroom/dossiers/new" className="button button--primary">
          New dossier
        </Link>
      </div>
      {dossiers.length === 0 ? (
        <p className="empty">No dossier yet. Start one with “New dossier”.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Dossiers, most recently changed first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Language</th>
              <th scope="col">Claims</th>
              <th scope="col">Open questions</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {dossiers.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <Link href={`/newsroom/dossiers/${d.slug}`}>
                    <DossierName dossier={d} shared={shared} />
                  </Link>
                </th>
                <td>
                  <span className={`status status--${d.status}`}>{d.status === "published" ? "Published" : "Draft"}</span>
                </td>
                <td>{label(LANGUAGE_LABELS, d.language)}</td>
                <td>
                  {d.claims}
                  {d.orphanedClaims > 0 ? <span className="warn"> ({d.orphanedClaims} lost their passage)</span> : null}
                </td>
                <td>{d.openQuestions}</td>
                <td>{formatDateTime(d.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {seesArchive ? (
        <p className="meta">
          <Link href="/newsroom/archive">Archived dossiers ({archived.length})</Link>: kept with their whole record, out of this list.
        </p>
      ) : null}
    </>
  );
}
