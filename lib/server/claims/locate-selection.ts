import "server-only";
// A passage selected in the article preview is checked against the SAVED article before a claim
// is anchored to it: the preview may show unsaved text, and a claim must point at words readers
// will actually see. Overlapping passages are refused (the reader page marks one per passage).
import { anchorQuote, type Anchor } from "@/lib/domain/anchoring";
import { AppError } from "@/lib/domain/errors";
import { articleTextOffThread } from "@/lib/markdown/off-thread";
import type { Selection } from "@/lib/schemas/claims";
import type { Tx } from "../db";

/** The claim's columns for a passage it is anchored to (a claim made, re-attached or imported). */
export const anchoredColumns = (anchor: Anchor) => ({
  anchorExact: anchor.exact,
  anchorPrefix: anchor.prefix,
  anchorSuffix: anchor.suffix,
  anchorStart: anchor.start,
  anchorEnd: anchor.end,
  anchorStatus: "anchored",
});

export async function locateSelection(tx: Tx, dossierId: string, body: string, selection: Selection, ignoreClaimId?: string): Promise<Anchor> {
  const text = await articleTextOffThread(body);
  const found = anchorQuote(text, selection, selection.start);
  if (found.status !== "anchored" || found.quality !== "exact") {
    throw new AppError("RULE_VIOLATION", "The selected passage is not in the saved article. Save the article, then select the passage again.", {
      fieldErrors: { selection: ["This passage is not in the saved article."] },
    });
  }
  const others = await tx.claim.findMany({
    where: { dossierId, anchorStatus: "anchored", ...(ignoreClaimId ? { id: { not: ignoreClaimId } } : {}) },
    select: { text: true, anchorStart: true, anchorEnd: true },
  });
  const overlap = others.find((c) => c.anchorStart != null && c.anchorEnd != null && c.anchorStart < found.end && found.start < c.anchorEnd);
  if (overlap) {
    throw new AppError("RULE_VIOLATION", `This passage overlaps the claim “${overlap.text}”. Select a passage that does not overlap another claim.`, {
      fieldErrors: { selection: ["This passage overlaps another claim."] },
    });
  }
  return { exact: found.exact, prefix: found.prefix, suffix: found.suffix, start: found.start, end: found.end };
}
