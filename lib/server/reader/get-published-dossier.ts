import "server-only";
// The reader's view of a dossier. Visibility rules live here and only here: published dossiers
// only; a confidential source is represented by its public description alone; internal notes,
// identities, pending proposals and unreviewed verdict drafts are never selected.
import { AppError } from "@/lib/domain/errors";
import { db } from "../db";

export interface PublicSource {
  id: string;
  /** Citation number in the dossier, from 1. */
  number: number;
  kind: string;
  confidential: boolean;
  /** For a confidential source: its public description; never its title or identity. */
  title: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  date: string | null;
  accessedAt: string | null;
  reliability: string;
}

export interface PublicClaim {
  id: string;
  text: string;
  anchorExact: string;
  anchorPrefix: string;
  anchorSuffix: string;
  anchorStart: number | null;
  anchorEnd: number | null;
  hedged: boolean;
  /** null: not yet checked. */
  verdict: string | null;
  verdictRationale: string | null;
  verdictSetAt: string | null;
  evidence: { id: string; sourceId: string; stance: string; excerpt: string }[];
}

export interface PublicDossier {
  id: string;
  slug: string;
  title: string;
  summary: string;
  language: string;
  publishedAt: string | null;
  updatedAt: string;
  body: string;
  claims: PublicClaim[];
  sources: PublicSource[];
}

export async function getPublishedDossier(slug: string): Promise<PublicDossier> {
  const dossier = await db.dossier.findFirst({
    where: { slug, status: "published" },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      language: true,
      publishedAt: true,
      updatedAt: true,
      body: true,
      claims: {
        // Claims whose passage vanished from the article are a newsroom problem, not reader content.
        where: { anchorStatus: "anchored" },
        orderBy: { position: "asc" },
        select: {
          id: true,
          text: true,
          anchorExact: true,
          anchorPrefix: true,
          anchorSuffix: true,
          anchorStart: true,
          anchorEnd: true,
          hedged: true,
          verdict: true,
          verdictRationale: true,
          verdictSetAt: true,
          evidence: { orderBy: { createdAt: "asc" }, select: { id: true, sourceId: true, stance: true, excerpt: true } },
        },
      },
      sources: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          kind: true,
          title: true,
          url: true,
          publisher: true,
          author: true,
          date: true,
          accessedAt: true,
          reliability: true,
          confidential: true,
          publicDescription: true,
        },
      },
    },
  });
  if (!dossier) throw new AppError("NOT_FOUND", `No published dossier "${slug}".`);

  return {
    id: dossier.id,
    slug: dossier.slug,
    title: dossier.title,
    summary: dossier.summary,
    language: dossier.language,
    publishedAt: dossier.publishedAt?.toISOString() ?? null,
    updatedAt: dossier.updatedAt.toISOString(),
    body: dossier.body,
    claims: dossier.claims.map((c) => ({ ...c, verdictSetAt: c.verdictSetAt?.toISOString() ?? null })),
    sources: dossier.sources.map((s, i) => toPublicSource(s, i + 1)),
  };
}

function toPublicSource(
  s: { id: string; kind: string; title: string; url: string | null; publisher: string | null; author: string | null; date: string | null; accessedAt: string | null; reliability: string; confidential: boolean; publicDescription: string | null },
  number: number,
): PublicSource {
  if (s.confidential) {
    // Everything that could identify the source is withheld, not just the name.
    return {
      id: s.id,
      number,
      kind: "confidential",
      confidential: true,
      title: s.publicDescription ?? "Confidential source",
      url: null,
      publisher: null,
      author: null,
      date: null,
      accessedAt: null,
      reliability: s.reliability,
    };
  }
  const { publicDescription: _omit, ...rest } = s;
  return { ...rest, number };
}
