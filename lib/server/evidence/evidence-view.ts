import "server-only";
// An evidence link as the newsroom's use cases return it: a plain, serialisable view built from
// an explicit select, naming its source as this actor may (sources/confidentiality.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "../actor";
import { sourceLabel, sourceNameSelect } from "../sources/confidentiality";

export const evidenceSelect = {
  id: true,
  claimId: true,
  sourceId: true,
  stance: true,
  excerpt: true,
  note: true,
  version: true,
  updatedAt: true,
  source: { select: sourceNameSelect },
} satisfies Prisma.EvidenceSelect;

export const toEvidenceView = (actor: Actor, e: Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>) => {
  const { source, updatedAt, ...rest } = e;
  return {
    ...rest,
    /** How this actor may name the source (sourceLabel). */
    sourceLabel: sourceLabel(actor, source),
    sourceConfidential: source.confidential,
    updatedAt: updatedAt.toISOString(),
  };
};

export type EvidenceView = ReturnType<typeof toEvidenceView>;
