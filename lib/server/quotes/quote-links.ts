import "server-only";
// The speaker and source a quote names must belong to the dossier being edited.
import { AppError } from "@/lib/domain/errors";
import type { Tx } from "../db";

export async function requireQuoteLinks(tx: Tx, dossierId: string, links: { speakerId: string | null; sourceId: string | null }): Promise<void> {
  if (links.speakerId && !(await tx.entity.findFirst({ where: { id: links.speakerId, dossierId }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", "Choose a speaker from this dossier.", { fieldErrors: { speakerId: ["Choose a person or organisation of this dossier."] } });
  }
  if (links.sourceId && !(await tx.source.findFirst({ where: { id: links.sourceId, dossierId }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", "Choose a source from this dossier.", { fieldErrors: { sourceId: ["Choose a source of this dossier."] } });
  }
}
