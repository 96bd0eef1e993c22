import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime, label, LANGUAGE_LABELS } from "@/components/newsroom/labels";
import { load, requireNewsroomActor } from "@/lib/http/page";
import { listDossiers } from "@/lib/server/dossiers/list-dossiers";

export const metadata: Metadata = { title: "Dossiers" };

export default async function NewsroomHome() {
  const actor = await requireNewsroomActor("/newsroom");
  const dossiers = await load(() => listDossiers(actor));
  return (
    <>
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
                  <Link href={`/newsroom/dossiers/${d.slug}`}>{d.title}</Link>
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
    </>
  );
}
