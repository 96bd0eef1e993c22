import "server-only";
// Which claims need a re-check, derived from what each one's latest verdict decision checked
// (lib/domain/recheck.ts). Not a use case: the use cases and views that show or gate on it read it
// here, in their own transaction, so the desk, the claim page, the publish gate and the reader
// snapshot always agree.
import { deskClaimPath } from "@/lib/domain/desk-links";
import { describeRecheck, recheckChanges, parseChecked, type ClaimNow, type RecheckChange } from "@/lib/domain/recheck";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorId, type Actor } from "../actor";
import type { Tx } from "../db";
import { notifyEditors } from "../notifications/notify";
import { claimExcerpt } from "../verdicts/claim-decision";

/** What the comparison needs of a claim: its words, passage, re-attachments, evidence and latest decision. */
export const recheckSelect = {
  text: true,
  anchorExact: true,
  anchorRevision: true,
  verdict: true,
  evidence: { orderBy: { createdAt: "asc" }, select: { id: true, sourceId: true, stance: true, excerpt: true } },
  // The current verdict is the latest decision's: the same order every reader of history uses.
  history: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { checked: true } },
} satisfies Prisma.ClaimSelect;

export type RecheckRow = Prisma.ClaimGetPayload<{ select: typeof recheckSelect }>;

export const claimNow = (row: Pick<RecheckRow, "text" | "anchorExact" | "anchorRevision" | "evidence">): ClaimNow => ({
  text: row.text,
  passage: row.anchorExact,
  anchorRevision: row.anchorRevision,
  evidence: row.evidence,
});

/** Why the claim's verdict needs a re-check (empty: it does not, or it has no verdict). */
export function recheckOf(row: Pick<RecheckRow, "text" | "anchorExact" | "anchorRevision" | "evidence" | "verdict"> & { history: { checked: string | null }[] }, latestFirst = true): RecheckChange[] {
  if (row.verdict === null) return [];
  const latest = latestFirst ? row.history[0] : row.history[row.history.length - 1];
  return recheckChanges(parseChecked(latest?.checked), claimNow(row));
}

/** The claims matching `where` whose verdict needs a re-check, with what changed. */
export async function claimsNeedingRecheck(tx: Tx, where: Prisma.ClaimWhereInput): Promise<Map<string, RecheckChange[]>> {
  const rows = await tx.claim.findMany({ where: { AND: [where, { verdict: { not: null } }] }, select: { id: true, ...recheckSelect } });
  const out = new Map<string, RecheckChange[]>();
  for (const row of rows) {
    const changes = recheckOf(row);
    if (changes.length) out.set(row.id, changes);
  }
  return out;
}

/** Newsroom address of the desk filtered to a dossier's claims awaiting a re-check. */
export const recheckDeskPath = (dossierId: string) => `/newsroom/desk?attention=recheck&dossierId=${encodeURIComponent(dossierId)}`;

/**
 * Call before a change that may make claims need a re-check; call the returned function after it,
 * in the same transaction: it tells the editors about the claims that started needing one, and
 * returns them (for the save's report).
 */
export async function watchRechecks(tx: Tx, dossierId: string): Promise<(actor: Actor, later?: Tx) => Promise<{ id: string; text: string }[]>> {
  const before = new Set((await claimsNeedingRecheck(tx, { dossierId })).keys());
  // `later`: the transaction of the change's last step, when it was written in several (the importer).
  return async (actor, later = tx) => {
    tx = later;
    const after = await claimsNeedingRecheck(tx, { dossierId });
    const fresh = [...after.keys()].filter((id) => !before.has(id));
    if (fresh.length === 0) return [];
    const claims = await tx.claim.findMany({ where: { id: { in: fresh } }, orderBy: { position: "asc" }, select: { id: true, text: true } });
    const dossier = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { title: true } });
    const who = actor.kind === "user" ? actor.name : "The content import";
    const what = claims.length === 1 ? `“${claimExcerpt(claims[0]!.text)}” needs a re-check` : `${claims.length} claims need a re-check`;
    await notifyEditors(tx, {
      except: actorId(actor),
      kind: "claim.recheck",
      message: `${who} changed “${dossier.title}”: ${what}, because ${describeRecheck(claims.flatMap((c) => after.get(c.id) ?? []))}. Its verdict blocks publishing until an editor confirms or changes it.`,
      link: claims.length === 1 ? deskClaimPath(claims[0]!.id) : recheckDeskPath(dossierId),
    });
    return claims;
  };
}
