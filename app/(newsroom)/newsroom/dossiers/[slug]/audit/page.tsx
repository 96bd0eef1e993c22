import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime, plural } from "@/components/newsroom/labels";
import { loadForPage, requireNewsroomActor } from "@/lib/http/page";
import { listDossierAudit } from "@/lib/server/dossiers/list-dossier-audit";

export const metadata: Metadata = { title: "Audit log" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string }> };

export default async function AuditPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { before } = await searchParams;
  const actor = await requireNewsroomActor(`/newsroom/dossiers/${slug}/audit`);
  const result = await loadForPage(() => listDossierAudit(actor, slug, { before: typeof before === "string" && before ? before : undefined }));
  if (!result.ok) {
    return (
      <>
        <h1>Audit log</h1>
        <p role="alert" className="alert alert--error">
          {result.reason} The audit log is open to editors and admins.
        </p>
      </>
    );
  }
  const page = result.data;
  return (
    <>
      <h1>Audit log</h1>
      <p className="meta">Every change to this dossier: who, what, when, and the record before and after. Entries are never edited or deleted.</p>
      {page.entries.length === 0 ? (
        <p className="empty">No change recorded.</p>
      ) : (
        <ol className="audit">
          {page.entries.map((e) => (
            <li key={e.id} className="audit__entry">
              <p>
                <strong>{e.action}</strong> <span className="meta">on {e.entityType}</span>
              </p>
              <p className="meta">
                {formatDateTime(e.createdAt)} · {e.actor}
              </p>
              <Changes before={e.before} after={e.after} />
            </li>
          ))}
        </ol>
      )}
      {page.nextCursor ? (
        <p>
          <Link href={`?before=${encodeURIComponent(page.nextCursor)}`}>Older entries</Link>
        </p>
      ) : null}
    </>
  );
}

const show = (value: unknown) => (value === undefined ? "—" : value === null || value === "" ? "(empty)" : typeof value === "string" ? value : JSON.stringify(value));

function Changes({ before, after }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => !["updatedAt", "createdAt"].includes(k) && (!before || !after || JSON.stringify(before[k]) !== JSON.stringify(after[k])),
  );
  if (keys.length === 0) return null;
  return (
    <details>
      <summary>{before && after ? `${plural(keys.length, "field")} changed` : before ? "Record before deletion" : "Record as created"}</summary>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Field</th>
            {before ? <th scope="col">Before</th> : null}
            {after ? <th scope="col">After</th> : null}
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              {before ? <td className="audit__value">{show(before[k])}</td> : null}
              {after ? <td className="audit__value">{show(after[k])}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
