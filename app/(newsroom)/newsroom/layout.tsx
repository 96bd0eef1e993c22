// Everything under /newsroom requires a signed-in member. Each page sends anonymous visitors to
// /login (with the page to come back to) and every use case refuses them: a layout alone protects
// nothing, and one that redirected here would win the race against the page's redirect and lose
// the way back. For anonymous requests this layout therefore renders nothing of its own.
import { randomUUID } from "node:crypto";
import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/(newsroom)/_actions/auth";
import { label, ROLE_LABELS } from "@/components/newsroom/labels";
import { KeyboardShortcuts } from "@/components/newsroom/keyboard-shortcuts";
import { NotificationsLink } from "@/components/newsroom/notifications-link";
import { NewsroomSearchBox } from "@/components/search/newsroom-search-box";
import { SignOutButton } from "@/components/newsroom/sign-out-button";
import { getActor } from "@/lib/server/auth/get-actor";
import { getNewsroomHeader } from "@/lib/server/users/get-newsroom-header";

export const dynamic = "force-dynamic";

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (actor.kind !== "user") return <main id="main">{children}</main>;
  const header = await getNewsroomHeader(actor);
  return (
    <>
      <header className="nr-header">
        <Link href="/newsroom" className="nr-brand">
          Dossier <span className="nr-brand__sub">Newsroom</span>
        </Link>
        <nav aria-label="Newsroom" className="nr-nav">
          <ul>
            <li>
              <Link href="/newsroom">Dossiers</Link>
            </li>
            <li>
              <Link href="/newsroom/desk">Fact-check desk</Link>
            </li>
            <li>
              <NotificationsLink unread={header.unread} renderId={randomUUID()} />
            </li>
            <li>
              <Link href="/newsroom/tokens">API tokens</Link>
            </li>
            {header.can.manageUsers ? (
              <li>
                <Link href="/newsroom/users">People and roles</Link>
              </li>
            ) : null}
            {header.can.manageWebhooks ? (
              <li>
                <Link href="/newsroom/webhooks">Webhooks</Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <NewsroomSearchBox />
        <div className="nr-user">
          <span>
            {actor.name} <span className="meta">({label(ROLE_LABELS, actor.role)})</span>
          </span>
          <KeyboardShortcuts />
          <SignOutButton action={signOutAction} />
        </div>
      </header>
      <main id="main" className="nr-main">
        {children}
      </main>
    </>
  );
}
