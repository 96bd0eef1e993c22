import "server-only";
// A quote as the newsroom's use cases return it: a plain, serialisable view built from an
// explicit select, naming its source as this actor may (sources/confidentiality.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "../actor";
import { sourceLabel, sourceNameSelect } from "../sources/confidentiality";

export const quoteSelect = {
  id: true,
  text: true,
  language: true,
  speakerId: true,
  speakerLabel: true,
  date: true,
  context: true,
  sourceId: true,
  onRecord: true,
  position: true,
  version: true,
  updatedAt: true,
  speaker: { select: { name: true } },
  source: { select: sourceNameSelect },
} satisfies Prisma.QuoteSelect;

export const toQuoteView = (actor: Actor, q: Prisma.QuoteGetPayload<{ select: typeof quoteSelect }>) => {
  const { speaker, source, updatedAt, ...rest } = q;
  return {
    ...rest,
    speakerName: speaker?.name ?? null,
    /** How this actor may name the source (sourceLabel). */
    sourceLabel: source ? sourceLabel(actor, source) : null,
    updatedAt: updatedAt.toISOString(),
  };
};

export type QuoteView = ReturnType<typeof toQuoteView>;
