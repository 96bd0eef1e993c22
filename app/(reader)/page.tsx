import Link from "next/link";
import { listPublishedDossiers } from "@/lib/server/reader/list-published-dossiers";

// Served from the cache; publishing or unpublishing revalidates it.
export const revalidate = false;

export default async function HomePage() {
  const dossiers = await listPublishedDossiers();
  return (
    <>
      <h1>Published dossiers</h1>
      {dossiers.length === 0 ? (
        <p className="empty">No dossier has been published yet.</p>
      ) : (
        <ul className="dossier-list">
          {dossiers.map((d) => (
            <li key={d.slug}>
              <h2 lang={d.language}>
                <Link href={`/dossiers/${d.slug}`}>{d.title}</Link>
              </h2>
              <p lang={d.language}>{d.summary}</p>
              <p className="meta">
                {d.claimCount} claims
                {d.publishedAt ? ` · published ${new Date(d.publishedAt).toLocaleDateString("en-GB", { dateStyle: "long", timeZone: "UTC" })}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
