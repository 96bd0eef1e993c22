import "server-only";
// Re-finds every claim's passage after the article changed (inside the saving transaction).
// A claim whose passage is gone is marked orphaned, never deleted; one whose passage came back is
// anchored again. Claim versions are not bumped: anchoring is not an edit of the claim's fields,
// so a journalist editing the claim's text at the same time does not hit a conflict.
// The claims are compared in memory, then written a few hundred per statement, with one audit
// entry per changed claim as before (docs/decisions/102): a 2,000-claim save used to cost two
// statements per moved claim, ≈ 1.7 ms of Prisma's work each.
import { anchorQuote } from "@/lib/domain/anchoring";
import { Prisma } from "@/lib/generated/prisma/client";
import { articlePreparedTextOffThread } from "@/lib/markdown/off-thread";
import type { Actor } from "../actor";
import { recordAudits, type AuditEntry } from "../audit";
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

const YIELD_EVERY = 25;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function reanchorClaims(tx: Tx, actor: Actor, dossier: DossierRef, body: string): Promise<ReanchorReport> {
  // Normalised once for all the claims (lib/domain/text-normalization.ts).
  const text = await articlePreparedTextOffThread(body);
  const claims = await tx.claim.findMany({
    where: { dossierId: dossier.id },
    orderBy: { position: "asc" },
    select: { id: true, text: true, anchorExact: true, anchorPrefix: true, anchorSuffix: true, anchorStart: true, anchorEnd: true, anchorStatus: true },
  });
  const report: ReanchorReport = { anchored: 0, moved: [], orphaned: [], restored: [] };
  const placed: { id: string; start: number }[] = [];
  const orphans: string[] = [];
  const anchors: Anchor[] = [];
  const audits: AuditEntry[] = [];
  for (const [i, claim] of claims.entries()) {
    // Finding thousands of passages is ≈ 0.2 ms each: let other requests in between, every few ms (decisions 103, 102).
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToOthers();
    const found = anchorQuote(text, { exact: claim.anchorExact, prefix: claim.anchorPrefix, suffix: claim.anchorSuffix }, claim.anchorStart);
    const before = { anchorStatus: claim.anchorStatus, anchorExact: claim.anchorExact, anchorStart: claim.anchorStart, anchorEnd: claim.anchorEnd };
    if (found.status === "orphaned") {
      if (claim.anchorStatus !== "orphaned") {
        // Keep the last known selector: it says which passage the claim was about.
        orphans.push(claim.id);
        audits.push({ action: "claim.orphan", entityType: "claim", entityId: claim.id, ...inDossier(dossier), before, after: { ...before, anchorStatus: "orphaned", reason: found.reason } });
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
    anchors.push({ id: claim.id, exact: found.exact, prefix: found.prefix, suffix: found.suffix, start: found.start, end: found.end });
    const action = claim.anchorStatus === "orphaned" ? "claim.reanchor-restored" : "claim.reanchor";
    audits.push({
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
  for (const ids of batches(orphans)) await tx.claim.updateMany({ where: { id: { in: ids } }, data: { anchorStatus: "orphaned" } });
  await writeAnchors(tx, anchors);
  await recordAudits(tx, actor, audits);
  await renumberClaims(tx, dossier.id, placed);
  return report;
}

interface Anchor {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/**
 * Rows per batched statement. Fifty: each statement's work on the request thread (Prisma building
 * it, SQLite running it) stays near 30 ms, so readers are not held behind it; 250 held it 100–180 ms
 * (docs/decisions/102, amended 2026-12-02).
 */
const BATCH = 50;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

// Prisma has no update of many rows with a value per row: one UPDATE … FROM (VALUES …) per batch,
// the same SQL on SQLite (3.33+) and PostgreSQL. A VALUES list's columns are named column1, column2…
// by both; the casts give PostgreSQL their types. "updatedAt" is set as Prisma's @updatedAt would.

/** Writes each claim's new passage (anchored). */
async function writeAnchors(tx: Tx, anchors: Anchor[]): Promise<void> {
  for (const rows of batches(anchors)) {
    const values = Prisma.join(
      rows.map((a) => Prisma.sql`(CAST(${a.id} AS TEXT), CAST(${a.exact} AS TEXT), CAST(${a.prefix} AS TEXT), CAST(${a.suffix} AS TEXT), CAST(${a.start} AS INTEGER), CAST(${a.end} AS INTEGER))`),
    );
    await tx.$executeRaw`UPDATE "Claim" SET "anchorStatus" = 'anchored', "anchorExact" = v.column2, "anchorPrefix" = v.column3, "anchorSuffix" = v.column4, "anchorStart" = v.column5, "anchorEnd" = v.column6, "updatedAt" = ${new Date()} FROM (VALUES ${values}) AS v WHERE "Claim"."id" = v.column1`;
  }
}

/** Writes each claim's new position. */
async function writePositions(tx: Tx, positions: { id: string; position: number }[]): Promise<void> {
  for (const rows of batches(positions)) {
    const values = Prisma.join(rows.map((p) => Prisma.sql`(CAST(${p.id} AS TEXT), CAST(${p.position} AS INTEGER))`));
    await tx.$executeRaw`UPDATE "Claim" SET "position" = v.column2, "updatedAt" = ${new Date()} FROM (VALUES ${values}) AS v WHERE "Claim"."id" = v.column1`;
  }
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
  await writePositions(
    tx,
    [...order.entries()].filter(([position, id]) => positions.get(id) !== position).map(([position, id]) => ({ id, position })),
  );
}
