import "server-only";
import { db } from "../db";

export interface PublishedDossierSummary {
  slug: string;
  title: string;
  summary: string;
  language: string;
  publishedAt: string | null;
  claimCount: number;
}

/** What anyone may see: published dossiers only, public fields only (claims counted as readers see them). */
export async function listPublishedDossiers(): Promise<PublishedDossierSummary[]> {
  const rows = await db.dossier.findMany({
    where: { status: "published" },
    orderBy: [{ publishedAt: "desc" }, { title: "asc" }],
    select: { slug: true, title: true, summary: true, language: true, publishedAt: true, _count: { select: { claims: { where: { anchorStatus: "anchored" } } } } },
  });
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    language: r.language,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    claimCount: r._count.claims,
  }));
}
