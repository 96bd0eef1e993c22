import "server-only";
// The claims desk: every claim of every dossier, filterable by verdict (including "unchecked"),
// review state, dossier and assignee, oldest-waiting first, one page at a time. Every newsroom
// role sees the whole desk (the newsroom has no per-dossier membership); nothing confidential is
// selected.
//
// Order: claims waiting for the desk (not yet checked, awaiting a re-check, or with a pending
// proposal) first, the one waiting longest at the top — a pending proposal waits since it was
// made, an unchecked claim since it was created, a claim to re-check since its verdict; then checked claims, least recently checked first (the likeliest to be
// overtaken by events). That order depends on the pending proposal, so it is computed from a light
// read of the matching claims, then only the page is read in full: fine for the tens of thousands
// of claims a newsroom accumulates.
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { AppError } from "@/lib/domain/errors";
import { blockingReasons, reviewStateFor, type BlockingReason } from "@/lib/domain/verdict-rules";
import { findVerdict } from "@/lib/domain/verdicts";
import type { ReviewState } from "@/lib/domain/vocabulary";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RecheckChange } from "@/lib/domain/recheck";
import { DeskClaimFiltersSchema, UNCHECKED, type DeskClaimFilters } from "@/lib/schemas/desk";
import { requirePermission, type Actor } from "../actor";
import { claimsNeedingRecheck } from "../claims/recheck";
import { db } from "../db";
import { NOT_ARCHIVED } from "../newsroom/scope";
import { parseInput } from "@/lib/schemas/parse";
import type { DossierLink, PersonRef } from "../verdicts/claim-decision";

export interface DeskClaim {
  id: string;
  text: string;
  /** Order in the article. */
  position: number;
  hedged: boolean;
  anchorStatus: string;
  /** The claim version, for a decision taken from the desk. */
  version: number;
  /** With its content language, for `lang` on the claim's text. */
  dossier: DossierLink & { language: string };
  /** null: not yet checked. */
  verdict: string | null;
  verdictSetAt: string | null;
  reviewState: ReviewState;
  /** Why it blocks its dossier's publication; empty when it does not. */
  blocking: BlockingReason[];
  /** What changed since its verdict was given (empty: the verdict still applies). */
  recheck: RecheckChange[];
  /** Waiting since (pending proposal, else creation); for a checked claim, when it was checked. */
  waitingSince: string;
  author: PersonRef | null;
  assignee: PersonRef | null;
  pendingProposal: { id: string; verdict: string; proposedBy: PersonRef; createdAt: string } | null;
  evidenceCount: number;
}

export interface DeskClaimPage {
  items: DeskClaim[];
  /** Claims matching the filters, on all pages. */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** The filters applied, with "me" resolved to the person's id (assigneeId null = unassigned). */
  filters: { verdict?: string; reviewState?: ReviewState; dossierId?: string; assigneeId?: string | null; attention?: "recheck" | "orphaned" };
}

const pendingOnly = { status: "pending" } as const;

function reviewStateWhere(state: ReviewState): Prisma.ClaimWhereInput {
  // The state the facts imply (reviewStateFor), not the stored column: the two agree unless
  // something outside the desk (a re-import) rewrote the column.
  switch (state) {
    case "proposed":
      return { proposals: { some: pendingOnly } };
    case "reviewed":
      return { verdict: { not: null }, proposals: { none: pendingOnly } };
    case "unreviewed":
      return { verdict: null, proposals: { none: pendingOnly } };
  }
}

export async function listDeskClaims(actor: Actor, input: DeskClaimFilters): Promise<DeskClaimPage> {
  const user = requirePermission(actor, "newsroom:access", "person");
  // The desk page passes its query string as it came: this is the one parse (docs/decisions/104).
  const f = parseInput(DeskClaimFiltersSchema, input);
  if (f.verdict && f.verdict !== UNCHECKED && !findVerdict(f.verdict, verdictVocabulary())) {
    const message = `"${f.verdict}" is not a verdict of this newsroom.`;
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { verdict: [message] } });
  }
  const assigneeId = f.assignee === undefined ? undefined : f.assignee === "me" ? user.id : f.assignee === "unassigned" ? null : f.assignee;

  const filters: DeskClaimPage["filters"] = {
    ...(f.verdict ? { verdict: f.verdict } : {}),
    ...(f.reviewState ? { reviewState: f.reviewState } : {}),
    ...(f.dossierId ? { dossierId: f.dossierId } : {}),
    ...(assigneeId !== undefined ? { assigneeId } : {}),
    ...(f.attention ? { attention: f.attention } : {}),
  };
  const where: Prisma.ClaimWhereInput = {
    AND: [
      f.verdict === UNCHECKED ? { verdict: null } : f.verdict ? { verdict: f.verdict } : {},
      f.reviewState ? reviewStateWhere(f.reviewState) : {},
      f.dossierId ? { dossierId: f.dossierId } : {},
      assigneeId !== undefined ? { assigneeId } : {},
      // Archived dossiers are off the desk (docs/decisions/030).
      { dossier: NOT_ARCHIVED },
      f.attention === "orphaned" ? { anchorStatus: "orphaned" } : f.attention === "recheck" ? { verdict: { not: null } } : {},
    ],
  };

  return db.$transaction(async (tx) => {
    // One after the other: an interactive transaction runs on one connection anyway.
    const recheck = await claimsNeedingRecheck(tx, where);
    const matching = await tx.claim.findMany({ where, select: { id: true, verdict: true, createdAt: true, verdictSetAt: true, updatedAt: true } });
    // Needing a re-check is derived from each claim's latest decision, not a column: filter here.
    const light = f.attention === "recheck" ? matching.filter((c) => recheck.has(c.id)) : matching;
    const pending = await tx.verdictProposal.findMany({ where: { ...pendingOnly, claim: where }, select: { claimId: true, createdAt: true } });
    const pendingSince = new Map<string, Date>();
    for (const p of pending) {
      const seen = pendingSince.get(p.claimId);
      if (!seen || p.createdAt < seen) pendingSince.set(p.claimId, p.createdAt);
    }
    const ordered = light
      .map((c) => {
        const proposedAt = pendingSince.get(c.id);
        const waiting = blockingReasons({ verdict: c.verdict, hasPendingProposal: proposedAt !== undefined, needsRecheck: recheck.has(c.id) }).length > 0;
        const since = proposedAt ?? (c.verdict === null ? c.createdAt : (c.verdictSetAt ?? c.updatedAt));
        return { id: c.id, waiting, since: since.getTime() };
      })
      .sort((a, b) => Number(b.waiting) - Number(a.waiting) || a.since - b.since || a.id.localeCompare(b.id));

    const total = ordered.length;
    const pageCount = Math.max(1, Math.ceil(total / f.pageSize));
    const pageIds = ordered.slice((f.page - 1) * f.pageSize, f.page * f.pageSize).map((c) => c.id);
    const rows = pageIds.length
      ? await tx.claim.findMany({
          where: { id: { in: pageIds } },
          select: {
            id: true,
            text: true,
            position: true,
            hedged: true,
            anchorStatus: true,
            version: true,
            verdict: true,
            verdictSetAt: true,
            createdAt: true,
            updatedAt: true,
            dossier: { select: { id: true, slug: true, title: true, status: true, language: true } },
            author: { select: { id: true, name: true } },
            assignee: { select: { id: true, name: true } },
            proposals: {
              where: pendingOnly,
              orderBy: { createdAt: "asc" },
              take: 1,
              select: { id: true, verdict: true, createdAt: true, proposedBy: { select: { id: true, name: true } } },
            },
            _count: { select: { evidence: true } },
          },
        })
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = pageIds.flatMap((id): DeskClaim[] => {
      const r = byId.get(id);
      if (!r) return [];
      const p = r.proposals[0];
      const changes = recheck.get(r.id) ?? [];
      const facts = { verdict: r.verdict, hasVerdict: r.verdict !== null, hasPendingProposal: p !== undefined, needsRecheck: changes.length > 0 };
      const since = p?.createdAt ?? (r.verdict === null ? r.createdAt : (r.verdictSetAt ?? r.updatedAt));
      return [
        {
          id: r.id,
          text: r.text,
          position: r.position,
          hedged: r.hedged,
          anchorStatus: r.anchorStatus,
          version: r.version,
          dossier: r.dossier,
          verdict: r.verdict,
          verdictSetAt: r.verdictSetAt?.toISOString() ?? null,
          reviewState: reviewStateFor(facts),
          blocking: blockingReasons(facts),
          recheck: changes,
          waitingSince: since.toISOString(),
          author: r.author,
          assignee: r.assignee,
          pendingProposal: p ? { id: p.id, verdict: p.verdict, proposedBy: p.proposedBy, createdAt: p.createdAt.toISOString() } : null,
          evidenceCount: r._count.evidence,
        },
      ];
    });
    return { items, total, page: f.page, pageSize: f.pageSize, pageCount, filters };
  });
}
