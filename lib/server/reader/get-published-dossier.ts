import "server-only";
// What readers see of a published dossier: its latest published version (an immutable snapshot
// built by build-reader-view.ts when an editor published), with the public update log. Edits in
// the newsroom change the working copy, never this, until an editor publishes an update. Every
// reader page, the JSON API and the JSON-LD are built from here (docs/reader-visibility.md).
import { AppError } from "@/lib/domain/errors";
import { parseChangeSummary, parseSnapshot, redactOlderVersion, type ChangeSummary, type ReaderView, type RemovedClaim } from "@/lib/domain/published-version";
import { db } from "../db";

export type {
  PublicClaim,
  PublicCorrection,
  PublicEvent,
  PublicEvidence,
  PublicQuestion,
  PublicQuote,
  PublicSource,
  PublicVerdictChange,
} from "@/lib/domain/published-version";

/** One published version in the public update log. */
export interface PublicUpdate {
  version: number;
  publishedAt: string;
  /** The editor's note for readers (null: none given, allowed for the first publication and minor updates). */
  note: string | null;
  /** Changed no claim's existence, passage, wording or verdict (typos, a source's details…). */
  minor: boolean;
  changes: Omit<ChangeSummary, "confidentialSourceIds">;
}

/** A claim an update took off the dossier: listed, with why, in the corrections and updates log. */
export interface PublicRemovedClaim extends RemovedClaim {
  removedInVersion: number;
  removedAt: string;
  /** The editor's note on that update: why. */
  note: string | null;
}

export interface PublicDossier extends ReaderView {
  /** The number of the published version shown. */
  version: number;
  /** When that version was published. */
  versionPublishedAt: string;
  /** Every published version, oldest first (the first is the first publication). */
  updates: PublicUpdate[];
  /** Claims readers saw once and an update removed, newest first. */
  removedClaims: PublicRemovedClaim[];
}

/** One published version with the one before it, for its public page (the diff between them). */
export interface PublicVersionPage {
  dossier: PublicDossier;
  update: PublicUpdate;
  /** This version's view and the previous one's (null for the first), redacted as the latest requires. */
  view: ReaderView;
  previous: ReaderView | null;
}

async function publishedVersions(slug: string) {
  const dossier = await db.dossier.findFirst({ where: { slug, status: "published" }, select: { id: true } });
  const versions = dossier
    ? await db.publishedVersion.findMany({ where: { dossierId: dossier.id }, orderBy: { number: "asc" }, select: { number: true, note: true, minor: true, changes: true, createdAt: true } })
    : [];
  // A published dossier always has a version (publishing makes one; start-up gives one to a
  // dossier published before versions existed): without one there is nothing signed off to show.
  if (!dossier || versions.length === 0) throw new AppError("NOT_FOUND", `No published dossier "${slug}".`);
  return { dossierId: dossier.id, versions };
}

async function snapshot(dossierId: string, number: number): Promise<ReaderView> {
  const row = await db.publishedVersion.findUniqueOrThrow({ where: { dossierId_number: { dossierId, number } }, select: { format: true, snapshot: true } });
  return parseSnapshot(row.format, row.snapshot);
}

function withLog(view: ReaderView, versions: Awaited<ReturnType<typeof publishedVersions>>["versions"]): PublicDossier {
  const updates: PublicUpdate[] = versions.map((v) => {
    const { confidentialSourceIds: _hidden, ...changes } = parseChangeSummary(v.changes);
    return { version: v.number, publishedAt: v.createdAt.toISOString(), note: v.note, minor: v.minor, changes };
  });
  const present = new Set(view.claims.map((c) => c.id));
  const removedClaims = updates
    .flatMap((u) => u.changes.claims.removed.map((c) => ({ ...c, removedInVersion: u.version, removedAt: u.publishedAt, note: u.note })))
    // A claim removed once and published again later is back among the claims, not "removed".
    .filter((c) => !present.has(c.id))
    .reverse();
  const latest = versions[versions.length - 1]!;
  return { ...view, version: latest.number, versionPublishedAt: latest.createdAt.toISOString(), updates, removedClaims };
}

export async function getPublishedDossier(slug: string): Promise<PublicDossier> {
  const { dossierId, versions } = await publishedVersions(slug);
  return withLog(await snapshot(dossierId, versions[versions.length - 1]!.number), versions);
}

/** A published version's page: NOT_FOUND for a number the dossier never published. */
export async function getPublishedVersion(slug: string, number: number): Promise<PublicVersionPage> {
  const { dossierId, versions } = await publishedVersions(slug);
  if (!versions.some((v) => v.number === number)) throw new AppError("NOT_FOUND", `Dossier "${slug}" has no published version ${number}.`);
  const latestView = await snapshot(dossierId, versions[versions.length - 1]!.number);
  const dossier = withLog(latestView, versions);
  const latestSummary = parseChangeSummary(versions[versions.length - 1]!.changes);
  const redact = (view: ReaderView) => redactOlderVersion(view, latestSummary.confidentialSourceIds, latestView);
  const view = redact(number === dossier.version ? latestView : await snapshot(dossierId, number));
  const previous = number > 1 && versions.some((v) => v.number === number - 1) ? redact(await snapshot(dossierId, number - 1)) : null;
  return { dossier, update: dossier.updates.find((u) => u.version === number)!, view, previous };
}

/**
 * The sources readers see by name in the latest published version, with their title and citation
 * number as published: the archived copies and documents shown to readers hang off these only, so
 * a working-copy change (a source made public, renamed, reordered) reaches readers only with the
 * next publication. A source confidential in any version is never among them. Empty when the
 * dossier is not published.
 */
export async function publishedPublicSources(slug: string): Promise<Map<string, { title: string; number: number }>> {
  let found;
  try {
    found = await publishedVersions(slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return new Map();
    throw error;
  }
  const latest = found.versions[found.versions.length - 1]!;
  const view = await snapshot(found.dossierId, latest.number);
  const hidden = new Set(parseChangeSummary(latest.changes).confidentialSourceIds);
  const out = new Map<string, { title: string; number: number }>();
  for (const s of view.sources) if (!s.confidential && !hidden.has(s.id)) out.set(s.id, { title: s.title, number: s.number });
  return out;
}
