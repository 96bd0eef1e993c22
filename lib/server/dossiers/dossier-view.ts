import "server-only";
// A dossier as the newsroom's use cases return it: a plain, serialisable view built from an
// explicit select (never the whole row, never the article body). Its editable fields carry the
// input schema's names, so a conflict can be compared field by field.
import type { Prisma } from "@/lib/generated/prisma/client";

export const dossierSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  language: true,
  status: true,
  publishedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.DossierSelect;

export const toDossierView = (d: Prisma.DossierGetPayload<{ select: typeof dossierSelect }>) => ({
  ...d,
  publishedAt: d.publishedAt ? d.publishedAt.toISOString() : null,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

export type DossierView = ReturnType<typeof toDossierView>;
