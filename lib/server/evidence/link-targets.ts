import "server-only";
// The claim and source an evidence link names must both belong to the dossier being edited.
import { AppError } from "@/lib/domain/errors";
import type { Tx } from "../db";

export async function requireLinkTargets(tx: Tx, dossierId: string, claimId: string, sourceId: string): Promise<void> {
  const [claim, source] = await Promise.all([
    tx.claim.findFirst({ where: { id: claimId, dossierId }, select: { id: true } }),
    tx.source.findFirst({ where: { id: sourceId, dossierId }, select: { id: true } }),
  ]);
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist in this dossier.", { fieldErrors: { claimId: ["Choose a claim of this dossier."] } });
  if (!source) throw new AppError("INVALID_INPUT", "Choose a source of this dossier.", { fieldErrors: { sourceId: ["Choose a source of this dossier."] } });
}
