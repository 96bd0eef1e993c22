import "server-only";
// Deleting a claim also deletes its evidence links. A claim with a fact-check history is never
// deleted (that history is a public record once published); nor is one that answers a question.
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { findDossier, inDossier, readerSlugOf } from "../newsroom/scope";
import { claimSelect, toClaimView } from "./claim-view";
import { renumberClaims } from "./reanchor";

export async function deleteClaim(actor: Actor, input: { dossierId: string; claimId: string }): Promise<{ deleted: string; readerSlug: string | null }> {
  requirePermission(actor, "claim:edit");
  return db.$transaction(async (tx) => {
    const dossier = await findDossier(tx, input.dossierId);
    const claim = await tx.claim.findFirst({
      where: { id: input.claimId, dossierId: dossier.id },
      select: { ...claimSelect, _count: { select: { evidence: true, history: true, proposals: true, answers: true } } },
    });
    if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist (it may have been deleted).");
    if (claim.verdict || claim._count.history > 0 || claim._count.proposals > 0) {
      throw new AppError("RULE_VIOLATION", "This claim has a fact-check history, which must be kept: it cannot be deleted. Edit its wording instead, or re-attach it to a passage.");
    }
    if (claim._count.answers > 0) {
      throw new AppError("RULE_VIOLATION", `This claim answers ${claim._count.answers === 1 ? "an open question" : `${claim._count.answers} open questions`}: link those questions to another claim first.`);
    }
    const evidence = await tx.evidence.findMany({ where: { claimId: claim.id }, select: { id: true, sourceId: true, stance: true, excerpt: true } });
    await tx.claim.delete({ where: { id: claim.id } });
    await renumberClaims(tx, dossier.id);
    await recordAudit(tx, actor, { action: "claim.delete", entityType: "claim", entityId: claim.id, ...inDossier(dossier), before: { ...toClaimView(claim), evidence } });
    return { deleted: claim.id, readerSlug: readerSlugOf(dossier) };
  });
}
