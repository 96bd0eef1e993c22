import Link from "next/link";
import { readerPaths } from "@/lib/i18n/routing";
import type { ReactNode } from "react";
import { Presence } from "@/components/newsroom/presence";
import { Tabs } from "@/components/newsroom/tabs";
import { getActor } from "@/lib/server/auth/get-actor";
import { loadWorkspace } from "./workspace";

type Props = { children: ReactNode; params: Promise<{ slug: string }> };

export default async function DossierLayout({ children, params }: Props) {
  const { slug } = await params;
  // Anonymous: the page itself redirects to /login with the way back (see ../../layout.tsx).
  if ((await getActor()).kind !== "user") return <>{children}</>;
  const { workspace } = await loadWorkspace(slug);
  const { dossier } = workspace;
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const orphaned = workspace.claims.filter((c) => c.anchorStatus === "orphaned").length;
  const openQuestions = workspace.questions.filter((q) => q.status === "open").length;
  return (
    <div className="dossier">
      <div className="dossier__head">
        <p className="meta">
          <Link href="/newsroom">Dossiers</Link> /
        </p>
        <p className="dossier__title" lang={dossier.language}>
          {dossier.title}
        </p>
        <p className="meta">
          <span className={`status status--${dossier.status}`}>{dossier.status === "published" ? "Published" : "Draft"}</span>
          <span className="dossier-slug"> · /dossiers/{dossier.slug}</span>
          {dossier.status === "published" ? (
            <>
              {" · "}
              {/* A plain link (docs/decisions/005): the client router would prefetch, i.e. render, the reader page on every newsroom page, racing publications. */}
              <a href={readerPaths.dossier(dossier.slug)}>Reader page</a>
            </>
          ) : null}
        </p>
        <Presence dossierId={dossier.id} />
      </div>
      <Tabs
        label="Dossier sections"
        tabs={[
          { href: base, label: "Overview" },
          { href: `${base}/article`, label: "Article" },
          { href: `${base}/claims`, label: "Claims", note: orphaned ? `(${workspace.claims.length}, ${orphaned} orphaned)` : `(${workspace.claims.length})`, warn: orphaned > 0 },
          { href: `${base}/sources`, label: "Sources", note: `(${workspace.sources.length})` },
          { href: `${base}/quotes`, label: "Quotes", note: `(${workspace.quotes.length})` },
          { href: `${base}/entities`, label: "People & organisations", note: `(${workspace.entities.length})` },
          { href: `${base}/questions`, label: "Open questions", note: `(${openQuestions})` },
          { href: `${base}/timeline`, label: "Timeline", note: `(${workspace.events.length})` },
          { href: `${base}/history`, label: "History" },
          ...(workspace.can.viewAudit ? [{ href: `${base}/audit`, label: "Audit log" }] : []),
        ]}
      />
      <div className="dossier__body">{children}</div>
    </div>
  );
}
