// A claim's or a source's discussion in the newsroom (docs/decisions/110): threads of comments
// with @mentions, resolved ones collapsed. Never on a reader page.
import { postCommentAction, resolveThreadAction } from "@/app/(newsroom)/_actions/comments";
import type { DiscussionView, ThreadView } from "@/lib/server/comments/list-comments";
import { ActionForm } from "./action-form";
import { CommentBodyField } from "./comment-body-field";
import { Hidden } from "./fields";
import { formatDateTime } from "./labels";
import { ResolvedThread } from "./resolved-thread";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function Discussion({ discussion, subject }: { discussion: DiscussionView; subject: "claim" | "source" }) {
  const open = discussion.threads.filter((t) => !t.resolvedAt);
  const resolved = discussion.threads.filter((t) => t.resolvedAt);
  return (
    <section aria-labelledby="discussion-heading" id="discussion" className="discussion">
      <h2 id="discussion-heading">Discussion ({plural(open.length, "open thread", "open threads")})</h2>
      <p className="meta">Only the newsroom sees this discussion: it is never published. Every comment is kept in the audit log.</p>
      {discussion.threads.length === 0 ? <p className="empty">No comment yet.</p> : null}
      {open.map((t) => (
        <div key={t.id} className="thread">
          <Thread thread={t} canWrite={discussion.canWrite} members={discussion.mentionable} />
        </div>
      ))}
      {resolved.map((t) => (
        <ResolvedThread
          key={t.id}
          commentIds={t.comments.map((c) => c.id)}
          summary={`Resolved${t.resolvedByName ? ` by ${t.resolvedByName}` : ""} on ${formatDateTime(t.resolvedAt!)} · ${t.comments[0]?.authorName ?? "Someone"}: “${excerpt(t.comments[0]?.body ?? "")}” (${plural(t.comments.length, "comment", "comments")})`}
        >
          <Thread thread={t} canWrite={discussion.canWrite} members={discussion.mentionable} />
        </ResolvedThread>
      ))}
      {discussion.canWrite ? (
        <>
          <h3>Start a thread</h3>
          <ActionForm action={postCommentAction} submitLabel="Post the comment" pendingLabel="Posting…" successMessage="Comment posted." resetOnSuccess label={`Comment on this ${subject}`}>
            <Hidden name="targetType" value={discussion.targetType} />
            <Hidden name="targetId" value={discussion.targetId} />
            <CommentBodyField label={`Comment on this ${subject}`} members={discussion.mentionable} />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}

function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function Thread({ thread, canWrite, members }: { thread: ThreadView; canWrite: boolean; members: DiscussionView["mentionable"] }) {
  const first = thread.comments[0];
  const label = `Thread started by ${first?.authorName ?? "someone"}`;
  return (
    <article aria-label={label}>
      <ol className="thread__comments">
        {thread.comments.map((c, i) => (
          <li key={c.id} id={`comment-${c.id}`} className={i === 0 ? "comment" : "comment comment--reply"} tabIndex={-1}>
            <p className="comment__head">
              <strong>{c.authorName}</strong> <span className="meta">{i === 0 ? "" : "replied "}· {formatDateTime(c.createdAt)}</span>
            </p>
            <p className="comment__body">{c.body}</p>
          </li>
        ))}
      </ol>
      {canWrite ? (
        <div className="thread__actions">
          {thread.resolvedAt ? null : (
            <details className="disclosure">
              <summary>Reply</summary>
              <ActionForm action={postCommentAction} submitLabel="Post the reply" pendingLabel="Posting…" successMessage="Reply posted." resetOnSuccess label={`Reply to ${label.toLowerCase()}`}>
                <Hidden name="threadId" value={thread.id} />
                <CommentBodyField label="Your reply" members={members} />
              </ActionForm>
            </details>
          )}
          <ActionForm
            action={resolveThreadAction}
            submitLabel={thread.resolvedAt ? "Reopen the thread" : "Resolve the thread"}
            pendingLabel={thread.resolvedAt ? "Reopening…" : "Resolving…"}
            successMessage={thread.resolvedAt ? "Thread reopened." : "Thread resolved."}
            label={`${thread.resolvedAt ? "Reopen" : "Resolve"} ${label.toLowerCase()}`}
          >
            <Hidden name="threadId" value={thread.id} />
            <Hidden name="resolved" value={thread.resolvedAt ? "false" : "true"} />
          </ActionForm>
        </div>
      ) : null}
    </article>
  );
}
