import "server-only";
// The newsroom's dossier list: every dossier, drafts and published, most recently changed first
// (archived ones aside).
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { NOT_ARCHIVED } from "../newsroom/scope";

export interface DossierListItem {
  id: string;
  slug: string;
  title: string;
  status: string;
  language: string;
  updatedAt: string;
  createdAt: string;
  claims: number;
  orphanedClaims: number;
  openQuestions: number;
}

export async function listDossiers(actor: Actor): Promise<DossierListItem[]> {
  requirePermission(actor, "newsroom:access");
  const rows = await db.dossier.findMany({
    // Archived dossiers have their own list (list-archived-dossiers.ts).
    where: NOT_ARCHIVED,
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      language: true,
      updatedAt: true,
      createdAt: true,
      _count: { select: { claims: true, questions: { where: { status: "open" } } } },
    },
  });
  const orphaned = await db.claim.groupBy({ by: ["dossierId"], where: { anchorStatus: "orphaned" }, _count: { _all: true } });
  const orphanedBy = new Map(orphaned.map((o) => [o.dossierId, o._count._all]));
  return rows.map(({ _count, updatedAt, createdAt, ...d }) => ({
    ...d,
    updatedAt: updatedAt.toISOString(),
    createdAt: createdAt.toISOString(),
    claims: _count.claims,
    openQuestions: _count.questions,
    orphanedClaims: orphanedBy.get(d.id) ?? 0,
  }));
}
