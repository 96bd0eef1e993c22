import "server-only";
// The archived dossiers (docs/decisions/030): each with who archived it, when and why, and how
// much of a record it keeps — for editors to see, and admins to restore.
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";

export interface ArchivedDossierItem {
  id: string;
  slug: string;
  title: string;
  language: string;
  archivedAt: string;
  archivedBy: string | null;
  reason: string | null;
  firstPublishedAt: string | null;
  counts: { revisions: number; claims: number; sources: number; verdictChanges: number };
}

export async function listArchivedDossiers(actor: Actor): Promise<ArchivedDossierItem[]> {
  requirePermission(actor, "dossier:delete");
  const rows = await db.dossier.findMany({
    where: { archivedAt: { not: null } },
    orderBy: { archivedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      language: true,
      archivedAt: true,
      archivedById: true,
      archiveReason: true,
      publishedAt: true,
      _count: { select: { revisions: true, claims: true, sources: true } },
    },
  });
  const ids = rows.map((r) => r.id);
  const [people, changes] = await Promise.all([
    db.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.archivedById ? [r.archivedById] : [])) } }, select: { id: true, name: true } }),
    ids.length ? db.verdictChange.findMany({ where: { claim: { dossierId: { in: ids } } }, select: { claim: { select: { dossierId: true } } } }) : [],
  ]);
  const changesBy = new Map<string, number>();
  for (const c of changes) changesBy.set(c.claim.dossierId, (changesBy.get(c.claim.dossierId) ?? 0) + 1);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    language: r.language,
    archivedAt: r.archivedAt!.toISOString(),
    archivedBy: people.find((p) => p.id === r.archivedById)?.name ?? null,
    reason: r.archiveReason,
    firstPublishedAt: r.publishedAt?.toISOString() ?? null,
    counts: { ...r._count, verdictChanges: changesBy.get(r.id) ?? 0 },
  }));
}
