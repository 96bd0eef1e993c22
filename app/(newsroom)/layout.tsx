// Root layout of the newsroom (sign-in, editing, the fact-check desk): English UI.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import "../globals.css";
import "./newsroom.css";

export const metadata: Metadata = {
  title: { default: "Newsroom · Dossier", template: "%s · Newsroom · Dossier" },
  robots: { index: false, follow: false },
};

export default function NewsroomRootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="newsroom">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
