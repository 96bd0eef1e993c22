"use client";
// A resolved thread, collapsed but readable: opened by the person, or by itself when the address
// points at one of its comments (a mention's notification links to /…#comment-<id>).
import { useEffect, useRef, useState, type ReactNode } from "react";

export function ResolvedThread({ summary, commentIds, children }: { summary: string; commentIds: readonly string[]; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const target = decodeURIComponent(window.location.hash.slice(1));
    if (commentIds.some((id) => `comment-${id}` === target)) {
      setOpen(true);
      requestAnimationFrame(() => document.getElementById(target)?.scrollIntoView());
    }
  }, [commentIds]);
  return (
    <details ref={ref} className="thread thread--resolved" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
