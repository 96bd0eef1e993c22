import "server-only";
// A timeline event's date bounds (from its EDTF date) and its links to claims and sources of the
// same dossier.
import { parseEdtf } from "@/lib/domain/edtf";
import { AppError } from "@/lib/domain/errors";
import type { Tx } from "../db";

export function eventBounds(date: string): { sortStart: string; sortEnd: string } {
  const parsed = parseEdtf(date);
  // The schema already validated the date; this guards callers that skip it.
  if (!parsed.ok) throw new AppError("INVALID_INPUT", parsed.error, { fieldErrors: { date: [parsed.error] } });
  return { sortStart: parsed.sortStart, sortEnd: parsed.sortEnd };
}

export async function replaceEventLinks(tx: Tx, dossierId: string, eventId: string, links: { claimIds: string[]; sourceIds: string[] }): Promise<void> {
  const [claims, sources] = await Promise.all([
    tx.claim.count({ where: { dossierId, id: { in: links.claimIds } } }),
    tx.source.count({ where: { dossierId, id: { in: links.sourceIds } } }),
  ]);
  if (claims !== links.claimIds.length) throw new AppError("INVALID_INPUT", "Choose claims of this dossier.", { fieldErrors: { claimIds: ["Choose claims of this dossier."] } });
  if (sources !== links.sourceIds.length) throw new AppError("INVALID_INPUT", "Choose sources of this dossier.", { fieldErrors: { sourceIds: ["Choose sources of this dossier."] } });
  await tx.eventClaim.deleteMany({ where: { eventId } });
  await tx.eventSource.deleteMany({ where: { eventId } });
  if (links.claimIds.length) await tx.eventClaim.createMany({ data: links.claimIds.map((claimId) => ({ eventId, claimId })) });
  if (links.sourceIds.length) await tx.eventSource.createMany({ data: links.sourceIds.map((sourceId) => ({ eventId, sourceId })) });
}
