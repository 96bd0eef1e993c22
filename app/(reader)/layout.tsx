// Root layout of the public site. (The newsroom has its own root layout in app/(newsroom).)
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "../globals.css";

export const metadata: Metadata = {
  title: { default: "Dossier", template: "%s · Dossier" },
  description: "Investigations with their claims, sources and fact-checks in the open.",
};

export default function ReaderLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="site-name">
            Dossier
          </Link>
        </header>
        <main id="main" className="page">
          {children}
        </main>
      </body>
    </html>
  );
}
