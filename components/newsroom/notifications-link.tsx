"use client";
// The header's "Notifications" link with the unread count. The server renders the count; the
// header's layout then stays on screen while the person navigates, so the count is asked for again
// on every navigation, when the tab comes back into view, and every minute.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const EVERY_MS = 60_000;

/**
 * `unread` is the server's count at the render identified by `renderId`: a new render (a refresh
 * after an action, e.g. "Mark all as read") wins over a count fetched before it.
 */
export function NotificationsLink({ unread, renderId }: { unread: number; renderId: string }) {
  const pathname = usePathname();
  const [fetched, setFetched] = useState<{ renderId: string; count: number } | null>(null);
  const count = fetched && fetched.renderId === renderId ? fetched.count : unread;
  const lastRenderId = useRef<string | null>(null);

  useEffect(() => {
    // A first render or a refresh comes with the count the server has just taken: only a
    // client-side navigation (same render, new page) needs to ask again at once.
    const sameRender = lastRenderId.current === renderId;
    lastRenderId.current = renderId;
    let stopped = false;
    async function update() {
      try {
        const response = await fetch("/api/newsroom/notifications/unread", { credentials: "same-origin", cache: "no-store" });
        if (!response.ok) return; // signed out or offline: keep what is shown
        const body = (await response.json()) as { data: { unread: number } };
        if (!stopped) setFetched({ renderId, count: body.data.unread });
      } catch {
        // A network error leaves the last known count on screen.
      }
    }
    if (sameRender) void update();
    const onVisible = () => {
      if (document.visibilityState === "visible") void update();
    };
    document.addEventListener("visibilitychange", onVisible);
    const timer = window.setInterval(update, EVERY_MS);
    return () => {
      stopped = true;
      document.removeEventListener("visibilitychange", onVisible);
      window.clearInterval(timer);
    };
  }, [pathname, renderId]);

  return (
    <Link href="/newsroom/notifications" className="nr-notifications">
      Notifications
      {count > 0 ? (
        <>
          {" "}
          <span className="nr-count">{count}</span>
          <span className="visually-hidden"> unread</span>
        </>
      ) : null}
    </Link>
  );
}
