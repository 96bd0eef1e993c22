"use client";
// The dossier's sections; the current one is marked for assistive technology, not only by colour.
import Link from "next/link";
import { usePathname } from "next/navigation";

export interface Tab {
  href: string;
  label: string;
  /** Extra words after the label, e.g. a count or a warning. */
  note?: string;
  warn?: boolean;
}

export function Tabs({ tabs, label }: { tabs: Tab[]; label: string }) {
  const pathname = usePathname();
  const current = [...tabs].sort((a, b) => b.href.length - a.href.length).find((t) => pathname === t.href || pathname.startsWith(`${t.href}/`));
  return (
    <nav aria-label={label} className="tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={tab === current ? "page" : undefined} className={tab === current ? "tabs__current" : undefined}>
              {tab.label}
              {tab.note ? <span className={tab.warn ? "tabs__note tabs__note--warn" : "tabs__note"}> {tab.note}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
