import "server-only";
// A claim's verdict record as the newsroom sees it: the current verdict, every change (with its
// evidence and correction note), every proposal whatever its outcome, and the claim's evidence
// links to choose from. A confidential source is named as sources/confidentiality.ts sourceLabel says.
import { AppError } from "@/lib/domain/errors";
import { claimDeskAbilities, correctionNoteRequired, type ClaimDeskAbilities } from "@/lib/domain/verdict-rules";
import type { ReviewState } from "@/lib/domain/vocabulary";
import type { ClaimVerdictHistoryInput } from "@/lib/schemas/verdicts";
import { can, requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { archivedError } from "../newsroom/scope";
import { sourceLabel, sourceNameSelect } from "../sources/confidentiality";
import type { RecheckChange } from "@/lib/domain/recheck";
import { recheckOf } from "../claims/recheck";
import {
  proposalSelect,
  toProposalView,
  toVerdictChangeView,
  verdictChangeSelect,
  type ClaimVerdictState,
  type DossierLink,
  type PersonRef,
  type ProposalView,
  type VerdictChangeView,
} from "./claim-decision";

export interface EvidenceOption {
  id: string;
  /** supports | contradicts | context */
  stance: string;
  excerpt: string;
  /** Internal note (newsroom only). */
  note: string | null;
  source: {
    id: string;
    /** What this person may call it (sources/confidentiality.ts sourceLabel). */
    label: string;
    confidential: boolean;
    kind: string;
    reliability: string;
  };
}

export interface ClaimVerdictHistory {
  claim: ClaimVerdictState & {
    hedged: boolean;
    anchorStatus: string;
    position: number;
    author: PersonRef | null;
    assignee: PersonRef | null;
    verdictSetBy: PersonRef | null;
  };
  dossier: DossierLink & {
    publishedAt: string | null;
    /** A verdict decision on this claim needs a correction note (the dossier has been published). */
    correctionNoteRequired: boolean;
  };
  /** The claim's evidence links, in the order they were added. */
  evidence: EvidenceOption[];
  /** Every verdict change, oldest first (the last one is the current verdict). */
  changes: VerdictChangeView[];
  /** Every proposal whatever its status, oldest first. */
  proposals: ProposalView[];
  pendingProposal: ProposalView | null;
  /** What changed since the current verdict was given (empty: it still applies). */
  recheck: RecheckChange[];
  /** The claim's passage now (the re-check compares it with the one the verdict checked). */
  passage: string;
  /** What the person asking may do here (lib/domain/verdict-rules.ts claimDeskAbilities): the claim page shows these forms. */
  can: ClaimDeskAbilities;
}

export async function getClaimVerdictHistory(actor: Actor, data: ClaimVerdictHistoryInput): Promise<ClaimVerdictHistory> {
  const user = requirePermission(actor, "newsroom:access", "person");

  const claim = await db.claim.findUnique({
    where: { id: data.claimId },
    select: {
      id: true,
      dossierId: true,
      text: true,
      verdict: true,
      verdictRationale: true,
      verdictSetAt: true,
      verdictSetById: true,
      reviewState: true,
      version: true,
      hedged: true,
      anchorStatus: true,
      anchorExact: true,
      anchorRevision: true,
      position: true,
      author: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
      dossier: { select: { id: true, slug: true, title: true, status: true, publishedAt: true, archivedAt: true } },
      evidence: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          sourceId: true,
          stance: true,
          excerpt: true,
          note: true,
          source: { select: { id: true, kind: true, reliability: true, ...sourceNameSelect } },
        },
      },
      history: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: verdictChangeSelect },
      proposals: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: proposalSelect },
    },
  });
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist (it may have been deleted).");
  if (claim.dossier.archivedAt) throw archivedError(claim.dossier.slug);
  const verdictSetBy = claim.verdictSetById
    ? await db.user.findUnique({ where: { id: claim.verdictSetById }, select: { id: true, name: true } })
    : null;

  const proposals = claim.proposals.map(toProposalView);
  const pendingProposal = proposals.find((p) => p.status === "pending") ?? null;
  return {
    claim: {
      id: claim.id,
      dossierId: claim.dossierId,
      text: claim.text,
      verdict: claim.verdict,
      verdictRationale: claim.verdictRationale,
      verdictSetAt: claim.verdictSetAt?.toISOString() ?? null,
      reviewState: claim.reviewState as ReviewState,
      version: claim.version,
      hedged: claim.hedged,
      anchorStatus: claim.anchorStatus,
      position: claim.position,
      author: claim.author,
      assignee: claim.assignee,
      verdictSetBy,
    },
    dossier: {
      id: claim.dossier.id,
      slug: claim.dossier.slug,
      title: claim.dossier.title,
      status: claim.dossier.status,
      publishedAt: claim.dossier.publishedAt?.toISOString() ?? null,
      correctionNoteRequired: correctionNoteRequired(claim.dossier),
    },
    evidence: claim.evidence.map((e) => ({
      id: e.id,
      stance: e.stance,
      excerpt: e.excerpt,
      note: e.note,
      source: {
        id: e.source.id,
        label: sourceLabel(user, e.source),
        confidential: e.source.confidential,
        kind: e.source.kind,
        reliability: e.source.reliability,
      },
    })),
    changes: claim.history.map(toVerdictChangeView),
    proposals,
    pendingProposal,
    recheck: recheckOf({ ...claim, history: claim.history }, false),
    passage: claim.anchorExact,
    can: claimDeskAbilities({
      person: user,
      permissions: { setVerdict: can(user, "verdict:set"), propose: can(user, "verdict:propose") },
      claim: { authorId: claim.author?.id ?? null },
      pending: pendingProposal && { proposedById: pendingProposal.proposedBy.id },
    }),
  };
}
