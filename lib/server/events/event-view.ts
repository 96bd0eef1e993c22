import "server-only";
// A timeline event as the newsroom's use cases return it: a plain, serialisable view built from
// an explicit select, with the ids of the claims and sources it links to.
import type { Prisma } from "@/lib/generated/prisma/client";

export const eventSelect = {
  id: true,
  title: true,
  description: true,
  date: true,
  sortStart: true,
  sortEnd: true,
  certainty: true,
  version: true,
  updatedAt: true,
  claims: { select: { claimId: true } },
  sources: { select: { sourceId: true } },
} satisfies Prisma.TimelineEventSelect;

export const toEventView = (e: Prisma.TimelineEventGetPayload<{ select: typeof eventSelect }>) => {
  const { claims, sources, updatedAt, ...rest } = e;
  return { ...rest, claimIds: claims.map((c) => c.claimId), sourceIds: sources.map((s) => s.sourceId), updatedAt: updatedAt.toISOString() };
};

export type EventView = ReturnType<typeof toEventView>;
