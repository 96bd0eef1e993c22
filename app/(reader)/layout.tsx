import Link from "next/link";
import type { ReactNode } from "react";

export default function ReaderLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <Link href="/" className="site-name">
          Dossier
        </Link>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
