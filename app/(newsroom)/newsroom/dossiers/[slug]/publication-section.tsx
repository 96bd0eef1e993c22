// A dossier's publication on its overview: what readers see (the published version), the changes
// not yet published (a readable diff of the article and the records against that version), the
// publish gate (claims not yet checked, awaiting a re-check or with a pending proposal, each
// linked), and the controls: publish or publish an update (with the note for readers), override
// with a written reason, unpublish; a journalist asks an editor for the update. The data layer
// enforces all of it (lib/server/publishing/*): this only shows it.
import Link from "next/link";
import { publishDossierAction, requestUpdateAction, unpublishDossierAction } from "@/app/(newsroom)/_actions/desk";
import { DiffView } from "@/components/newsroom/diff-view";
import { PublicationControls } from "@/components/newsroom/publication-controls";
import { BLOCKING_REASON_LABELS, formatDate, formatDateTime, plural } from "@/components/newsroom/labels";
import { VerificationProgressView } from "@/components/newsroom/verification-progress";
import { RecordsDiffView } from "@/components/reader/version-diff";
import { VerdictBadge } from "@/components/verdict-badge";
import { diffArticle } from "@/lib/domain/text-diff";
import { messages } from "@/lib/i18n/messages";
import { readerPaths } from "@/lib/i18n/routing";
import type { VerificationProgress } from "@/lib/server/desk/get-verification-progress";
import type { PendingChanges } from "@/lib/server/publishing/get-pending-changes";
import type { PublishReadiness } from "@/lib/server/publishing/get-publish-readiness";
import type { PublicationEventView } from "@/lib/server/publishing/list-publication-events";

const MISSING_LABELS = { article: "article text (write it in the Article tab)", claims: "at least one claim (select a passage of the article to make one)" } as const;

const NOTE_REASONS = { added: "a claim appears", removed: "a claim is removed", passage: "a claim's passage changed", wording: "a claim was reworded", verdict: "a verdict changed" } as const;

export function PublicationSection({
  readiness,
  pending,
  progress,
  events,
  canPublish,
  canRequest,
  language,
}: {
  readiness: PublishReadiness;
  pending: PendingChanges;
  progress: VerificationProgress | undefined;
  events: PublicationEventView[];
  canPublish: boolean;
  canRequest: boolean;
  language: string;
}) {
  const { dossier, blockingClaims: blocking } = readiness;
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const published = dossier.status === "published";
  const claimLink = (id: string) => `${base}/claims/${id}#verdict`;
  const version = pending.published;
  const diff = pending.diff;
  const hasChanges = diff ? !diff.identical : !published;
  const removed = diff?.claims.filter((c) => c.kind === "removed") ?? [];

  return (
    <section aria-labelledby="publication-heading" id="publication" className="publication">
      <h2 id="publication-heading">Publication</h2>
      <p>
        <span className={`status status--${dossier.status}`}>{published ? "Published" : "Draft"}</span>{" "}
        {published && version ? (
          <>
            Readers see <strong>version {version.number}</strong>, published {formatDateTime(version.publishedAt)}
            {/* A plain link: the client router would prefetch (render) the reader page while an editor publishes. */}
            {version.publishedBy ? ` by ${version.publishedBy.name}` : ""}, at <a href={readerPaths.dossier(dossier.slug)}>{readerPaths.dossier(dossier.slug)}</a>
            {dossier.publishedAt ? ` (first published ${formatDate(dossier.publishedAt)})` : ""}.
          </>
        ) : dossier.publishedAt ? (
          `Off the public site (readers last saw version ${version?.number ?? "1"}). First published ${formatDate(dossier.publishedAt)}: verdict changes need a correction note.`
        ) : (
          "Not published yet: readers cannot see it."
        )}
      </p>

      {diff ? (
        <section aria-labelledby="pending-heading" className="pending-changes" id="pending-changes">
          <h3 id="pending-heading">Changes not yet published</h3>
          {diff.identical ? (
            <p className="ok">None: {published ? "readers see everything in the working copy" : `the working copy is version ${version?.number} as readers saw it`}.</p>
          ) : (
            <>
              <p>
                Edits change the working copy; readers keep version {version?.number} until an editor publishes the update.{" "}
                {pending.note.required ? (
                  <strong>The update needs a note for readers: {[...new Set(pending.note.reasons.map((r) => NOTE_REASONS[r.reason]))].join("; ")}.</strong>
                ) : (
                  "No claim's existence, passage, wording or verdict changed: the update can be minor (the note is optional)."
                )}
              </p>
              {removed.length ? (
                <div className="alert alert--warning" role="note">
                  <p>
                    <strong>{removed.length === 1 ? "This claim leaves" : `These ${removed.length} claims leave`} the reader&rsquo;s view</strong> with this update (orphaned or deleted);
                    the public update log keeps {removed.length === 1 ? "it" : "them"}, with the editor&rsquo;s note as the reason:
                  </p>
                  <ul>
                    {removed.map((c) => (
                      <li key={c.id} lang={language}>
                        {c.label}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <h4>Article</h4>
              {pending.article ? <DiffView diff={diffArticle(pending.article.published, pending.article.working)} fromLabel={`version ${version?.number}`} toLabel="the working copy" /> : null}
              <h4>Claims and records</h4>
              {diff.claims.length + diff.sources.length + diff.quotes.length + diff.questions.length + diff.events.length + diff.details.length === 0 ? (
                <p className="empty">No change.</p>
              ) : (
                <div className="pending-changes__records">
                  <RecordsDiffView diff={diff} language={language} t={messages("en")} />
                </div>
              )}
            </>
          )}
          {pending.requests.length ? (
            <div className="alert alert--info">
              <p>
                <strong>Update requested</strong>
              </p>
              <ul>
                {pending.requests.map((r) => (
                  <li key={r.id}>
                    {r.by?.name ?? "Someone"}, {formatDateTime(r.createdAt)}
                    {r.message ? `: “${r.message}”` : ""}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}

      {progress ? <VerificationProgressView progress={progress} showVerdicts /> : null}

      {readiness.missing.length > 0 ? (
        <div className="alert alert--warning" id="publish-readiness">
          <p>
            <strong>Not ready to publish{published ? " an update" : ""}:</strong> the dossier still needs {readiness.missing.map((m) => MISSING_LABELS[m]).join(" and ")}.
          </p>
        </div>
      ) : null}
      {blocking.length === 0 ? (
        readiness.missing.length > 0 ? null : (
          <p className="ok" id="publish-readiness">
            {`All ${plural(readiness.totalClaims, "claim")} are checked, with no pending proposal.`}
            {published ? "" : " Ready to publish."}
          </p>
        )
      ) : (
        <div className="alert alert--warning blocking" id={readiness.missing.length > 0 ? undefined : "publish-readiness"}>
          <p>
            <strong>{blocking.length === 1 ? "1 claim blocks" : `${blocking.length} claims block`} publication</strong>
            {published ? " of an update (readers keep the published version)" : ""}: review {blocking.length === 1 ? "it" : "them"} first
            {canPublish ? ", or publish anyway with a written reason" : ""}.
          </p>
          <ol className="blocking__list">
            {blocking.map((c) => (
              <li key={c.id}>
                <Link href={c.reasons.includes("needs-recheck") ? `${base}/claims/${c.id}#recheck` : claimLink(c.id)} lang={language}>
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

      <PublicationControls
        published={published}
        publishedVersion={version?.number ?? null}
        hasChanges={hasChanges}
        dossier={{ id: dossier.id, version: dossier.version, title: dossier.title, slug: dossier.slug }}
        blocking={blocking.map((c) => ({ id: c.id, text: c.text }))}
        workingHash={pending.workingHash}
        noteRequired={pending.note.required}
        noteReasons={[...new Set(pending.note.reasons.map((r) => NOTE_REASONS[r.reason]))]}
        language={language}
        canPublish={canPublish}
        canRequest={canRequest}
        publishAction={publishDossierAction}
        unpublishAction={unpublishDossierAction}
        requestAction={requestUpdateAction}
      />
      {!canPublish ? (
        <p className="meta">
          {published ? "An editor publishes updates and can take the dossier off the public site; everything is kept." : "An editor publishes the dossier once its claims are checked."}
        </p>
      ) : null}

      {events.length > 0 ? (
        <>
          <h3>Publication record</h3>
          <ol className="publication-record">
            {events.map((e) => (
              <li key={e.id}>
                <span className="meta">{formatDateTime(e.createdAt)}</span> ·{" "}
                {e.action === "request-update" ? (
                  <>
                    {e.actor?.name ?? "Someone"} asked for an update to be published{e.message ? `: “${e.message}”` : ""}
                  </>
                ) : (
                  <>
                    {e.action === "publish" ? (e.versionNumber ? `Published version ${e.versionNumber}` : "Published") : "Unpublished"} by {e.actor?.name ?? "the system"}
                    {e.action === "publish" && e.message ? <> · note: “{e.message}”</> : null}
                  </>
                )}
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
