import "server-only";
// The publish gate as the publishing use cases read it: every claim of the dossier with its
// pending proposal and whether its verdict needs a re-check, judged by publishGate()
// (lib/domain/verdict-rules.ts).
import { AppError } from "@/lib/domain/errors";
import { publishGate, type BlockingReason } from "@/lib/domain/verdict-rules";
import { recheckOf, recheckSelect } from "../claims/recheck";
import type { Tx } from "../db";
import { archivedError } from "../newsroom/scope";
import type { PersonRef } from "../verdicts/claim-decision";

export interface BlockingClaim {
  id: string;
  text: string;
  /** Order in the article. */
  position: number;
  /** orphaned claims block too: they must be re-attached or checked like any other. */
  anchorStatus: string;
  verdict: string | null;
  reasons: BlockingReason[];
  pendingProposal: { id: string; verdict: string; proposedBy: PersonRef; createdAt: string } | null;
  assignee: PersonRef | null;
}

const publishingDossierSelect = { id: true, slug: true, title: true, status: true, publishedAt: true, version: true } as const;

export async function loadDossier(tx: Tx, dossierId: string) {
  const dossier = await tx.dossier.findUnique({ where: { id: dossierId }, select: { ...publishingDossierSelect, archivedAt: true } });
  if (!dossier) throw new AppError("NOT_FOUND", "This dossier does not exist (it may have been deleted).");
  // An archived dossier is never published (nor shown to readers) until an admin restores it.
  const { archivedAt, ...active } = dossier;
  if (archivedAt) throw archivedError(dossier.slug);
  return active;
}

export const toPublishingDossier = (d: Awaited<ReturnType<typeof loadDossier>>) => ({
  ...d,
  publishedAt: d.publishedAt?.toISOString() ?? null,
});

export type PublishingDossier = ReturnType<typeof toPublishingDossier>;

/** Every claim of the dossier judged by the gate: the blocking ones, in article order. */
export async function gateOf(tx: Tx, dossierId: string): Promise<{ ready: boolean; totalClaims: number; blocking: BlockingClaim[] }> {
  const claims = await tx.claim.findMany({
    where: { dossierId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      ...recheckSelect,
      id: true,
      text: true,
      position: true,
      anchorStatus: true,
      verdict: true,
      assignee: { select: { id: true, name: true } },
      proposals: {
        where: { status: "pending" },
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { id: true, verdict: true, createdAt: true, proposedBy: { select: { id: true, name: true } } },
      },
    },
  });
  const gate = publishGate(claims.map((c) => ({ ...c, hasPendingProposal: c.proposals.length > 0, needsRecheck: recheckOf(c).length > 0 })));
  return {
    ready: gate.ready,
    totalClaims: claims.length,
    blocking: gate.blocking.map((c) => {
      const p = c.proposals[0];
      return {
        id: c.id,
        text: c.text,
        position: c.position,
        anchorStatus: c.anchorStatus,
        verdict: c.verdict,
        reasons: c.reasons,
        pendingProposal: p ? { id: p.id, verdict: p.verdict, proposedBy: p.proposedBy, createdAt: p.createdAt.toISOString() } : null,
        assignee: c.assignee,
      };
    }),
  };
}
