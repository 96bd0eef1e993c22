import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HastContent } from "@/components/markdown-content";
import { VerdictBadge } from "@/components/verdict-badge";
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { isAppError } from "@/lib/domain/errors";
import { renderArticleWithClaims } from "@/lib/markdown/claim-marks";
import { getPublishedDossier, type PublicDossier } from "@/lib/server/reader/get-published-dossier";

// Rendered on first request, then served from the cache until a change revalidates it.
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string): Promise<PublicDossier> {
  try {
    return await getPublishedDossier(slug);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const dossier = await load((await params).slug);
  return { title: dossier.title, description: dossier.summary };
}

export default async function DossierPage({ params }: Props) {
  const dossier = await load((await params).slug);
  const numbers = new Map(dossier.claims.map((c, i) => [c.id, i + 1]));
  const article = renderArticleWithClaims(dossier.body, dossier.claims, {
    locale: "en",
    vocabulary: verdictVocabulary(),
    claimHref: (id) => `#claim-${id}`,
    claimNumber: (id) => numbers.get(id) ?? 0,
  });
  return (
    <>
      <header className="dossier-header" lang={dossier.language}>
        <h1>{dossier.title}</h1>
        <p className="summary">{dossier.summary}</p>
      </header>
      <article className="article" lang={dossier.language} aria-label="Article">
        <HastContent tree={article.tree} />
      </article>
      <section aria-labelledby="claims-heading" className="claims">
        <h2 id="claims-heading">Claims and how we checked them</h2>
        <ol className="claim-list">
          {dossier.claims.map((claim) => (
            <li key={claim.id} id={`claim-${claim.id}`} className="claim">
              <p lang={dossier.language} className="claim__text">
                {claim.text}
              </p>
              <p>
                <VerdictBadge verdict={claim.verdict} />
              </p>
              {claim.verdictRationale ? (
                <p lang={dossier.language} className="claim__rationale">
                  {claim.verdictRationale}
                </p>
              ) : null}
              <Link href={`#claim-marker-${claim.id}`}>Show in the article</Link>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
