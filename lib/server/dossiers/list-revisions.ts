import "server-only";
// The article's history, newest first, and any two revisions side by side for a diff.
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { findDossierBySlug } from "../newsroom/scope";

export interface RevisionListItem {
  number: number;
  createdAt: string;
  authorName: string | null;
  note: string | null;
  length: number;
}

export interface RevisionHistory {
  dossier: { id: string; slug: string; title: string; version: number };
  revisions: RevisionListItem[];
  /** The pair being compared (older first), when at least two revisions exist. */
  comparison: { from: RevisionListItem & { body: string }; to: RevisionListItem & { body: string } } | null;
}

export async function listRevisions(actor: Actor, slug: string, compare?: { from?: number; to?: number }): Promise<RevisionHistory> {
  requirePermission(actor, "newsroom:access");
  const ref = await findDossierBySlug(db, slug);
  const dossier = await db.dossier.findUniqueOrThrow({ where: { id: ref.id }, select: { id: true, slug: true, title: true, version: true } });
  const rows = await db.articleRevision.findMany({
    where: { dossierId: dossier.id },
    orderBy: { number: "desc" },
    select: { number: true, createdAt: true, note: true, body: true, author: { select: { name: true } } },
  });
  const revisions = rows.map((r) => ({ number: r.number, createdAt: r.createdAt.toISOString(), authorName: r.author?.name ?? null, note: r.note, length: r.body.length }));
  let comparison: RevisionHistory["comparison"] = null;
  if (rows.length >= 2) {
    const to = compare?.to ?? rows[0]!.number;
    const from = compare?.from ?? rows.find((r) => r.number < to)?.number ?? rows[1]!.number;
    const pick = (n: number) => {
      const i = rows.findIndex((r) => r.number === n);
      if (i === -1) throw new AppError("NOT_FOUND", `Revision ${n} does not exist.`);
      return { ...revisions[i]!, body: rows[i]!.body };
    };
    const [a, b] = [pick(from), pick(to)].sort((x, y) => x.number - y.number) as [RevisionListItem & { body: string }, RevisionListItem & { body: string }];
    comparison = { from: a, to: b };
  }
  return { dossier, revisions, comparison };
}
