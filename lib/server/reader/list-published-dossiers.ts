import "server-only";
import { db } from "../db";

export interface PublishedDossierSummary {
  slug: string;
  title: string;
  summary: string;
  language: string;
  publishedAt: string | null;
  /** When the latest published version was published (equal to the first publication until an update). */
  updatedAt: string;
  version: number;
  claimCount: number;
}

/** What anyone may see: published dossiers as their latest published version shows them. */
export async function listPublishedDossiers(): Promise<PublishedDossierSummary[]> {
  const rows = await db.dossier.findMany({
    where: { status: "published", versions: { some: {} } },
    orderBy: [{ publishedAt: "desc" }, { title: "asc" }],
    select: {
      slug: true,
      publishedAt: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, title: true, summary: true, language: true, claimCount: true, createdAt: true } },
    },
  });
  return rows.flatMap((r) => {
    const v = r.versions[0];
    if (!v) return [];
    return [{ slug: r.slug, title: v.title, summary: v.summary, language: v.language, publishedAt: r.publishedAt?.toISOString() ?? null, updatedAt: v.createdAt.toISOString(), version: v.number, claimCount: v.claimCount }];
  });
}
