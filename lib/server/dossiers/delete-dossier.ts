import "server-only";
// Taking a dossier out of the newsroom (editors and admins). Nothing of a fact-check record is
// ever erased by the application (docs/decisions/030): a dossier that holds anything — an article
// saved even once, a claim, a source, a verdict or a proposal, a publication record — is
// ARCHIVED, every row kept, out of every list and page, until an admin restores it. Only a dossier
// that holds nothing at all (created by mistake: no article saved, no record, never published) is
// deleted for real. A published dossier must be unpublished first, so readers are never left with
// a broken link without an editor deciding it, and the unpublication is on the record.
import { AppError } from "@/lib/domain/errors";
import type { DeleteDossierInput } from "@/lib/schemas/dossier";
import { actorId, requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { findDossier } from "../newsroom/scope";

export type DeleteDossierResult = { outcome: "archived" | "deleted"; slug: string; title: string; readerSlug: null };

/** What a dossier holds, counted: any of it makes the dossier a record to keep. */
export async function dossierHoldings(tx: Tx, dossierId: string) {
  const row = await tx.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: {
      publishedAt: true,
      _count: { select: { revisions: true, drafts: true, claims: true, sources: true, quotes: true, entities: true, questions: true, events: true, publication: true } },
    },
  });
  const where = { claim: { dossierId } };
  const [verdictChanges, proposals] = await Promise.all([tx.verdictChange.count({ where }), tx.verdictProposal.count({ where })]);
  const counts = { ...row._count, verdictChanges, proposals };
  const holdsAnything = row.publishedAt !== null || Object.values(counts).some((n) => n > 0);
  return { counts, holdsAnything };
}

export async function deleteDossier(actor: Actor, input: DeleteDossierInput): Promise<DeleteDossierResult> {
  requirePermission(actor, "dossier:delete");
  return db.$transaction(async (tx) => {
    const ref = await findDossier(tx, input.dossierId);
    const dossier = await tx.dossier.findUniqueOrThrow({ where: { id: ref.id }, select: { id: true, slug: true, title: true, status: true, version: true } });
    if (dossier.status === "published") {
      throw new AppError("RULE_VIOLATION", "This dossier is published: unpublish it first, so readers are not left with a broken link.");
    }
    const { counts, holdsAnything } = await dossierHoldings(tx, dossier.id);
    const snapshot = { ...dossier, counts };

    if (holdsAnything) {
      const reason = input.reason ?? null;
      await tx.dossier.update({ where: { id: dossier.id }, data: { archivedAt: new Date(), archivedById: actorId(actor), archiveReason: reason } });
      await recordAudit(tx, actor, { action: "dossier.archive", entityType: "dossier", entityId: dossier.id, dossierId: dossier.id, dossierSlug: dossier.slug, before: snapshot, after: { archived: true, reason } });
      return { outcome: "archived", slug: dossier.slug, title: dossier.title, readerSlug: null };
    }

    // Nothing in it but its title and summary: the audit entry (which survives the row, with the
    // slug) is the whole record of it.
    await recordAudit(tx, actor, { action: "dossier.delete", entityType: "dossier", entityId: dossier.id, dossierId: dossier.id, dossierSlug: dossier.slug, before: snapshot });
    await tx.dossier.delete({ where: { id: dossier.id } });
    return { outcome: "deleted", slug: dossier.slug, title: dossier.title, readerSlug: null };
  });
}
