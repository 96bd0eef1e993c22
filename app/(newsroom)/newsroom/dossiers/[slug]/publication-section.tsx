// The publish gate on the dossier's overview: what blocks publication (claims not yet checked or
// with a pending proposal, each linked), Publish when nothing blocks, and for editors an override
// with a written reason when something does; Unpublish keeps everything. The data layer enforces
// the gate (lib/server/publishing/*): this only shows it.
import Link from "next/link";
import { publishDossierAction, unpublishDossierAction } from "@/app/(newsroom)/_actions/desk";
import { PublicationControls } from "@/components/newsroom/publication-controls";
import { BLOCKING_REASON_LABELS, formatDate, formatDateTime, plural } from "@/components/newsroom/labels";
import { VerificationProgressView } from "@/components/newsroom/verification-progress";
import { VerdictBadge } from "@/components/verdict-badge";
import type { VerificationProgress } from "@/lib/server/desk/get-verification-progress";
import type { PublishReadiness } from "@/lib/server/publishing/get-publish-readiness";
import type { PublicationEventView } from "@/lib/server/publishing/list-publication-events";

export function PublicationSection({
  readiness,
  progress,
  events,
  canPublish,
  language,
}: {
  readiness: PublishReadiness;
  progress: VerificationProgress | undefined;
  events: PublicationEventView[];
  canPublish: boolean;
  language: string;
}) {
  const { dossier, blockingClaims: blocking } = readiness;
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const published = dossier.status === "published";
  const claimLink = (id: string) => `${base}/claims/${id}#verdict`;

  return (
    <section aria-labelledby="publication-heading" id="publication" className="publication">
      <h2 id="publication-heading">Publication</h2>
      <p>
        <span className={`status status--${dossier.status}`}>{published ? "Published" : "Draft"}</span>{" "}
        {published ? (
          <>
            Readers see it at <Link href={`/dossiers/${dossier.slug}`}>/dossiers/{dossier.slug}</Link>
            {dossier.publishedAt ? ` (first published ${formatDate(dossier.publishedAt)})` : ""}.
          </>
        ) : dossier.publishedAt ? (
          `Off the public site. First published ${formatDate(dossier.publishedAt)}: verdict changes need a correction note.`
        ) : (
          "Not published yet: readers cannot see it."
        )}
      </p>

      {progress ? <VerificationProgressView progress={progress} showVerdicts /> : null}

      {blocking.length === 0 ? (
        <p className="ok" id="publish-readiness">
          {readiness.totalClaims === 0 ? "This dossier has no claim to check." : `All ${plural(readiness.totalClaims, "claim")} are checked, with no pending proposal.`}
          {published ? "" : " Ready to publish."}
        </p>
      ) : (
        <div className="alert alert--warning blocking" id="publish-readiness">
          {published ? (
            <p>
              <strong>{blocking.length === 1 ? "1 claim awaits" : `${blocking.length} claims await`} the desk</strong> (it would block publishing again): readers see a claim not
              yet checked as such, and the current verdict of a claim with a pending proposal.
            </p>
          ) : (
            <p>
              <strong>
                {blocking.length === 1 ? "1 claim blocks" : `${blocking.length} claims block`} publication
              </strong>
              : review {blocking.length === 1 ? "it" : "them"} first{canPublish ? ", or publish anyway with a written reason" : ""}.
            </p>
          )}
          <ol className="blocking__list">
            {blocking.map((c) => (
              <li key={c.id}>
                <Link href={claimLink(c.id)} lang={language}>
                  {c.text}
                </Link>{" "}
                <span className="meta">
                  — {c.reasons.map((r) => BLOCKING_REASON_LABELS[r] ?? r).join(", ")}
                  {c.pendingProposal ? ` (${c.pendingProposal.proposedBy.name} proposes ` : ""}
                </span>
                {c.pendingProposal ? (
                  <>
                    <VerdictBadge verdict={c.pendingProposal.verdict} />
                    <span className="meta">)</span>
                  </>
                ) : null}
                {c.anchorStatus === "orphaned" ? <span className="tag tag--warn">Lost its passage</span> : null}
                {c.assignee ? <span className="meta"> · checked by {c.assignee.name}</span> : null}
              </li>
            ))}
          </ol>
        </div>
      )}

      {canPublish ? (
        <PublicationControls
          mode={published ? "unpublish" : blocking.length === 0 ? "publish" : "override"}
          dossier={{ id: dossier.id, version: dossier.version, title: dossier.title, slug: dossier.slug }}
          blocking={blocking.map((c) => ({ id: c.id, text: c.text }))}
          language={language}
          publishAction={publishDossierAction}
          unpublishAction={unpublishDossierAction}
        />
      ) : (
        <p className="meta">{published ? "Editors can take it off the public site; everything is kept." : "An editor publishes the dossier once its claims are checked."}</p>
      )}

      {events.length > 0 ? (
        <>
          <h3>Publication record</h3>
          <ol className="publication-record">
            {events.map((e) => (
              <li key={e.id}>
                <span className="meta">{formatDateTime(e.createdAt)}</span> · {e.action === "publish" ? "Published" : "Unpublished"} by {e.actor?.name ?? "the system"}
                {e.overrideReason ? (
                  <>
                    {" "}
                    <strong>despite {plural(e.blockingClaims.length, "blocking claim")}</strong>. Reason: “{e.overrideReason}”
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
