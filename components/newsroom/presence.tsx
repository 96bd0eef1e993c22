"use client";
// "Also editing: …" for a dossier: a heartbeat every 20 s while the page is open, and the mark
// removed when the page closes. Announced politely when it changes.
import { useEffect, useState } from "react";

const HEARTBEAT_MS = 20_000;

export function Presence({ dossierId }: { dossierId: string }) {
  const [others, setOthers] = useState<string[] | null>(null);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    const url = `/api/newsroom/dossiers/${encodeURIComponent(dossierId)}/presence`;
    let stopped = false;
    async function beat() {
      try {
        const response = await fetch(url, { method: "POST", credentials: "same-origin" });
        if (!response.ok) throw new Error(`presence heartbeat answered ${response.status}`);
        const body = (await response.json()) as { data: { others: { name: string }[] } };
        if (!stopped) {
          setOthers(body.data.others.map((o) => o.name));
          setOffline(false);
        }
      } catch (error) {
        console.warn("Could not update who is editing", error);
        if (!stopped) setOffline(true);
      }
    }
    void beat();
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    const leave = () => void fetch(url, { method: "DELETE", credentials: "same-origin", keepalive: true });
    window.addEventListener("pagehide", leave);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [dossierId]);

  return (
    <p className="presence" aria-live="polite">
      {offline ? (
        <span className="meta">Cannot tell who else is editing (connection problem).</span>
      ) : others && others.length > 0 ? (
        <>
          <span aria-hidden="true" className="presence__dot">
            ●
          </span>{" "}
          Also editing: <strong>{others.join(", ")}</strong>
        </>
      ) : others ? (
        <span className="meta">Nobody else is editing this dossier right now.</span>
      ) : null}
    </p>
  );
}
