import "server-only";
// An entity (person, organisation, place) as the newsroom's use cases return it: a plain,
// serialisable view built from an explicit select.
import type { Prisma } from "@/lib/generated/prisma/client";

export const entitySelect = {
  id: true,
  kind: true,
  name: true,
  description: true,
  version: true,
  updatedAt: true,
  _count: { select: { quotes: true } },
} satisfies Prisma.EntitySelect;

export const toEntityView = (e: Prisma.EntityGetPayload<{ select: typeof entitySelect }>) => {
  const { _count, updatedAt, ...rest } = e;
  return { ...rest, updatedAt: updatedAt.toISOString(), quoteCount: _count.quotes };
};

export type EntityView = ReturnType<typeof toEntityView>;
