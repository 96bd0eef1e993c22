import "server-only";
// What the newsroom's use cases return: plain, serialisable view objects built from explicit
// selects (never whole rows). A view's editable fields carry the same names as the input schema's
// fields, so a conflict can be compared field by field.
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "../actor";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

// ── Dossier ──
export const dossierSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  language: true,
  status: true,
  publishedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.DossierSelect;

export interface DossierView {
  id: string;
  slug: string;
  title: string;
  summary: string;
  language: string;
  status: string;
  publishedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const toDossierView = (d: Prisma.DossierGetPayload<{ select: typeof dossierSelect }>): DossierView => ({
  ...d,
  publishedAt: iso(d.publishedAt),
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

// ── Claim ──
export const claimSelect = {
  id: true,
  text: true,
  hedged: true,
  anchorExact: true,
  anchorPrefix: true,
  anchorSuffix: true,
  anchorStart: true,
  anchorEnd: true,
  anchorStatus: true,
  verdict: true,
  reviewState: true,
  position: true,
  version: true,
  updatedAt: true,
  author: { select: { name: true } },
  assignee: { select: { id: true, name: true } },
  _count: { select: { evidence: true } },
} satisfies Prisma.ClaimSelect;

export interface ClaimView {
  id: string;
  text: string;
  hedged: boolean;
  anchorExact: string;
  anchorPrefix: string;
  anchorSuffix: string;
  anchorStart: number | null;
  anchorEnd: number | null;
  anchorStatus: string;
  /** Read-only here: verdicts are set on the fact-check desk. */
  verdict: string | null;
  reviewState: string;
  position: number;
  version: number;
  updatedAt: string;
  authorName: string | null;
  /** Who checks it at the desk (the desk filters by it); null: nobody yet. */
  assigneeId: string | null;
  assigneeName: string | null;
  evidenceCount: number;
}

export const toClaimView = (c: Prisma.ClaimGetPayload<{ select: typeof claimSelect }>): ClaimView => {
  const { author, assignee, _count, updatedAt, ...rest } = c;
  return {
    ...rest,
    updatedAt: updatedAt.toISOString(),
    authorName: author?.name ?? null,
    assigneeId: assignee?.id ?? null,
    assigneeName: assignee?.name ?? null,
    evidenceCount: _count.evidence,
  };
};

// ── How the newsroom names a source ──
/**
 * A confidential source's title is withheld, like its identity and notes, from roles without
 * source:view-confidential: journalists title sources the way they think of them ("former
 * accountant of Nordmarine"), which often says who the person is. Those roles know a
 * confidential source by its public description, everywhere in the newsroom.
 */
export const sourceNameSelect = { title: true, confidential: true, publicDescription: true } satisfies Prisma.SourceSelect;

export function sourceLabel(actor: Actor, s: { title: string; confidential: boolean; publicDescription: string | null }): string {
  if (!s.confidential || can(actor, "source:view-confidential")) return s.title;
  return s.publicDescription?.trim() || "Confidential source";
}

// ── Evidence ──
export const evidenceSelect = {
  id: true,
  claimId: true,
  sourceId: true,
  stance: true,
  excerpt: true,
  note: true,
  version: true,
  updatedAt: true,
  source: { select: sourceNameSelect },
} satisfies Prisma.EvidenceSelect;

export interface EvidenceView {
  id: string;
  claimId: string;
  sourceId: string;
  /** How this actor may name the source (sourceLabel). */
  sourceLabel: string;
  sourceConfidential: boolean;
  stance: string;
  excerpt: string;
  note: string | null;
  version: number;
  updatedAt: string;
}

export const toEvidenceView = (actor: Actor, e: Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>): EvidenceView => {
  const { source, updatedAt, ...rest } = e;
  return { ...rest, sourceLabel: sourceLabel(actor, source), sourceConfidential: source.confidential, updatedAt: updatedAt.toISOString() };
};

// ── Source ──
/** Everything but the confidential fields, which are selected only for roles allowed to see them. */
export const sourceSelect = {
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
  position: true,
  version: true,
  updatedAt: true,
  _count: { select: { evidence: true, quotes: true, events: true } },
} satisfies Prisma.SourceSelect;

export const confidentialSourceSelect = { identity: true, notes: true } satisfies Prisma.SourceSelect;

/** The select for this actor: identity only with source:view-confidential (see toSourceView). */
export function sourceSelectFor(actor: Actor) {
  return can(actor, "source:view-confidential") ? { ...sourceSelect, ...confidentialSourceSelect } : { ...sourceSelect, notes: true };
}

export interface SourceView {
  id: string;
  kind: string;
  /** What to call the source on a page (sourceLabel): its title, unless withheld. */
  label: string;
  /** null when withheld from this actor (see `withheld`). */
  title: string | null;
  url: string | null;
  publisher: string | null;
  author: string | null;
  date: string | null;
  accessedAt: string | null;
  reliability: string;
  confidential: boolean;
  publicDescription: string | null;
  /** null when empty, or when withheld from this actor (see `withheld`). */
  identity: string | null;
  notes: string | null;
  /** True for a confidential source whose title, identity and notes this actor's role may not see. */
  withheld: boolean;
  position: number;
  version: number;
  updatedAt: string;
  usage: { evidence: number; quotes: number; events: number };
}

type SourceRow = Prisma.SourceGetPayload<{ select: typeof sourceSelect }> & { identity?: string | null; notes?: string | null };

/**
 * A confidential source's title, identity and notes reach only roles with
 * source:view-confidential. (For roles without it, `sourceSelectFor` does not even read the
 * identity; title and notes are read so a non-confidential source keeps them, and dropped here
 * when the source is confidential.)
 */
export function toSourceView(actor: Actor, s: SourceRow): SourceView {
  const { _count, updatedAt, identity, notes, title, ...rest } = s;
  const allowed = can(actor, "source:view-confidential");
  const hide = s.confidential && !allowed;
  return {
    ...rest,
    label: sourceLabel(actor, s),
    title: hide ? null : title,
    identity: allowed ? (identity ?? null) : null,
    notes: hide ? null : (notes ?? null),
    withheld: hide,
    updatedAt: updatedAt.toISOString(),
    usage: { evidence: _count.evidence, quotes: _count.quotes, events: _count.events },
  };
}

/** A source row without its counters and timestamp, for audit snapshots. */
export function stripCounts<T extends { _count: unknown; updatedAt: Date }>(row: T): Omit<T, "_count" | "updatedAt"> {
  const { _count: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/** Audit snapshots never copy a confidential source's identity or notes into another table. */
export function sourceAuditSnapshot(s: { confidential: boolean; identity?: string | null; notes?: string | null } & Record<string, unknown>) {
  const { identity, notes, ...rest } = s;
  if (!s.confidential) return { ...rest, identity: identity ?? null, notes: notes ?? null };
  return { ...rest, identity: identity ? "[confidential]" : null, notes: notes ? "[confidential]" : null };
}

// ── Entity ──
export const entitySelect = {
  id: true,
  kind: true,
  name: true,
  description: true,
  version: true,
  updatedAt: true,
  _count: { select: { quotes: true } },
} satisfies Prisma.EntitySelect;

export interface EntityView {
  id: string;
  kind: string;
  name: string;
  description: string;
  version: number;
  updatedAt: string;
  quoteCount: number;
}

export const toEntityView = (e: Prisma.EntityGetPayload<{ select: typeof entitySelect }>): EntityView => {
  const { _count, updatedAt, ...rest } = e;
  return { ...rest, updatedAt: updatedAt.toISOString(), quoteCount: _count.quotes };
};

// ── Quote ──
export const quoteSelect = {
  id: true,
  text: true,
  language: true,
  speakerId: true,
  speakerLabel: true,
  date: true,
  context: true,
  sourceId: true,
  onRecord: true,
  position: true,
  version: true,
  updatedAt: true,
  speaker: { select: { name: true } },
  source: { select: sourceNameSelect },
} satisfies Prisma.QuoteSelect;

export interface QuoteView {
  id: string;
  text: string;
  language: string;
  speakerId: string | null;
  speakerName: string | null;
  speakerLabel: string | null;
  date: string | null;
  context: string;
  sourceId: string | null;
  /** How this actor may name the source (sourceLabel). */
  sourceLabel: string | null;
  onRecord: boolean;
  position: number;
  version: number;
  updatedAt: string;
}

export const toQuoteView = (actor: Actor, q: Prisma.QuoteGetPayload<{ select: typeof quoteSelect }>): QuoteView => {
  const { speaker, source, updatedAt, ...rest } = q;
  return { ...rest, speakerName: speaker?.name ?? null, sourceLabel: source ? sourceLabel(actor, source) : null, updatedAt: updatedAt.toISOString() };
};

// ── Open question ──
export const questionSelect = {
  id: true,
  text: true,
  status: true,
  ownerId: true,
  answer: true,
  answeringClaimId: true,
  answeredAt: true,
  position: true,
  version: true,
  updatedAt: true,
  owner: { select: { name: true } },
  answeringClaim: { select: { text: true } },
} satisfies Prisma.OpenQuestionSelect;

export interface QuestionView {
  id: string;
  text: string;
  status: string;
  ownerId: string | null;
  ownerName: string | null;
  answer: string | null;
  answeringClaimId: string | null;
  answeringClaimText: string | null;
  answeredAt: string | null;
  position: number;
  version: number;
  updatedAt: string;
}

export const toQuestionView = (q: Prisma.OpenQuestionGetPayload<{ select: typeof questionSelect }>): QuestionView => {
  const { owner, answeringClaim, answeredAt, updatedAt, ...rest } = q;
  return {
    ...rest,
    ownerName: owner?.name ?? null,
    answeringClaimText: answeringClaim?.text ?? null,
    answeredAt: iso(answeredAt),
    updatedAt: updatedAt.toISOString(),
  };
};

// ── Timeline event ──
export const eventSelect = {
  id: true,
  title: true,
  description: true,
  date: true,
  sortStart: true,
  sortEnd: true,
  certainty: true,
  version: true,
  updatedAt: true,
  claims: { select: { claimId: true } },
  sources: { select: { sourceId: true } },
} satisfies Prisma.TimelineEventSelect;

export interface EventView {
  id: string;
  title: string;
  description: string;
  date: string;
  sortStart: string;
  sortEnd: string;
  certainty: string;
  claimIds: string[];
  sourceIds: string[];
  version: number;
  updatedAt: string;
}

export const toEventView = (e: Prisma.TimelineEventGetPayload<{ select: typeof eventSelect }>): EventView => {
  const { claims, sources, updatedAt, ...rest } = e;
  return { ...rest, claimIds: claims.map((c) => c.claimId), sourceIds: sources.map((s) => s.sourceId), updatedAt: updatedAt.toISOString() };
};
