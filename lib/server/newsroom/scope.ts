import "server-only";
// Shared steps of the newsroom's use cases: find the dossier a change belongs to, refuse a save
// based on an outdated version, and say which reader pages a change affects.
import { AppError } from "@/lib/domain/errors";
import type { Tx } from "../db";

export interface DossierRef {
  id: string;
  slug: string;
  status: string;
  version: number;
}

const dossierRefSelect = { id: true, slug: true, status: true, version: true, archivedAt: true } as const;

/**
 * In a `where`: dossiers that are not archived. An archived dossier keeps every row of its
 * record but is out of the newsroom's lists, its desk and its pages (docs/decisions/030).
 */
export const NOT_ARCHIVED = { archivedAt: null } as const;

/** An archived dossier, to the newsroom: not there, and why. */
export function archivedError(slug: string): AppError {
  return new AppError("NOT_FOUND", `The dossier “${slug}” is archived: its whole record is kept, out of the newsroom's lists. An admin can restore it from Archived dossiers.`);
}

function activeRef<T extends DossierRef & { archivedAt: Date | null }>(dossier: T | null, missing: string): Omit<T, "archivedAt"> {
  if (!dossier) throw new AppError("NOT_FOUND", missing);
  const { archivedAt, ...ref } = dossier;
  if (archivedAt) throw archivedError(dossier.slug);
  return ref;
}

export async function findDossier(tx: Tx, dossierId: string): Promise<DossierRef> {
  const dossier = await tx.dossier.findUnique({ where: { id: dossierId }, select: dossierRefSelect });
  return activeRef(dossier, "This dossier does not exist (it may have been deleted).");
}

/** The dossier with its saved article, for the changes that depend on its text. */
export async function findDossierWithArticle(tx: Tx, dossierId: string): Promise<DossierRef & { body: string; updatedAt: Date; publishedAt: Date | null }> {
  const dossier = await tx.dossier.findUnique({ where: { id: dossierId }, select: { ...dossierRefSelect, body: true, updatedAt: true, publishedAt: true } });
  return activeRef(dossier, "This dossier does not exist (it may have been deleted).");
}

export async function findDossierBySlug(tx: Tx, slug: string): Promise<DossierRef> {
  const dossier = await tx.dossier.findUnique({ where: { slug }, select: dossierRefSelect });
  return activeRef(dossier, `There is no dossier “${slug}”.`);
}

/** The slug whose reader pages must be revalidated after a change, or null for a draft. */
export const readerSlugOf = (dossier: Pick<DossierRef, "slug" | "status">): string | null => (dossier.status === "published" ? dossier.slug : null);

/** The audit fields locating a change in its dossier. */
export const inDossier = (dossier: Pick<DossierRef, "id" | "slug">) => ({ dossierId: dossier.id, dossierSlug: dossier.slug });

export interface ConflictDetails<V> {
  /** The record as it is now (what "theirs" means in the merge). */
  current: V;
  yourVersion: number;
  currentVersion: number;
  savedBy: string | null;
  savedAt: string | null;
}

/** Who last changed a record, from the audit log (for the conflict message). */
export async function lastChange(tx: Tx, entityType: string, entityId: string): Promise<{ by: string | null; at: string } | null> {
  const entry = await tx.auditLog.findFirst({
    where: { entityType, entityId },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, actorLabel: true, actor: { select: { name: true } } },
  });
  if (!entry) return null;
  return { by: entry.actor?.name ?? entry.actorLabel ?? null, at: entry.createdAt.toISOString() };
}

/**
 * Optimistic concurrency, the one version check of every use case that changes a record: refuses
 * a change based on an outdated version with CONFLICT. Its details always have the same shape
 * (ConflictDetails: the record as it is now, both versions, who saved it and when, plus what the
 * caller adds about the situation, e.g. the claim's pending proposal): an edit form merges from
 * them field by field, a desk form shows the current state. `then` says what to do next.
 */
export async function assertVersion<V>(
  tx: Tx,
  what: { label: string; entityType: string; entityId: string },
  storedVersion: number,
  givenVersion: number,
  current: () => V,
  options: { then?: string; details?: Record<string, unknown> } = {},
): Promise<void> {
  if (storedVersion === givenVersion) return;
  const change = await lastChange(tx, what.entityType, what.entityId);
  const who = change?.by ? ` (by ${change.by})` : "";
  const details: ConflictDetails<V> = {
    ...options.details,
    current: current(),
    yourVersion: givenVersion,
    currentVersion: storedVersion,
    savedBy: change?.by ?? null,
    savedAt: change?.at ?? null,
  };
  throw new AppError(
    "CONFLICT",
    `This ${what.label} changed since you opened it${who}: you started from version ${givenVersion}, it is now at version ${storedVersion}. Nothing was saved. ${options.then ?? "Compare both versions, then merge or overwrite."}`,
    { details },
  );
}
