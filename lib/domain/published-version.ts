// Published versions: what readers see is an immutable, numbered snapshot of the dossier, built by
// the reader-visibility code (lib/server/reader/build-reader-view.ts) when an editor publishes.
// This module holds the snapshot's shape (versioned, so every future reader of it — feeds, a
// static edition, search, export — knows what it reads), the readable difference between two
// snapshots, and the rule for the editor's note on an update. Pure: no I/O.
import { sameWords } from "./text-normalization";

/** The snapshot's format. Bump it (and keep reading the old one) when the shape changes. */
export const SNAPSHOT_FORMAT = 1;

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
  /** "verdict": a verdict given or changed; "recheck": the verdict confirmed after the claim's text changed. */
  kind: "verdict" | "recheck";
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
  /** null: not yet checked (or its verdict awaits a re-check, published under an override). */
  verdict: string | null;
  verdictRationale: string | null;
  verdictSetAt: string | null;
  evidence: PublicEvidence[];
  /** Every verdict the editors gave, oldest first. */
  history: PublicVerdictChange[];
  /** When a published update last changed the claim (its words, passage or verdict); null: never since first published. */
  updatedAt: string | null;
}

export interface PublicQuote {
  id: string;
  text: string;
  language: string;
  /** Who is credited, as readers may see it; name null: an unnamed person. */
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

/** What one published version holds: everything a reader may see of the dossier, as it was published. */
export interface ReaderView {
  id: string;
  slug: string;
  title: string;
  summary: string;
  /** BCP 47 language of the content. */
  language: string;
  /** The first publication. */
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

/** A published version as stored (PublishedVersion.snapshot). */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  view: ReaderView;
}

/** A claim as the update log remembers it once an update removed it from readers' view. */
export interface RemovedClaim {
  id: string;
  /** Its number in the version before the update. */
  number: number;
  text: string;
  passage: string;
  verdict: string | null;
}

export interface ClaimRef {
  id: string;
  number: number;
  text: string;
}

/** What an update changed, stored with the version for the public update log. */
export interface ChangeSummary {
  article: boolean;
  /** Dossier fields that changed: title, summary, language. */
  details: string[];
  claims: { added: ClaimRef[]; removed: RemovedClaim[]; passage: ClaimRef[]; wording: ClaimRef[]; verdict: ClaimRef[]; other: ClaimRef[] };
  /** How many records of each kind were added, removed or changed. */
  records: Record<"sources" | "quotes" | "questions" | "events", { added: number; removed: number; changed: number }>;
  /**
   * Sources confidential in this version or any before it. A version page never shows more of
   * these than their public description, even where an older version named them.
   */
  confidentialSourceIds: string[];
}

// ───────────────────────────── Differences between two versions ─────────────────────────────

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface RecordChange {
  id: string;
  kind: "added" | "removed" | "changed";
  /** How a reader recognises the record (its text or title, in the newer version when it has one). */
  label: string;
  fields: FieldChange[];
}

export interface ClaimChange extends RecordChange {
  number: number | null;
  passageChanged: boolean;
  wordingChanged: boolean;
  verdictChanged: boolean;
}

export interface VersionDiff {
  /** No difference at all (the article, the dossier's fields and every record are the same). */
  identical: boolean;
  articleChanged: boolean;
  details: FieldChange[];
  claims: ClaimChange[];
  sources: RecordChange[];
  quotes: RecordChange[];
  questions: RecordChange[];
  events: RecordChange[];
}

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : "—";
  if (typeof value === "object") return "name" in value ? show((value as { name: unknown }).name) : JSON.stringify(value);
  return String(value);
};

function fieldChanges<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[], typographic: ReadonlySet<string> = new Set()): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const a = before[field];
    const b = after[field];
    const same = typographic.has(field) && typeof a === "string" && typeof b === "string" ? a === b : JSON.stringify(a) === JSON.stringify(b);
    if (!same) out.push({ field, before: show(a), after: show(b) });
  }
  return out;
}

function diffRecords<T extends { id: string }>(before: readonly T[], after: readonly T[], label: (r: T) => string, fields: readonly (keyof T & string)[]): RecordChange[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const next = new Map(after.map((r) => [r.id, r]));
  const out: RecordChange[] = [];
  for (const r of after) {
    const o = old.get(r.id);
    if (!o) out.push({ id: r.id, kind: "added", label: label(r), fields: [] });
    else {
      const changes = fieldChanges(o, r, fields);
      if (changes.length) out.push({ id: r.id, kind: "changed", label: label(r), fields: changes });
    }
  }
  for (const r of before) if (!next.has(r.id)) out.push({ id: r.id, kind: "removed", label: label(r), fields: [] });
  return out;
}

const sourceLabel = (s: PublicSource) => (s.confidential ? (s.description ?? "Confidential source") : s.title);
const SOURCE_FIELDS = ["confidential", "kind", "title", "url", "publisher", "author", "date", "accessedAt", "reliability", "description"] as const;

function diffSources(before: readonly PublicSource[], after: readonly PublicSource[]): RecordChange[] {
  // Compared field by field over both shapes (a source may have become confidential).
  const flat = (s: PublicSource): { id: string } & Record<(typeof SOURCE_FIELDS)[number], unknown> =>
    s.confidential
      ? { id: s.id, confidential: true, kind: null, title: null, url: null, publisher: null, author: null, date: null, accessedAt: null, reliability: null, description: s.description }
      : { id: s.id, confidential: false, kind: s.kind, title: s.title, url: s.url, publisher: s.publisher, author: s.author, date: s.date, accessedAt: s.accessedAt, reliability: s.reliability, description: null };
  const labels = new Map([...before, ...after].map((s) => [s.id, sourceLabel(s)]));
  const afterLabels = new Map(after.map((s) => [s.id, sourceLabel(s)]));
  return diffRecords(before.map(flat), after.map(flat), (s) => afterLabels.get(s.id) ?? labels.get(s.id) ?? "", SOURCE_FIELDS);
}

function verdictTrail(c: PublicClaim): string {
  return JSON.stringify([c.verdict, c.verdictRationale, c.history.map((h) => h.id)]);
}

function diffClaims(before: readonly PublicClaim[], after: readonly PublicClaim[]): ClaimChange[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const next = new Set(after.map((c) => c.id));
  const out: ClaimChange[] = [];
  for (const c of after) {
    const o = old.get(c.id);
    if (!o) {
      out.push({ id: c.id, kind: "added", label: c.text, number: c.number, fields: [], passageChanged: false, wordingChanged: false, verdictChanged: false });
      continue;
    }
    const fields = fieldChanges(o, c, ["text", "anchorExact", "hedged", "verdict", "verdictRationale"]);
    const evidence = JSON.stringify(o.evidence) !== JSON.stringify(c.evidence);
    if (evidence) fields.push({ field: "evidence", before: show(o.evidence.map((e) => `${e.stance}: ${e.excerpt}`)), after: show(c.evidence.map((e) => `${e.stance}: ${e.excerpt}`)) });
    const history = o.history.length !== c.history.length;
    if (history && !fields.some((f) => f.field === "verdict" || f.field === "verdictRationale")) fields.push({ field: "history", before: String(o.history.length), after: String(c.history.length) });
    const passageChanged = !sameWords(o.anchorExact, c.anchorExact);
    const wordingChanged = !sameWords(o.text, c.text);
    const verdictChanged = verdictTrail(o) !== verdictTrail(c);
    if (fields.length) {
      out.push({ id: c.id, kind: "changed", label: c.text, number: c.number, fields, passageChanged, wordingChanged, verdictChanged });
    }
  }
  for (const c of before) {
    if (!next.has(c.id)) out.push({ id: c.id, kind: "removed", label: c.text, number: c.number, fields: [], passageChanged: false, wordingChanged: false, verdictChanged: false });
  }
  return out;
}

/** The readable difference between two reader views (an older published version and a newer one, or the working copy). */
export function diffVersions(before: ReaderView, after: ReaderView): VersionDiff {
  const details = fieldChanges(before, after, ["title", "summary", "language"]);
  const articleChanged = before.body !== after.body;
  const claims = diffClaims(before.claims, after.claims);
  const sources = diffSources(before.sources, after.sources);
  const quotes = diffRecords(before.quotes, after.quotes, (q) => q.text, ["text", "language", "speaker", "date", "context", "sourceId", "onRecord"]);
  const questions = diffRecords(before.questions, after.questions, (q) => q.text, ["text", "status", "answer", "answeredAt", "answeringClaimId"]);
  const events = diffRecords(before.events, after.events, (e) => e.title, ["title", "description", "date", "certainty", "claimIds", "sourceIds"]);
  const identical = !articleChanged && details.length === 0 && [claims, sources, quotes, questions, events].every((l) => l.length === 0);
  return { identical, articleChanged, details, claims, sources, quotes, questions, events };
}

// ───────────────────────────── The editor's note on an update ─────────────────────────────

export interface NoteRequirement {
  /** The note is required: a claim appeared or disappeared, or a claim's passage, wording or verdict changed. */
  required: boolean;
  /** What makes it required, for the editor to see (claim by claim). */
  reasons: { claimId: string; text: string; reason: "added" | "removed" | "passage" | "wording" | "verdict" }[];
}

/**
 * Every update after the first publication carries an editor's note. It is required when readers
 * are told something different about a claim (it appeared or disappeared, its passage, wording or
 * verdict changed); otherwise (typos, a source's details, a new quote…) it is optional and the
 * update is marked minor.
 */
export function noteRequirement(diff: VersionDiff): NoteRequirement {
  const reasons: NoteRequirement["reasons"] = [];
  for (const c of diff.claims) {
    if (c.kind === "added" || c.kind === "removed") reasons.push({ claimId: c.id, text: c.label, reason: c.kind });
    else {
      if (c.passageChanged) reasons.push({ claimId: c.id, text: c.label, reason: "passage" });
      if (c.wordingChanged) reasons.push({ claimId: c.id, text: c.label, reason: "wording" });
      if (c.verdictChanged) reasons.push({ claimId: c.id, text: c.label, reason: "verdict" });
    }
  }
  return { required: reasons.length > 0, reasons };
}

/** The summary stored with a new version (its changes against the previous one). */
export function summarizeChanges(before: ReaderView | null, after: ReaderView, previous: ChangeSummary | null): ChangeSummary {
  const confidential = new Set(previous?.confidentialSourceIds ?? []);
  for (const s of after.sources) if (s.confidential) confidential.add(s.id);
  const none = { added: 0, removed: 0, changed: 0 };
  if (!before) {
    return {
      article: false,
      details: [],
      claims: { added: [], removed: [], passage: [], wording: [], verdict: [], other: [] },
      records: { sources: { ...none }, quotes: { ...none }, questions: { ...none }, events: { ...none } },
      confidentialSourceIds: [...confidential],
    };
  }
  const diff = diffVersions(before, after);
  const ref = (c: ClaimChange): ClaimRef => ({ id: c.id, number: c.number ?? 0, text: c.label });
  const oldClaims = new Map(before.claims.map((c) => [c.id, c]));
  const changed = diff.claims.filter((c) => c.kind === "changed");
  const count = (list: RecordChange[]) => ({
    added: list.filter((r) => r.kind === "added").length,
    removed: list.filter((r) => r.kind === "removed").length,
    changed: list.filter((r) => r.kind === "changed").length,
  });
  return {
    article: diff.articleChanged,
    details: diff.details.map((d) => d.field),
    claims: {
      added: diff.claims.filter((c) => c.kind === "added").map(ref),
      removed: diff.claims
        .filter((c) => c.kind === "removed")
        .map((c) => {
          const o = oldClaims.get(c.id)!;
          return { id: o.id, number: o.number, text: o.text, passage: o.anchorExact, verdict: o.verdict };
        }),
      passage: changed.filter((c) => c.passageChanged).map(ref),
      wording: changed.filter((c) => c.wordingChanged).map(ref),
      verdict: changed.filter((c) => c.verdictChanged).map(ref),
      other: changed.filter((c) => !c.passageChanged && !c.wordingChanged && !c.verdictChanged).map(ref),
    },
    records: { sources: count(diff.sources), quotes: count(diff.quotes), questions: count(diff.questions), events: count(diff.events) },
    confidentialSourceIds: [...confidential],
  };
}

/**
 * Dates each claim's last published change: a claim new in this version, or whose words, passage
 * or verdict changed, was updated now; the others keep the date they had.
 */
export function stampClaimUpdates(before: ReaderView | null, after: ReaderView, now: string): ReaderView {
  if (!before) return { ...after, claims: after.claims.map((c) => ({ ...c, updatedAt: null })) };
  const old = new Map(before.claims.map((c) => [c.id, c]));
  return {
    ...after,
    claims: after.claims.map((c) => {
      const o = old.get(c.id);
      if (!o) return { ...c, updatedAt: now };
      const changed = !sameWords(o.text, c.text) || !sameWords(o.anchorExact, c.anchorExact) || verdictTrail(o) !== verdictTrail(c);
      return { ...c, updatedAt: changed ? now : o.updatedAt };
    }),
  };
}

/**
 * An older version as a version page may show it: a source confidential in any later version is
 * shown only by its latest public description, and quotes it gave are attributed to that
 * description, so that comparing versions never names a source the newsroom has since protected.
 */
export function redactOlderVersion(view: ReaderView, confidentialSourceIds: readonly string[], latest: ReaderView): ReaderView {
  const hidden = new Set(confidentialSourceIds);
  const latestSource = new Map(latest.sources.map((s) => [s.id, s]));
  const describe = (id: string): string | null => {
    const s = latestSource.get(id);
    return s?.confidential ? s.description : null;
  };
  return {
    ...view,
    sources: view.sources.map((s) => (hidden.has(s.id) && !s.confidential ? { id: s.id, number: s.number, confidential: true, description: describe(s.id) } : s)),
    quotes: view.quotes.map((q) => (q.sourceId && hidden.has(q.sourceId) ? { ...q, speaker: { name: describe(q.sourceId), description: null, named: false } } : q)),
  };
}

// ───────────────────────────── Storage ─────────────────────────────

export function serializeSnapshot(view: ReaderView): string {
  return JSON.stringify({ format: SNAPSHOT_FORMAT, view } satisfies Snapshot);
}

/** Reads a stored snapshot; an unknown format is an error (never guessed at). */
export function parseSnapshot(format: number, json: string): ReaderView {
  if (format !== SNAPSHOT_FORMAT) throw new Error(`Published version in format ${format}, which this version of Dossier cannot read (it reads format ${SNAPSHOT_FORMAT}).`);
  const value = JSON.parse(json) as Snapshot;
  if (value.format !== format || !value.view) throw new Error("Published version unreadable: its format does not match its record.");
  return value.view;
}

export function parseChangeSummary(json: string): ChangeSummary {
  return JSON.parse(json) as ChangeSummary;
}
