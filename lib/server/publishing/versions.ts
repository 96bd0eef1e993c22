import "server-only";
// Published versions as the publishing use cases read and write them (not a use case: every
// function takes the caller's transaction). A version is written once and never changed.
import { SNAPSHOT_FORMAT, parseChangeSummary, parseSnapshot, serializeSnapshot, stampClaimUpdates, summarizeChanges, diffVersions, noteRequirement, type ChangeSummary, type ReaderView } from "@/lib/domain/published-version";
import type { Tx } from "../db";

export interface StoredVersion {
  number: number;
  hash: string;
  view: ReaderView;
  changes: ChangeSummary;
  note: string | null;
  minor: boolean;
  createdAt: Date;
  publishedBy: { id: string; name: string } | null;
}

/** The dossier's latest published version (what readers see while it is published), or null. */
export async function latestVersion(tx: Tx, dossierId: string): Promise<StoredVersion | null> {
  const row = await tx.publishedVersion.findFirst({
    where: { dossierId },
    orderBy: { number: "desc" },
    select: { number: true, hash: true, format: true, snapshot: true, changes: true, note: true, minor: true, createdAt: true, publishedBy: { select: { id: true, name: true } } },
  });
  if (!row) return null;
  return { number: row.number, hash: row.hash, view: parseSnapshot(row.format, row.snapshot), changes: parseChangeSummary(row.changes), note: row.note, minor: row.minor, createdAt: row.createdAt, publishedBy: row.publishedBy };
}

/** Writes the next version of the dossier from a view built in this transaction. */
export async function writeVersion(
  tx: Tx,
  v: { dossierId: string; view: ReaderView; hash: string; previous: StoredVersion | null; note: string | null; publishedById: string | null; now: Date },
): Promise<{ number: number; minor: boolean; changes: ChangeSummary; view: ReaderView }> {
  const view = stampClaimUpdates(v.previous?.view ?? null, v.view, v.now.toISOString());
  const changes = summarizeChanges(v.previous?.view ?? null, view, v.previous?.changes ?? null);
  const minor = v.previous !== null && !noteRequirement(diffVersions(v.previous.view, view)).required;
  const number = (v.previous?.number ?? 0) + 1;
  await tx.publishedVersion.create({
    data: {
      dossierId: v.dossierId,
      number,
      format: SNAPSHOT_FORMAT,
      snapshot: serializeSnapshot(view),
      hash: v.hash,
      title: view.title,
      summary: view.summary,
      language: view.language,
      claimCount: view.claims.length,
      note: v.note,
      minor,
      changes: JSON.stringify(changes),
      publishedById: v.publishedById,
      createdAt: v.now,
    },
  });
  return { number, minor, changes, view };
}
