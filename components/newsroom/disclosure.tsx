"use client";
// A section a person opens when they need it. Open or closed at first as the page says, then as
// the person leaves it: a save that refreshes the page never folds away the form (and its
// confirmation message) they were just using.
import { useState, type ReactNode } from "react";

export function Disclosure({ summary, defaultOpen = false, children, className }: { summary: string; defaultOpen?: boolean; children: ReactNode; className?: string }) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details className={className ?? "disclosure"} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
