"use client";
// Says, politely, what changed on the page after a save refreshed it (a verdict set, a proposal
// decided): the form that was used may be gone from the refreshed page, and its own confirmation
// with it. Silent on first render: only changes are announced.
import { useState } from "react";

export function Announce({ message }: { message: string }) {
  const [previous, setPrevious] = useState(message);
  const [said, setSaid] = useState("");
  if (message !== previous) {
    // Adjusting state while rendering (React's pattern for "state derived from a prop change").
    setPrevious(message);
    setSaid(message);
  }
  return (
    <p role="status" className="visually-hidden">
      {said}
    </p>
  );
}
