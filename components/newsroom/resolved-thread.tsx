"use client";
// A resolved thread, collapsed but readable: opened by the person, or by itself when the address
// points at one of its comments (a mention's notification links to /…#comment-<id>).
import { useEffect, useRef, useState, type ReactNode } from "react";

export function ResolvedThread({ summary, commentIds, children }: { summary: string; commentIds: readonly string[]; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const target = decodeURIComponent(window.location.hash.slice(1));
    // Opened on the element itself: its toggle event then keeps the state in step.
    if (ref.current && commentIds.some((id) => `comment-${id}` === target)) {
      ref.current.open = true;
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
