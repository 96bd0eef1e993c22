import "server-only";
// Each dossier's verification progress for the desk: how many claims in each review state and
// with each verdict, how many block publication. Drafts first (they are what the desk works
// towards publishing), then by title.
import { compareText } from "@/lib/domain/collation";
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { AppError } from "@/lib/domain/errors";
import { isBlocking, reviewStateFor } from "@/lib/domain/verdict-rules";
import { REVIEW_STATES, type ReviewState } from "@/lib/domain/vocabulary";
import type { VerificationProgressInput } from "@/lib/schemas/desk";
import { requirePermission, type Actor } from "../actor";
import { claimsNeedingRecheck } from "../claims/recheck";
import { db } from "../db";
import { NOT_ARCHIVED } from "../newsroom/scope";
import type { DossierLink } from "../verdicts/claim-decision";

export interface VerificationProgress {
  dossier: DossierLink & { publishedAt: string | null; language: string };
  total: number;
  /** Sums to total. */
  byReviewState: Record<ReviewState, number>;
  /**
   * Sums to total: every verdict of the vocabulary in its order (zeros included, so a chart's
   * legend is stable), then keys no longer in the vocabulary, then null (not yet checked).
   */
  byVerdict: { verdict: string | null; count: number }[];
  pendingProposals: number;
  /** Claims whose verdict awaits a re-check (their words, passage or cited evidence changed). */
  needsRecheck: number;
  /** Claims that lost their passage in the article. */
  orphaned: number;
  /** Claims that block publication (not yet checked, awaiting a re-check, or with a pending proposal). */
  blocking: number;
  ready: boolean;
}

export async function getVerificationProgress(actor: Actor, data: VerificationProgressInput = {}): Promise<VerificationProgress[]> {
  requirePermission(actor, "newsroom:access", "person");
  const vocabulary = verdictVocabulary();

  return db.$transaction(async (tx) => {
    // Archived dossiers are off the desk (docs/decisions/030).
    const scope = data.dossierId ? { dossierId: data.dossierId, dossier: NOT_ARCHIVED } : { dossier: NOT_ARCHIVED };
    const dossiers = await tx.dossier.findMany({
      where: data.dossierId ? { id: data.dossierId, ...NOT_ARCHIVED } : NOT_ARCHIVED,
      select: { id: true, slug: true, title: true, status: true, publishedAt: true, language: true },
    });
    // Drafts, then published dossiers, each by title (collation.ts: the same order on every database).
    dossiers.sort((a, b) => compareText(a.status, b.status) || compareText(a.title, b.title));
    if (data.dossierId && dossiers.length === 0) throw new AppError("NOT_FOUND", "This dossier does not exist (it may have been deleted).");
    const claims = await tx.claim.findMany({ where: scope, select: { id: true, dossierId: true, verdict: true, anchorStatus: true } });
    const recheck = await claimsNeedingRecheck(tx, scope);
    const pending = await tx.verdictProposal.findMany({ where: { status: "pending", claim: scope }, select: { claimId: true } });
    const withPending = new Set(pending.map((p) => p.claimId));

    const progress = new Map<string, VerificationProgress>();
    const counts = new Map<string, Map<string | null, number>>();
    for (const d of dossiers) {
      progress.set(d.id, {
        dossier: { id: d.id, slug: d.slug, title: d.title, status: d.status, publishedAt: d.publishedAt?.toISOString() ?? null, language: d.language },
        total: 0,
        byReviewState: Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewState, number>,
        byVerdict: [],
        pendingProposals: 0,
        needsRecheck: 0,
        orphaned: 0,
        blocking: 0,
        ready: true,
      });
      counts.set(d.id, new Map<string | null, number>(vocabulary.map((v) => [v.key, 0])));
    }
    for (const c of claims) {
      const p = progress.get(c.dossierId);
      const byVerdict = counts.get(c.dossierId);
      if (!p || !byVerdict) continue;
      const facts = { verdict: c.verdict, hasVerdict: c.verdict !== null, hasPendingProposal: withPending.has(c.id), needsRecheck: recheck.has(c.id) };
      p.total += 1;
      if (facts.needsRecheck) p.needsRecheck += 1;
      if (c.anchorStatus === "orphaned") p.orphaned += 1;
      p.byReviewState[reviewStateFor(facts)] += 1;
      if (facts.hasPendingProposal) p.pendingProposals += 1;
      if (isBlocking(facts)) p.blocking += 1;
      byVerdict.set(c.verdict, (byVerdict.get(c.verdict) ?? 0) + 1);
    }
    return dossiers.map((d) => {
      const p = progress.get(d.id)!;
      const byVerdict = counts.get(d.id)!;
      const unchecked = byVerdict.get(null) ?? 0;
      byVerdict.delete(null);
      // Map keeps insertion order: vocabulary keys first, then keys no longer in it.
      p.byVerdict = [...[...byVerdict].map(([verdict, count]) => ({ verdict, count })), { verdict: null, count: unchecked }];
      p.ready = p.blocking === 0;
      return p;
    });
  });
}
