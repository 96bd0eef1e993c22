import "server-only";
// The reader's view of a dossier: everything any reader page, the JSON API and the JSON-LD show.
// Visibility rules live here and only here (docs/reader-visibility.md):
// - published dossiers only; a draft is NOT_FOUND, exactly like a dossier that does not exist;
// - claims whose passage left the article (orphaned) are a newsroom problem, not reader content;
// - a confidential source is its public description and nothing else (no title, kind, URL,
//   publisher, author, date, reliability, identity or notes), and a quote it gave is attributed
//   to that description, never to a name or a speaker label;
// - off-the-record quotes are never attributed to a named person;
// - internal fields are never selected: Source.identity/notes, Evidence.note, claim authors,
//   assignees and review state, verdict proposals, who decided a verdict, owners of questions,
//   dropped questions, drafts, revisions, audit entries, users and emails.
import { AppError } from "@/lib/domain/errors";
import { db } from "../db";

export type PublicSource =
  | {
      id: string;
      /** Citation number in the dossier, from 1. */
      number: number;
      confidential: false;
      kind: string;
      title: string;
      url: string | null;
      publisher: string | null;
      author: string | null;
      /** EDTF */
      date: string | null;
      /** YYYY-MM-DD: when the newsroom consulted it. */
      accessedAt: string | null;
      reliability: string;
    }
  | {
      id: string;
      number: number;
      confidential: true;
      /** What readers may know of it, e.g. "a person close to the company" (null: none written). */
      description: string | null;
    };

export interface PublicEvidence {
  id: string;
  sourceId: string;
  /** supports | contradicts | context */
  stance: string;
  excerpt: string;
}

export interface PublicVerdictChange {
  id: string;
  fromVerdict: string | null;
  toVerdict: string | null;
  rationale: string;
  /** Set when the change was made after publication: what readers are told about the correction. */
  correctionNote: string | null;
  /** A change decided after the dossier's publication. */
  isCorrection: boolean;
  decidedAt: string;
}

export interface PublicClaim {
  id: string;
  /** Position among the dossier's public claims, from 1 (article order). */
  number: number;
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
  evidence: PublicEvidence[];
  /** Every verdict the editors gave, oldest first. */
  history: PublicVerdictChange[];
}

export interface PublicQuote {
  id: string;
  text: string;
  language: string;
  /** Who is credited, as readers may see it (see the rules above); name null: an unnamed person. */
  speaker: { name: string | null; description: string | null; named: boolean };
  /** EDTF */
  date: string | null;
  context: string;
  sourceId: string | null;
  onRecord: boolean;
}

export interface PublicQuestion {
  id: string;
  text: string;
  status: "open" | "answered";
  answer: string | null;
  answeredAt: string | null;
  /** The public claim that answers it, if any. */
  answeringClaimId: string | null;
}

export interface PublicEvent {
  id: string;
  title: string;
  description: string;
  /** EDTF */
  date: string;
  sortStart: string;
  sortEnd: string;
  /** happened | reported | expected */
  certainty: string;
  claimIds: string[];
  sourceIds: string[];
}

export interface PublicCorrection {
  claimId: string;
  claimNumber: number;
  change: PublicVerdictChange;
}

export interface PublicDossier {
  id: string;
  slug: string;
  title: string;
  summary: string;
  /** BCP 47 language of the content. */
  language: string;
  publishedAt: string | null;
  /** Markdown; render it only through lib/markdown (raw HTML is dropped there). */
  body: string;
  claims: PublicClaim[];
  sources: PublicSource[];
  quotes: PublicQuote[];
  questions: PublicQuestion[];
  /** Chronological: earliest possible start first, then the narrower span. */
  events: PublicEvent[];
  /** Verdict changes after publication, newest first. */
  corrections: PublicCorrection[];
}

const PUBLIC_QUESTION_STATUSES = ["open", "answered"] as const;

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
      body: true,
      claims: {
        where: { anchorStatus: "anchored" },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
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
          history: {
            orderBy: { createdAt: "asc" },
            select: { id: true, fromVerdict: true, toVerdict: true, rationale: true, correctionNote: true, createdAt: true },
          },
        },
      },
      sources: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
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
      quotes: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          text: true,
          language: true,
          speakerLabel: true,
          date: true,
          context: true,
          onRecord: true,
          speaker: { select: { name: true, description: true } },
          source: { select: { id: true, confidential: true, publicDescription: true } },
        },
      },
      questions: {
        where: { status: { in: [...PUBLIC_QUESTION_STATUSES] } },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, text: true, status: true, answer: true, answeredAt: true, answeringClaimId: true },
      },
      events: {
        orderBy: [{ sortStart: "asc" }, { sortEnd: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          title: true,
          description: true,
          date: true,
          sortStart: true,
          sortEnd: true,
          certainty: true,
          claims: { select: { claimId: true } },
          sources: { select: { sourceId: true } },
        },
      },
    },
  });
  if (!dossier) throw new AppError("NOT_FOUND", `No published dossier "${slug}".`);

  const publishedAt = dossier.publishedAt;
  const claims: PublicClaim[] = dossier.claims.map((c, i) => ({
    id: c.id,
    number: i + 1,
    text: c.text,
    anchorExact: c.anchorExact,
    anchorPrefix: c.anchorPrefix,
    anchorSuffix: c.anchorSuffix,
    anchorStart: c.anchorStart,
    anchorEnd: c.anchorEnd,
    hedged: c.hedged,
    verdict: c.verdict,
    verdictRationale: c.verdict ? c.verdictRationale : null,
    verdictSetAt: c.verdict ? (c.verdictSetAt?.toISOString() ?? null) : null,
    evidence: c.evidence,
    history: c.history.map((h) => {
      const isCorrection = publishedAt !== null && h.createdAt > publishedAt;
      return {
        id: h.id,
        fromVerdict: h.fromVerdict,
        toVerdict: h.toVerdict,
        rationale: h.rationale,
        correctionNote: isCorrection ? h.correctionNote : null,
        isCorrection,
        decidedAt: h.createdAt.toISOString(),
      };
    }),
  }));
  const claimIds = new Set(claims.map((c) => c.id));
  const sources = dossier.sources.map((s, i) => toPublicSource(s, i + 1));
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  const corrections: PublicCorrection[] = claims
    .flatMap((c) => c.history.filter((h) => h.isCorrection).map((change) => ({ claimId: c.id, claimNumber: c.number, change })))
    .sort((a, b) => b.change.decidedAt.localeCompare(a.change.decidedAt));

  return {
    id: dossier.id,
    slug: dossier.slug,
    title: dossier.title,
    summary: dossier.summary,
    language: dossier.language,
    publishedAt: publishedAt?.toISOString() ?? null,
    body: dossier.body,
    claims,
    sources,
    quotes: dossier.quotes.map((q) => ({
      id: q.id,
      text: q.text,
      language: q.language,
      speaker: quoteSpeaker(q),
      date: q.date,
      context: q.context,
      sourceId: q.source && sourceById.has(q.source.id) ? q.source.id : null,
      onRecord: q.onRecord,
    })),
    questions: dossier.questions.map((q) => ({
      id: q.id,
      text: q.text,
      status: q.status === "answered" ? "answered" : "open",
      answer: q.status === "answered" ? q.answer : null,
      answeredAt: q.status === "answered" ? (q.answeredAt?.toISOString() ?? null) : null,
      answeringClaimId: q.status === "answered" && q.answeringClaimId && claimIds.has(q.answeringClaimId) ? q.answeringClaimId : null,
    })),
    events: dossier.events.map((e) => ({
      id: e.id,
      title: e.title,
      description: e.description,
      date: e.date,
      sortStart: e.sortStart,
      sortEnd: e.sortEnd,
      certainty: e.certainty,
      // Links to claims readers cannot see are dropped, not shown broken.
      claimIds: claims.filter((c) => e.claims.some((ec) => ec.claimId === c.id)).map((c) => c.id),
      sourceIds: sources.filter((s) => e.sources.some((es) => es.sourceId === s.id)).map((s) => s.id),
    })),
    corrections,
  };
}

type SourceRow = {
  id: string;
  kind: string;
  title: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  date: string | null;
  accessedAt: string | null;
  reliability: string;
  confidential: boolean;
  publicDescription: string | null;
};

function toPublicSource(s: SourceRow, number: number): PublicSource {
  if (s.confidential) {
    // Without a description readers are told only that it is confidential: never its title.
    return { id: s.id, number, confidential: true, description: s.publicDescription?.trim() || null };
  }
  return {
    id: s.id,
    number,
    confidential: false,
    kind: s.kind,
    title: s.title,
    url: s.url,
    publisher: s.publisher,
    author: s.author,
    date: s.date,
    accessedAt: s.accessedAt,
    reliability: s.reliability,
  };
}

function quoteSpeaker(q: {
  speakerLabel: string | null;
  onRecord: boolean;
  speaker: { name: string; description: string } | null;
  source: { confidential: boolean; publicDescription: string | null } | null;
}): PublicQuote["speaker"] {
  // A journalist may have typed a hint into the label of a confidential quote: only the source's
  // reviewed public description is safe to show.
  if (q.source?.confidential) return { name: q.source.publicDescription?.trim() || null, description: null, named: false };
  if (!q.onRecord) return { name: q.speakerLabel?.trim() || null, description: null, named: false };
  if (q.speaker) return { name: q.speaker.name, description: q.speaker.description || null, named: true };
  return { name: q.speakerLabel?.trim() || null, description: null, named: false };
}
