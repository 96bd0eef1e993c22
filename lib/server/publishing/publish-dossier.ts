import "server-only";
// Publishing a dossier: its first publication, an update of a published dossier, or a publication
// again after it was taken off the site. Whatever the case, it freezes the working copy as the next
// published version (what readers, the JSON API and ClaimReview read), through the same gate:
// - refused while any claim is not yet checked, awaits a re-check or has a pending proposal (the
//   refusal lists them in details.blockingClaims), unless an editor overrides with a written reason
//   covering the blocking claims they were shown (acknowledgedClaimIds);
// - an update publishes exactly the changes the editor reviewed (reviewedHash, required when the
//   working copy differs from the latest version): if anyone saved since, it is refused with the
//   current state, and nothing is written;
// - an update that changes what readers are told about a claim (one appeared or disappeared, its
//   passage, wording or verdict changed) carries the editor's note; otherwise it is minor;
// - an update with nothing to publish is refused.
// Every publication is recorded (PublicationEvent, PublishedVersion) and audited; the first
// publication date is kept: corrections are dated against it. The authors of claims that are
// published for the first time or corrected by it are told.
import { deskClaimPath } from "@/lib/domain/desk-links";
import { AppError } from "@/lib/domain/errors";
import { diffVersions, noteRequirement, type ReaderView } from "@/lib/domain/published-version";
import { checkPublication, checkUpdateNote, refusalError, type Refusal } from "@/lib/domain/verdict-rules";
import type { PublishDossierInput } from "@/lib/schemas/publishing";
import { requirePermission, type Actor, type UserActor } from "../actor";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { assertVersion } from "../newsroom/scope";
import { createNotification } from "../notifications/notify";
import { buildReaderView, viewHash } from "../reader/build-reader-view";
import { claimExcerpt } from "../verdicts/claim-decision";
import { gateOf, loadDossier, toPublishingDossier, type PublishingDossier } from "./publish-gate";
import { enqueuePublication } from "../webhooks/outbox";
import { latestVersion, writeVersion } from "./versions";

export interface PublishDossierResult {
  dossier: PublishingDossier;
  publicationEventId: string;
  /** The published version this created (1 for the first publication). */
  versionNumber: number;
  /** An update that changed no claim's existence, passage, wording or verdict. */
  minor: boolean;
  /** True when the dossier was published despite blocking claims. */
  overridden: boolean;
  /** The claims that were blocking when it was published (empty unless overridden). */
  blockingClaimIds: string[];
  /** Pass to revalidateReaderPages() after success. */
  readerSlug: string;
}

const UPDATE_REASON_WORDS = { added: "a claim appears", removed: "a claim is removed", passage: "a claim's passage changed", wording: "a claim was reworded", verdict: "a verdict changed" } as const;

export async function publishDossier(actor: Actor, data: PublishDossierInput): Promise<PublishDossierResult> {
  const user = requirePermission(actor, "dossier:publish", "person");

  return db.$transaction(async (tx) => {
    const dossier = await loadDossier(tx, data.dossierId);
    await assertVersion(tx, { label: "dossier", entityType: "dossier", entityId: dossier.id }, dossier.version, data.version, () => toPublishingDossier(dossier), { then: "Review it, then publish again." });
    const previous = await latestVersion(tx, dossier.id);
    const built = await buildReaderView(tx, dossier.id);
    const hash = viewHash(built);
    const isUpdate = previous !== null;

    if (dossier.status === "published" && previous && previous.hash === hash) {
      throw refusalError([{ rule: "nothing-to-publish", code: "CONFLICT", message: `Nothing to publish: readers already see all of it (version ${previous.number}).` }], { current: toPublishingDossier(dossier) });
    }
    if (previous && previous.hash !== hash && !data.reviewedHash) {
      throw new AppError("INVALID_INPUT", "Review the changes not yet published before publishing them (reload the page).", { details: { rule: "working-copy-changed", workingHash: hash } });
    }
    if (data.reviewedHash && data.reviewedHash !== hash) {
      // Someone saved since the editor looked: publishing now would publish what nobody reviewed.
      throw refusalError(
        [{ rule: "working-copy-changed", code: "CONFLICT", message: "The dossier changed since you reviewed its changes (someone saved meanwhile). Review the changes again, then publish." }],
        { current: toPublishingDossier(dossier), workingHash: hash },
      );
    }

    const gate = await gateOf(tx, dossier.id);
    const check = checkPublication({
      blocking: gate.blocking,
      // Acknowledged claims without a reason is an override attempt: say the reason is missing.
      override:
        data.overrideReason !== null || data.acknowledgedClaimIds.length > 0
          ? { reason: data.overrideReason ?? "", blockingClaimIds: data.acknowledgedClaimIds }
          : null,
    });
    const refusals: Refusal[] = [];
    if (!check.ok) refusals.push(check.refusal);
    const requirement = previous ? noteRequirement(diffVersions(previous.view, built)) : { required: false, reasons: [] };
    const noteRefusal = checkUpdateNote({
      firstPublication: !isUpdate,
      noteRequired: requirement.required,
      note: data.note,
      reasons: [...new Set(requirement.reasons.map((r) => UPDATE_REASON_WORDS[r.reason]))],
    });
    if (noteRefusal) refusals.push(noteRefusal);
    if (refusals.length > 0) {
      throw refusalError(refusals, {
        blockingClaims: gate.blocking,
        unacknowledgedClaimIds: check.ok ? [] : check.unacknowledgedClaimIds,
        noteRequired: requirement.required,
        noteReasons: requirement.reasons,
      });
    }

    const now = new Date();
    const publishedAt = dossier.publishedAt ?? now;
    const { count } = await tx.dossier.updateMany({
      where: { id: dossier.id, version: dossier.version },
      data: { status: "published", publishedAt, version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This dossier changed while you were publishing it. Review it, then publish again.");
    // The first publication date is part of what readers see (and dates corrections); nothing
    // else changes between the view the editor reviewed and the one published.
    const view: ReaderView = { ...built, publishedAt: publishedAt.toISOString() };
    const written = await writeVersion(tx, { dossierId: dossier.id, view, hash, previous, note: data.note, publishedById: user.id, now });
    const blockingClaimIds = check.ok && check.overridden ? gate.blocking.map((c) => c.id) : [];
    const overridden = blockingClaimIds.length > 0;
    const event = await tx.publicationEvent.create({
      data: {
        dossierId: dossier.id,
        action: "publish",
        overrideReason: overridden ? (data.overrideReason ?? null) : null,
        blockingClaimIds: JSON.stringify(blockingClaimIds),
        versionNumber: written.number,
        message: data.note,
        actorId: user.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await tellAuthors(tx, user, dossier, previous?.view ?? null, written.view, written.number);
    await enqueuePublication(tx, previous?.view ?? null, written.view, written.number, now);
    const after = toPublishingDossier(await loadDossier(tx, dossier.id));
    await recordAudit(tx, user, {
      action: isUpdate ? "dossier.publish-update" : "dossier.publish",
      entityType: "dossier",
      entityId: dossier.id,
      dossierId: dossier.id,
      dossierSlug: dossier.slug,
      before: { ...toPublishingDossier(dossier), publishedVersion: previous?.number ?? null },
      after: {
        ...after,
        publicationEventId: event.id,
        publishedVersion: written.number,
        note: data.note,
        minor: written.minor,
        changes: written.changes,
        override: overridden ? { reason: data.overrideReason, blockingClaimIds } : null,
      },
    });
    return { dossier: after, publicationEventId: event.id, versionNumber: written.number, minor: written.minor, overridden, blockingClaimIds, readerSlug: dossier.slug };
  });
}

/**
 * The journalist who wrote a claim is told when readers first see it, and when a publication
 * corrects it (its verdict changed since the previous version): one notification per person.
 */
async function tellAuthors(tx: Tx, publisher: UserActor, dossier: { id: string; title: string }, before: ReaderView | null, after: ReaderView, number: number): Promise<void> {
  const old = new Map((before?.claims ?? []).map((c) => [c.id, c]));
  const published: string[] = [];
  const corrected: string[] = [];
  for (const c of after.claims) {
    const o = old.get(c.id);
    if (!o) published.push(c.id);
    else if (o.verdict !== c.verdict || o.history.length !== c.history.length) corrected.push(c.id);
  }
  const ids = [...published, ...corrected];
  if (ids.length === 0) return;
  const authors = await tx.claim.findMany({ where: { id: { in: ids }, dossierId: dossier.id, authorId: { not: null } }, select: { id: true, text: true, authorId: true } });
  const byAuthor = new Map<string, { id: string; text: string }[]>();
  for (const a of authors) {
    if (a.authorId === publisher.id) continue;
    byAuthor.set(a.authorId!, [...(byAuthor.get(a.authorId!) ?? []), { id: a.id, text: a.text }]);
  }
  for (const [userId, claims] of byAuthor) {
    const first = claims.filter((c) => published.includes(c.id));
    const fixed = claims.filter((c) => corrected.includes(c.id));
    const parts = [
      first.length ? `${first.length === 1 ? `your claim “${claimExcerpt(first[0]!.text)}” is` : `${first.length} of your claims are`} now published` : null,
      fixed.length ? `${fixed.length === 1 ? `the verdict of your claim “${claimExcerpt(fixed[0]!.text)}” was` : `the verdicts of ${fixed.length} of your claims were`} corrected for readers` : null,
    ].filter(Boolean);
    await createNotification(tx, {
      userId,
      kind: fixed.length && !first.length ? "claim.corrected" : "claim.published",
      message: `${publisher.name} published “${dossier.title}” (version ${number}): ${parts.join("; ")}.`,
      link: deskClaimPath(claims[0]!.id),
    });
  }
}
