import "server-only";
// Confidential sources in the newsroom: the rule, in one place (docs/permissions.md).
//
// A confidential source's title, identity and notes reach only roles with the
// source:view-confidential permission (editors and admins). Every other role knows it by its
// public description ("Confidential source" when it has none): on every page, in every JSON
// answer, search result and error. For those roles its identity is not even read from the
// database. Audit snapshots never copy a confidential source's identity or notes into another
// table. (Readers see published versions only, built without any of these fields:
// lib/server/reader/build-reader-view.ts, docs/reader-visibility.md.)
//
// Every newsroom view that names a source goes through `sourceLabel`; the source's own view
// through `sourceSelectFor` and `toSourceView`; audit entries through `sourceAuditSnapshot`;
// any other decision through `seesConfidentialSources`.
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "../actor";

/** Whether this actor's role may see a confidential source's title, identity and notes. */
export const seesConfidentialSources = (actor: Actor): boolean => can(actor, "source:view-confidential");

/** What a confidential source is called for those who may not see its title. */
export const withheldSourceLabel = (publicDescription: string | null): string => publicDescription?.trim() || "Confidential source";

// ── How the newsroom names a source ──
/**
 * A confidential source's title is withheld, like its identity and notes, from roles without
 * source:view-confidential: journalists title sources the way they think of them ("former
 * accountant of Nordmarine"), which often says who the person is. Those roles know a
 * confidential source by its public description, everywhere in the newsroom.
 */
export const sourceNameSelect = { title: true, confidential: true, publicDescription: true } satisfies Prisma.SourceSelect;

export function sourceLabel(actor: Actor, s: { title: string; confidential: boolean; publicDescription: string | null }): string {
  if (!s.confidential || seesConfidentialSources(actor)) return s.title;
  return withheldSourceLabel(s.publicDescription);
}

// ── The source's own view ──
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
  return seesConfidentialSources(actor) ? { ...sourceSelect, ...confidentialSourceSelect } : { ...sourceSelect, notes: true };
}

type SourceRow = Prisma.SourceGetPayload<{ select: typeof sourceSelect }> & { identity?: string | null; notes?: string | null };

/**
 * A confidential source's title, identity and notes reach only roles with
 * source:view-confidential. (For roles without it, `sourceSelectFor` does not even read the
 * identity; title and notes are read so a non-confidential source keeps them, and dropped here
 * when the source is confidential.)
 */
export function toSourceView(actor: Actor, s: SourceRow) {
  const { _count, updatedAt, identity, notes, title, ...rest } = s;
  const allowed = seesConfidentialSources(actor);
  const hide = s.confidential && !allowed;
  return {
    ...rest,
    /** What to call the source on a page (sourceLabel): its title, unless withheld. */
    label: sourceLabel(actor, s),
    /** null when withheld from this actor (see `withheld`). */
    title: hide ? null : title,
    /** null when empty, or when withheld from this actor (see `withheld`). */
    identity: allowed ? (identity ?? null) : null,
    notes: hide ? null : (notes ?? null),
    /** True for a confidential source whose title, identity and notes this actor's role may not see. */
    withheld: hide,
    updatedAt: updatedAt.toISOString(),
    usage: { evidence: _count.evidence, quotes: _count.quotes, events: _count.events },
  };
}

export type SourceView = ReturnType<typeof toSourceView>;

// ── Audit snapshots ──
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
