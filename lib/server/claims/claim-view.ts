import "server-only";
// A claim as the newsroom's use cases return it: a plain, serialisable view built from an
// explicit select. Its editable fields carry the input schema's names, so a conflict can be
// compared field by field.
import type { Prisma } from "@/lib/generated/prisma/client";

export const claimSelect = {
  id: true,
  text: true,
  hedged: true,
  anchorExact: true,
  anchorPrefix: true,
  anchorSuffix: true,
  anchorStart: true,
  anchorEnd: true,
  anchorStatus: true,
  /** Read-only here: verdicts are set on the fact-check desk. */
  verdict: true,
  reviewState: true,
  position: true,
  version: true,
  updatedAt: true,
  author: { select: { name: true } },
  assignee: { select: { id: true, name: true } },
  _count: { select: { evidence: true } },
} satisfies Prisma.ClaimSelect;

export const toClaimView = (c: Prisma.ClaimGetPayload<{ select: typeof claimSelect }>) => {
  const { author, assignee, _count, updatedAt, ...rest } = c;
  return {
    ...rest,
    updatedAt: updatedAt.toISOString(),
    authorName: author?.name ?? null,
    /** Who checks it at the desk (the desk filters by it); null: nobody yet. */
    assigneeId: assignee?.id ?? null,
    assigneeName: assignee?.name ?? null,
    evidenceCount: _count.evidence,
  };
};

export type ClaimView = ReturnType<typeof toClaimView>;
