import "server-only";
// Re-finds every claim's passage after the article changed (inside the saving transaction).
// A claim whose passage is gone is marked orphaned, never deleted; one whose passage came back is
// anchored again. Claim versions are not bumped: anchoring is not an edit of the claim's fields,
// so a journalist editing the claim's text at the same time does not hit a conflict.
import { anchorQuote, prepareText } from "@/lib/domain/anchoring";
import { articleText } from "@/lib/markdown/render";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { inDossier, type DossierRef } from "../newsroom/scope";

export interface ReanchorReport {
  /** Claims still anchored (whether or not their passage moved). */
  anchored: number;
  /** Claims whose passage moved or changed slightly and was found again. */
  moved: string[];
  /** Claims whose passage disappeared with this save. */
  orphaned: { id: string; text: string; exact: string }[];
  /** Previously orphaned claims whose passage is back. */
  restored: string[];
}

export async function reanchorClaims(tx: Tx, actor: Actor, dossier: DossierRef, body: string): Promise<ReanchorReport> {
  // Normalised once for all the claims (lib/domain/text-normalization.ts).
  const text = prepareText(articleText(body));
  const claims = await tx.claim.findMany({
    where: { dossierId: dossier.id },
    orderBy: { position: "asc" },
    select: { id: true, text: true, anchorExact: true, anchorPrefix: true, anchorSuffix: true, anchorStart: true, anchorEnd: true, anchorStatus: true },
  });
  const report: ReanchorReport = { anchored: 0, moved: [], orphaned: [], restored: [] };
  const placed: { id: string; start: number }[] = [];
  for (const claim of claims) {
    const found = anchorQuote(text, { exact: claim.anchorExact, prefix: claim.anchorPrefix, suffix: claim.anchorSuffix }, claim.anchorStart);
    const before = { anchorStatus: claim.anchorStatus, anchorExact: claim.anchorExact, anchorStart: claim.anchorStart, anchorEnd: claim.anchorEnd };
    if (found.status === "orphaned") {
      if (claim.anchorStatus !== "orphaned") {
        // Keep the last known selector: it says which passage the claim was about.
        await tx.claim.update({ where: { id: claim.id }, data: { anchorStatus: "orphaned" } });
        await recordAudit(tx, actor, { action: "claim.orphan", entityType: "claim", entityId: claim.id, ...inDossier(dossier), before, after: { ...before, anchorStatus: "orphaned", reason: found.reason } });
        report.orphaned.push({ id: claim.id, text: claim.text, exact: claim.anchorExact });
      }
      continue;
    }
    report.anchored++;
    placed.push({ id: claim.id, start: found.start });
    const unchanged =
      claim.anchorStatus === "anchored" &&
      claim.anchorExact === found.exact &&
      claim.anchorPrefix === found.prefix &&
      claim.anchorSuffix === found.suffix &&
      claim.anchorStart === found.start &&
      claim.anchorEnd === found.end;
    if (unchanged) continue;
    await tx.claim.update({
      where: { id: claim.id },
      data: { anchorStatus: "anchored", anchorExact: found.exact, anchorPrefix: found.prefix, anchorSuffix: found.suffix, anchorStart: found.start, anchorEnd: found.end },
    });
    const action = claim.anchorStatus === "orphaned" ? "claim.reanchor-restored" : "claim.reanchor";
    await recordAudit(tx, actor, {
      action,
      entityType: "claim",
      entityId: claim.id,
      ...inDossier(dossier),
      before,
      after: { anchorStatus: "anchored", anchorExact: found.exact, anchorStart: found.start, anchorEnd: found.end, quality: found.quality },
    });
    if (claim.anchorStatus === "orphaned") report.restored.push(claim.id);
    else report.moved.push(claim.id);
  }
  await renumberClaims(tx, dossier.id, placed);
  return report;
}

/** Claims are listed in article order: anchored claims by position in the text, orphaned ones last. */
export async function renumberClaims(tx: Tx, dossierId: string, placed?: { id: string; start: number }[]): Promise<void> {
  const anchored =
    placed ??
    (await tx.claim.findMany({ where: { dossierId, anchorStatus: "anchored" }, select: { id: true, anchorStart: true } })).map((c) => ({ id: c.id, start: c.anchorStart ?? 0 }));
  const orphaned = await tx.claim.findMany({ where: { dossierId, anchorStatus: "orphaned" }, orderBy: { position: "asc" }, select: { id: true } });
  const order = [...[...anchored].sort((a, b) => a.start - b.start).map((c) => c.id), ...orphaned.map((c) => c.id)];
  const current = await tx.claim.findMany({ where: { dossierId }, select: { id: true, position: true } });
  const positions = new Map(current.map((c) => [c.id, c.position]));
  for (const [position, claimId] of order.entries()) {
    if (positions.get(claimId) !== position) await tx.claim.update({ where: { id: claimId }, data: { position } });
  }
}
