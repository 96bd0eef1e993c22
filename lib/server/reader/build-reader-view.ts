import "server-only";
// The reader's view of a dossier: everything any reader page, the JSON API and the JSON-LD show,
// built from the working copy's rows when an editor publishes (the published version freezes it).
// Visibility rules live here and only here (docs/reader-visibility.md):
// - claims whose passage left the article (orphaned) are a newsroom problem, not reader content;
// - a claim whose verdict needs a re-check (its words, passage or cited evidence changed since the
//   decision: lib/domain/recheck.ts) is shown as not yet checked;
// - a confidential source is its public description and nothing else (no title, kind, URL,
//   publisher, author, date, reliability, identity or notes), and a quote it gave is attributed
//   to that description, never to a name or a speaker label;
// - off-the-record quotes are never attributed to a named person;
// - internal fields are never selected: Source.identity/notes, Evidence.note, claim authors,
//   assignees and review state, verdict proposals, who decided a verdict, owners of questions,
//   dropped questions, drafts, revisions, audit entries, users and emails.
import { createHash } from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import type { PublicClaim, PublicCorrection, PublicQuote, PublicSource, ReaderView } from "@/lib/domain/published-version";
import { recheckOf } from "../claims/recheck";
import type { Tx } from "../db";

const PUBLIC_QUESTION_STATUSES = ["open", "answered"] as const;

/**
 * The dossier's working copy as readers would see it if it were published now: what publishing
 * freezes into a version (whatever the dossier's status), and what the newsroom compares with the
 * published version to show the changes not yet published.
 */
export async function buildReaderView(tx: Tx, dossierId: string): Promise<ReaderView> {
  const dossier = await tx.dossier.findUnique({
    where: { id: dossierId },
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
          anchorRevision: true,
          evidence: { orderBy: { createdAt: "asc" }, select: { id: true, sourceId: true, stance: true, excerpt: true } },
          history: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { id: true, kind: true, fromVerdict: true, toVerdict: true, rationale: true, correctionNote: true, checked: true, createdAt: true },
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
  if (!dossier) throw new AppError("NOT_FOUND", "This dossier does not exist (it may have been deleted).");

  const publishedAt = dossier.publishedAt;
  const claims: PublicClaim[] = dossier.claims.map((c, i) => {
    // A verdict is never shown next to words, a passage or evidence it did not check: until an
    // editor re-checks it, readers of this view see the claim as not yet checked (it only gets
    // here when an editor published over the gate, which names it).
    const shown = c.verdict !== null && recheckOf(c, false).length === 0 ? c.verdict : null;
    return {
      id: c.id,
      number: i + 1,
      text: c.text,
      anchorExact: c.anchorExact,
      anchorPrefix: c.anchorPrefix,
      anchorSuffix: c.anchorSuffix,
      anchorStart: c.anchorStart,
      anchorEnd: c.anchorEnd,
      hedged: c.hedged,
      verdict: shown,
      verdictRationale: shown ? c.verdictRationale : null,
      verdictSetAt: shown ? (c.verdictSetAt?.toISOString() ?? null) : null,
      evidence: c.evidence,
      updatedAt: null,
      history: c.history.map((h) => {
        // A re-check that kept the verdict and its rationale corrects nothing readers were told.
        const isCorrection = publishedAt !== null && h.createdAt > publishedAt && (h.kind !== "recheck" || h.correctionNote !== null);
        return {
          id: h.id,
          kind: h.kind === "recheck" ? ("recheck" as const) : ("verdict" as const),
          fromVerdict: h.fromVerdict,
          toVerdict: h.toVerdict,
          rationale: h.rationale,
          correctionNote: isCorrection ? h.correctionNote : null,
          isCorrection,
          decidedAt: h.createdAt.toISOString(),
        };
      }),
    };
  });
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

/**
 * The view's fingerprint: two views with the same hash show readers the same thing. The first
 * publication date is left out (publishing sets it), so the hash an editor reviewed before the
 * first publication still matches the view being published.
 */
export function viewHash(view: ReaderView): string {
  return createHash("sha256").update(JSON.stringify({ ...view, publishedAt: null, claims: view.claims.map((c) => ({ ...c, updatedAt: null })) })).digest("hex");
}
