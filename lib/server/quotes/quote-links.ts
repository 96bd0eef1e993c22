import "server-only";
// The speaker and source a quote names must belong to the dossier being edited; a speaker
// description must not repeat what is withheld about a confidential source.
import { speakerLabelLeaks } from "@/lib/domain/confidential-label";
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

/**
 * Warnings (not refusals) for a speaker description that repeats a confidential source's title or
 * identity: every journalist reads a quote's speaker, while those are withheld from them. The
 * warning names the source by its public description only, so it tells nobody more than they see.
 */
export async function speakerLabelWarnings(tx: Tx, dossierId: string, speakerLabel: string | null): Promise<string[]> {
  if (!speakerLabel) return [];
  const sources = await tx.source.findMany({ where: { dossierId, confidential: true }, select: { id: true, title: true, identity: true, publicDescription: true } });
  const leaks = speakerLabelLeaks(
    speakerLabel,
    sources.map((s) => ({ name: s.id, title: s.title, identity: s.identity })),
  );
  return leaks.map((leak) => {
    const described = sources.find((s) => s.id === leak.source)?.publicDescription ?? "a confidential source";
    return `Saved, but check the speaker description: it repeats the ${leak.field} recorded for the confidential source “${described}”, which journalists never see. Describe the speaker the way readers know that source instead.`;
  });
}
