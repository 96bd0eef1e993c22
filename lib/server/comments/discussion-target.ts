import "server-only";
// Shared steps of the discussion use cases (docs/decisions/110): what a thread is about, who may
// read it, who may be mentioned in it, and how it is shown. A confidential source's discussion
// belongs to the roles that may read its identity: to everybody else it does not exist.
import { AppError } from "@/lib/domain/errors";
import { roleHasPermission } from "@/lib/domain/permissions";
import type { CommentTarget } from "@/lib/schemas/comments";
import type { Actor } from "../actor";
import type { Tx } from "../db";
import { archivedError, type DossierRef } from "../newsroom/scope";
import { seesConfidentialSources, withheldSourceLabel } from "../sources/confidentiality";
import { claimExcerpt } from "../verdicts/claim-decision";

export interface DiscussionTarget {
  type: CommentTarget;
  id: string;
  dossier: DossierRef & { title: string };
  /** Whether only roles with source:view-confidential may read the discussion. */
  confidential: boolean;
  /** How a notification names it, without anything that identifies a confidential source. */
  safeLabel: string;
}

const discussionDossierSelect = { id: true, slug: true, status: true, version: true, title: true, archivedAt: true } as const;

function active(dossier: { id: string; slug: string; status: string; version: number; title: string; archivedAt: Date | null }) {
  if (dossier.archivedAt) throw archivedError(dossier.slug);
  const { archivedAt: _archived, ...ref } = dossier;
  return ref;
}

const MISSING: Record<CommentTarget, string> = {
  claim: "This claim does not exist (it may have been deleted).",
  source: "This source does not exist (it may have been deleted).",
};

/** The claim or source, refused (FORBIDDEN) when it is a confidential source the actor may not read. */
export async function findTarget(tx: Tx, actor: Actor, type: CommentTarget, id: string): Promise<DiscussionTarget> {
  if (type === "claim") {
    const claim = await tx.claim.findUnique({ where: { id }, select: { id: true, text: true, dossier: { select: discussionDossierSelect } } });
    if (!claim) throw new AppError("NOT_FOUND", MISSING.claim);
    return { type, id: claim.id, dossier: active(claim.dossier), confidential: false, safeLabel: `the claim “${claimExcerpt(claim.text)}”` };
  }
  const source = await tx.source.findUnique({ where: { id }, select: { id: true, title: true, confidential: true, publicDescription: true, dossier: { select: discussionDossierSelect } } });
  if (!source) throw new AppError("NOT_FOUND", MISSING.source);
  const target: DiscussionTarget = {
    type,
    id: source.id,
    dossier: active(source.dossier),
    confidential: source.confidential,
    safeLabel: source.confidential ? `the confidential source “${claimExcerpt(withheldSourceLabel(source.publicDescription))}”` : `the source “${claimExcerpt(source.title)}”`,
  };
  assertMayRead(actor, target);
  return target;
}

export function assertMayRead(actor: Actor, target: Pick<DiscussionTarget, "confidential">): void {
  if (target.confidential && !seesConfidentialSources(actor)) {
    throw new AppError("FORBIDDEN", "The discussion of a confidential source is for the roles that may read its identity (editors and admins).");
  }
}

/** The thread's target, from its row. */
export async function findThreadTarget(tx: Tx, actor: Actor, threadId: string): Promise<{ thread: { id: string; resolvedAt: Date | null }; target: DiscussionTarget }> {
  const thread = await tx.commentThread.findUnique({ where: { id: threadId }, select: { id: true, resolvedAt: true, claimId: true, sourceId: true } });
  if (!thread) throw new AppError("NOT_FOUND", "This discussion does not exist.");
  const target = thread.claimId ? await findTarget(tx, actor, "claim", thread.claimId) : await findTarget(tx, actor, "source", thread.sourceId!);
  return { thread: { id: thread.id, resolvedAt: thread.resolvedAt }, target };
}

/** Active members who may read the discussion: who can be mentioned in it. */
export async function mentionableMembers(tx: Tx, target: Pick<DiscussionTarget, "confidential">): Promise<{ id: string; name: string; role: string }[]> {
  const members = await tx.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true, role: true } });
  return members.filter((m) => roleHasPermission(m.role, "newsroom:access") && (!target.confidential || roleHasPermission(m.role, "source:view-confidential")));
}

export const whereTarget = (type: CommentTarget, id: string) => (type === "claim" ? { claimId: id } : { sourceId: id });
