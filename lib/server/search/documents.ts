import "server-only";
// What the search index holds for each record: the words it is found by (title, body) and what a
// result shows and filters on. The newsroom's documents ("staff") are built from the working
// copy, the readers' ("public") only from a dossier's latest published version, the snapshot
// readers see (docs/search.md). What identifies a confidential source is indexed only in a
// document that roles without source:view-confidential never query.
import { dayOf, type SearchKind } from "@/lib/domain/search";
import { parseSnapshot, type ReaderView } from "@/lib/domain/published-version";
import { articlePassagesOffThread } from "@/lib/markdown/off-thread";
import type { Tx } from "../db";
import { withheldSourceLabel } from "../sources/confidentiality";

/**
 * 0: everyone of the audience; 1: a confidential source in full, for source:view-confidential
 * only; 2: the same source as the others know it (its public description), for everyone else.
 */
export type ConfidentialLevel = 0 | 1 | 2;

export interface SearchDocument {
  audience: "staff" | "public";
  confidential: ConfidentialLevel;
  kind: SearchKind;
  recordId: string;
  dossierId: string;
  /** BCP 47 language of the text (for `lang` on the snippet). */
  language: string;
  /** A claim's verdict key; "unchecked" for a claim without one; null for other kinds. */
  verdict: string | null;
  /** YYYY-MM-DD: the record's own date where it has one (event, quote, source), else its last change. */
  day: string | null;
  title: string;
  body: string;
}

/** Longest text indexed per field: a record is found by its start, never refused. */
const FIELD_MAX = 20_000;
const clip = (s: string) => (s.length > FIELD_MAX ? s.slice(0, FIELD_MAX) : s);
const joined = (...parts: (string | null | undefined)[]) => clip(parts.filter((p) => p && p.trim() !== "").join(" — "));

const staff = (d: Omit<SearchDocument, "audience" | "confidential" | "title" | "body"> & { title: string; body: string; confidential?: ConfidentialLevel }): SearchDocument => ({
  audience: "staff",
  confidential: d.confidential ?? 0,
  ...d,
  title: clip(d.title),
  body: clip(d.body),
});

export const passageId = (dossierId: string, index: number) => `${dossierId}:${index}`;

// ── The newsroom's documents, one kind at a time, from the rows ──

export async function claimDocuments(tx: Tx, ids: string[]): Promise<SearchDocument[]> {
  const rows = await tx.claim.findMany({
    where: { id: { in: ids } },
    select: { id: true, dossierId: true, text: true, anchorExact: true, verdict: true, verdictRationale: true, verdictSetAt: true, updatedAt: true, dossier: { select: { language: true } } },
  });
  return rows.map((c) =>
    staff({
      kind: "claim",
      recordId: c.id,
      dossierId: c.dossierId,
      language: c.dossier.language,
      verdict: c.verdict ?? "unchecked",
      day: dayOf(c.verdictSetAt ?? c.updatedAt),
      title: c.text,
      body: joined(c.anchorExact, c.verdictRationale),
    }),
  );
}

export async function sourceDocuments(tx: Tx, ids: string[]): Promise<SearchDocument[]> {
  const rows = await tx.source.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      dossierId: true,
      title: true,
      publisher: true,
      author: true,
      date: true,
      updatedAt: true,
      confidential: true,
      publicDescription: true,
      identity: true,
      notes: true,
      dossier: { select: { language: true } },
    },
  });
  return rows.flatMap((s) => {
    const base = { kind: "source" as const, recordId: s.id, dossierId: s.dossierId, language: s.dossier.language, verdict: null, day: dayOf(s.date) ?? dayOf(s.updatedAt) };
    if (!s.confidential) return [staff({ ...base, title: s.title, body: joined(s.publisher, s.author, s.notes) })];
    // As every newsroom page names it for a role without source:view-confidential (sourceLabel)…
    const known = withheldSourceLabel(s.publicDescription);
    return [
      staff({ ...base, confidential: 2, title: known, body: joined(s.publisher, s.author) }),
      // …and in full, for the roles that may read its title, identity and notes.
      staff({ ...base, confidential: 1, title: s.title, body: joined(s.publicDescription, s.identity, s.notes, s.publisher, s.author) }),
    ];
  });
}

export async function quoteDocuments(tx: Tx, ids: string[]): Promise<SearchDocument[]> {
  const rows = await tx.quote.findMany({
    where: { id: { in: ids } },
    select: { id: true, dossierId: true, text: true, language: true, context: true, speakerLabel: true, date: true, updatedAt: true, speaker: { select: { name: true } } },
  });
  return rows.map((q) =>
    staff({
      kind: "quote",
      recordId: q.id,
      dossierId: q.dossierId,
      language: q.language,
      verdict: null,
      day: dayOf(q.date) ?? dayOf(q.updatedAt),
      title: q.speaker?.name ?? q.speakerLabel ?? "",
      body: joined(q.text, q.context),
    }),
  );
}

export async function entityDocuments(tx: Tx, ids: string[]): Promise<SearchDocument[]> {
  const rows = await tx.entity.findMany({
    where: { id: { in: ids } },
    select: { id: true, dossierId: true, name: true, description: true, updatedAt: true, dossier: { select: { language: true } } },
  });
  return rows.map((e) =>
    staff({ kind: "entity", recordId: e.id, dossierId: e.dossierId, language: e.dossier.language, verdict: null, day: dayOf(e.updatedAt), title: e.name, body: e.description }),
  );
}

export async function questionDocuments(tx: Tx, ids: string[]): Promise<SearchDocument[]> {
  const rows = await tx.openQuestion.findMany({
    where: { id: { in: ids } },
    select: { id: true, dossierId: true, text: true, answer: true, answeredAt: true, updatedAt: true, dossier: { select: { language: true } } },
  });
  return rows.map((q) =>
    staff({ kind: "question", recordId: q.id, dossierId: q.dossierId, language: q.dossier.language, verdict: null, day: dayOf(q.answeredAt ?? q.updatedAt), title: q.text, body: q.answer ?? "" }),
  );
}

export async function eventDocuments(tx: Tx, ids: string[]): Promise<SearchDocument[]> {
  const rows = await tx.timelineEvent.findMany({
    where: { id: { in: ids } },
    select: { id: true, dossierId: true, title: true, description: true, sortStart: true, dossier: { select: { language: true } } },
  });
  return rows.map((e) =>
    staff({ kind: "event", recordId: e.id, dossierId: e.dossierId, language: e.dossier.language, verdict: null, day: dayOf(e.sortStart), title: e.title, body: e.description }),
  );
}

/** The article's passages in the working copy. */
export async function passageDocuments(dossier: { id: string; title: string; body: string; language: string; updatedAt: Date }): Promise<SearchDocument[]> {
  return (await articlePassagesOffThread(dossier.body)).map((text, i) =>
    staff({ kind: "passage", recordId: passageId(dossier.id, i), dossierId: dossier.id, language: dossier.language, verdict: null, day: dayOf(dossier.updatedAt), title: dossier.title, body: text }),
  );
}

// ── The readers' documents, from the published snapshot only ──

/** Everything readers may find of one published version (ReaderView holds only what is public). */
export async function publicDocuments(view: ReaderView, dossierId: string, versionDate: Date): Promise<SearchDocument[]> {
  const published = dayOf(view.publishedAt) ?? dayOf(versionDate);
  const doc = (d: Omit<SearchDocument, "audience" | "confidential" | "dossierId" | "language" | "verdict"> & { language?: string; verdict?: string | null }): SearchDocument => ({
    audience: "public",
    confidential: 0,
    dossierId,
    language: d.language ?? view.language,
    verdict: d.verdict ?? null,
    ...d,
    title: clip(d.title),
    body: clip(d.body),
  });
  const out: SearchDocument[] = [];
  for (const c of view.claims) {
    out.push(doc({ kind: "claim", recordId: c.id, verdict: c.verdict ?? "unchecked", day: dayOf(c.verdictSetAt) ?? published, title: c.text, body: joined(c.anchorExact, c.verdictRationale) }));
  }
  (await articlePassagesOffThread(view.body)).forEach((text, i) => out.push(doc({ kind: "passage", recordId: passageId(dossierId, i), day: published, title: view.title, body: text })));
  // A confidential source is not findable by readers at all: they know it only where it is cited.
  for (const s of view.sources) {
    if (s.confidential) continue;
    out.push(doc({ kind: "source", recordId: s.id, day: dayOf(s.date) ?? published, title: s.title, body: joined(s.publisher, s.author) }));
  }
  for (const q of view.quotes) {
    out.push(doc({ kind: "quote", recordId: q.id, language: q.language, day: dayOf(q.date) ?? published, title: q.speaker.name ?? q.speaker.description ?? "", body: joined(q.text, q.context) }));
  }
  for (const q of view.questions) out.push(doc({ kind: "question", recordId: q.id, day: dayOf(q.answeredAt) ?? published, title: q.text, body: q.answer ?? "" }));
  for (const e of view.events) out.push(doc({ kind: "event", recordId: e.id, day: dayOf(e.sortStart), title: e.title, body: e.description }));
  return out;
}

/** The latest published version's documents, or none when readers cannot see the dossier. */
export async function publishedDocuments(tx: Tx, dossierId: string): Promise<SearchDocument[]> {
  const dossier = await tx.dossier.findUnique({ where: { id: dossierId }, select: { status: true, archivedAt: true } });
  if (!dossier || dossier.status !== "published" || dossier.archivedAt) return [];
  const latest = await tx.publishedVersion.findFirst({ where: { dossierId }, orderBy: { number: "desc" }, select: { format: true, snapshot: true, createdAt: true } });
  if (!latest) return [];
  return publicDocuments(parseSnapshot(latest.format, latest.snapshot), dossierId, latest.createdAt);
}
