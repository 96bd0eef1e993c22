import type { Metadata } from "next";
import Link from "next/link";
import { markNotificationReadAction } from "@/app/(newsroom)/_actions/desk";
import { ActionForm } from "@/components/newsroom/action-form";
import { Hidden } from "@/components/newsroom/fields";
import { formatDateTime, plural } from "@/components/newsroom/labels";
import { loadForPage, requireNewsroomActor } from "@/lib/http/page";
import { listNotifications, type NotificationView } from "@/lib/server/notifications/list-notifications";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

const KIND_LABELS: Record<string, string> = {
  "proposal.accepted": "Proposal accepted",
  "proposal.rejected": "Proposal rejected",
  "proposal.superseded": "Proposal closed",
  "claim.assigned": "Claim to check",
  "proposal.new": "New proposal",
  "claim.recheck": "Verdict to re-check",
  "claim.published": "Claim published",
  "claim.corrected": "Claim corrected",
  "update.requested": "Update requested",
  "comment.mention": "Mentioned in a discussion",
};

export default async function NotificationsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const unreadOnly = first(raw.unread) === "1";
  const page = first(raw.page);
  const actor = await requireNewsroomActor(`/newsroom/notifications${unreadOnly ? "?unread=1" : ""}`);
  let result = await loadForPage(() => listNotifications(actor, { unreadOnly, page }));
  // A page number that is not one (hand-edited address): show the first page instead of failing.
  if (!result.ok) result = await loadForPage(() => listNotifications(actor, { unreadOnly }));
  if (!result.ok) throw new Error(result.reason);
  const { items, unreadCount, total, pageCount } = result.data;
  const current = result.data.page;
  const href = (p: number) => {
    const params = new URLSearchParams();
    if (unreadOnly) params.set("unread", "1");
    if (p > 1) params.set("page", String(p));
    return `/newsroom/notifications${params.size ? `?${params}` : ""}`;
  };

  return (
    <>
      <div className="page-head">
        <h1>Notifications</h1>
        {unreadCount > 0 ? (
          <ActionForm action={markNotificationReadAction} submitLabel="Mark all as read" pendingLabel="Marking…" label="Mark all notifications as read" className="form form--inline">
            <Hidden name="all" value="true" />
          </ActionForm>
        ) : null}
      </div>
      <p className="meta">
        {unreadCount === 0 ? "Nothing unread." : `${plural(unreadCount, "unread notification")}.`}{" "}
        {unreadOnly ? <Link href="/newsroom/notifications">Show all</Link> : <Link href="/newsroom/notifications?unread=1">Show unread only</Link>}
      </p>
      {items.length === 0 ? (
        <p className="empty">
          {unreadOnly
            ? "No unread notification."
            : "No notification yet. You are told here when an editor accepts or rejects a verdict you proposed, or when someone asks you to check a claim."}
        </p>
      ) : (
        <ol className="notifications">
          {items.map((n, i) => (
            <NotificationItem key={n.id} notification={n} position={(current - 1) * result.data.pageSize + i + 1} />
          ))}
        </ol>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Pages of notifications" className="pagination">
          {current > 1 ? (
            <Link href={href(current - 1)} rel="prev">
              ← Newer
            </Link>
          ) : null}
          <span className="meta">
            Page {current} of {pageCount} ({plural(total, "notification")})
          </span>
          {current < pageCount ? (
            <Link href={href(current + 1)} rel="next">
              Older →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

function NotificationItem({ notification: n, position }: { notification: NotificationView; position: number }) {
  const unread = n.readAt === null;
  // Messages name a dossier by its title, which two dossiers may share: its web address tells them apart.
  const slug = n.link ? /^\/newsroom\/dossiers\/([^/?#]+)/.exec(n.link)?.[1] : undefined;
  return (
    <li className={`notification${unread ? " notification--unread" : ""}`}>
      <p className="notification__head">
        {unread ? <span className="tag tag--new">New</span> : <span className="visually-hidden">Read.</span>} <strong>{KIND_LABELS[n.kind] ?? "Notification"}</strong>{" "}
        <span className="meta">
          · {formatDateTime(n.createdAt)}
          {slug ? ` · dossier ${decodeURIComponent(slug)}` : ""}
        </span>
      </p>
      <p className="notification__message">{n.message}</p>
      <div className="notification__actions">
        {n.link ? <Link href={n.link}>{n.link.includes("/desk?") ? "Open the claims" : n.link.includes("#publication") ? "Open the dossier" : n.link.startsWith("/newsroom/comments/") ? "Open the comment" : "Open the claim"}</Link> : null}
        {unread ? (
          <ActionForm action={markNotificationReadAction} submitLabel="Mark as read" pendingLabel="Marking…" label={`Mark notification ${position}, “${KIND_LABELS[n.kind] ?? "notification"}” of ${formatDateTime(n.createdAt)}, as read`} className="form form--inline">
            <Hidden name="notificationId" value={n.id} />
          </ActionForm>
        ) : null}
      </div>
    </li>
  );
}
