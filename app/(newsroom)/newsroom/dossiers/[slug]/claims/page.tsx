import type { Metadata } from "next";
import Link from "next/link";
import { VerdictBadge } from "@/components/verdict-badge";
import { loadWorkspace } from "../workspace";

export const metadata: Metadata = { title: "Claims" };

type Props = { params: Promise<{ slug: string }> };

export default async function ClaimsPage({ params }: Props) {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/claims`);
  const { dossier } = workspace;
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const orphaned = workspace.claims.filter((c) => c.anchorStatus === "orphaned");
  const anchored = workspace.claims.filter((c) => c.anchorStatus !== "orphaned");
  return (
    <>
      <h1>Claims</h1>
      {orphaned.length > 0 ? (
        <section className="alert alert--warning orphans" aria-labelledby="orphans-heading">
          <h2 id="orphans-heading">
            {orphaned.length === 1 ? "1 claim lost its passage" : `${orphaned.length} claims lost their passage`} (orphaned)
          </h2>
          <p>The article no longer contains the words these claims were anchored to. They are kept, with their evidence and history, but readers do not see them until they are re-attached to a passage.</p>
          <ul className="orphans__list">
            {orphaned.map((c) => (
              <li key={c.id} className="orphan">
                <p className="claim__text" lang={dossier.language}>
                  <Link href={`${base}/claims/${c.id}`}>{c.text}</Link>
                </p>
                <p className="meta">
                  Last passage: “<span lang={dossier.language}>{c.anchorExact}</span>”
                </p>
                <Link href={`${base}/article?reattach=${c.id}`} className="button button--small">
                  Re-attach to a passage
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>In the order of the article</h2>
      {anchored.length === 0 ? (
        <p className="empty">
          No claim yet. <Link href={`${base}/article`}>Select a passage in the article</Link> to make one.
        </p>
      ) : (
        <ol className="claim-table">
          {anchored.map((c) => (
            <li key={c.id} className="claim-row">
              <p className="claim__text" lang={dossier.language}>
                <Link href={`${base}/claims/${c.id}`}>{c.text}</Link>
              </p>
              <p className="meta">
                <VerdictBadge verdict={c.verdict} /> {c.reviewState === "proposed" ? <span className="tag">Proposal pending</span> : null}
                {c.hedged ? <span className="tag">Hedged / attributed</span> : null} · {c.evidenceCount} piece{c.evidenceCount === 1 ? "" : "s"} of evidence
                {c.assigneeName ? ` · checked by ${c.assigneeName}` : ""}
              </p>
              <p className="meta">
                Passage: “<span lang={dossier.language}>{c.anchorExact}</span>”
              </p>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link href={`${base}/article`}>Make a claim from the article</Link>
      </p>
    </>
  );
}
