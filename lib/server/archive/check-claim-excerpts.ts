import "server-only";
// For each piece of evidence of a claim: is its excerpt in what was archived of its source (the
// captures' readable text, the documents' text)? The claim page shows the answer next to it.
import { checkExcerpt, type ArchivedText, type ExcerptCheck } from "@/lib/domain/excerpt-check";
import type { ClaimExcerptsInput } from "@/lib/schemas/archive";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { findDossier } from "../newsroom/scope";
import { pagesOf } from "./record-views";

export async function checkClaimExcerpts(actor: Actor, input: ClaimExcerptsInput): Promise<Record<string, ExcerptCheck>> {
  requirePermission(actor, "newsroom:access");
  const dossier = await findDossier(db, input.dossierId);
  const claim = await db.claim.findFirst({
    where: { id: input.claimId, dossierId: dossier.id },
    select: { evidence: { select: { id: true, sourceId: true, excerpt: true } } },
  });
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist.");
  const sourceIds = [...new Set(claim.evidence.map((e) => e.sourceId))];
  const [captures, documents] = await Promise.all([
    db.capture.findMany({ where: { sourceId: { in: sourceIds } }, select: { id: true, sourceId: true, capturedAt: true, finalUrl: true, text: true, pageTexts: true } }),
    db.document.findMany({ where: { sourceId: { in: sourceIds } }, select: { id: true, sourceId: true, createdAt: true, filename: true, text: true, pageTexts: true } }),
  ]);
  const bySource = new Map<string, ArchivedText[]>();
  const add = (sourceId: string, record: ArchivedText) => bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), record]);
  for (const c of captures) add(c.sourceId, { kind: "capture", id: c.id, at: c.capturedAt.toISOString(), label: c.finalUrl, text: c.text, pages: pagesOf(c.pageTexts) });
  for (const d of documents) add(d.sourceId, { kind: "document", id: d.id, at: d.createdAt.toISOString(), label: d.filename, text: d.text, pages: pagesOf(d.pageTexts) });
  return Object.fromEntries(claim.evidence.map((e) => [e.id, checkExcerpt(e.excerpt, bySource.get(e.sourceId) ?? [])]));
}
