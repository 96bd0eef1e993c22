import "server-only";
// An open question is assigned to an active newsroom member and answered by a claim of the same
// dossier.
import { AppError } from "@/lib/domain/errors";
import type { Tx } from "../db";

export async function requireQuestionLinks(tx: Tx, dossierId: string, links: { ownerId: string | null; answeringClaimId?: string | null }): Promise<void> {
  if (links.ownerId && !(await tx.user.findFirst({ where: { id: links.ownerId, disabledAt: null }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", "Choose an active member of the newsroom.", { fieldErrors: { ownerId: ["Choose an active member of the newsroom."] } });
  }
  if (links.answeringClaimId && !(await tx.claim.findFirst({ where: { id: links.answeringClaimId, dossierId }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", "Choose a claim of this dossier.", { fieldErrors: { answeringClaimId: ["Choose a claim of this dossier."] } });
  }
}
