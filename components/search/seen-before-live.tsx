"use client";
// The claim maker's "Seen before" panel: asks the newsroom API for claims of other dossiers like
// the wording being typed (after a short pause), and announces what it found politely.
import { useEffect, useState } from "react";
import type { SimilarClaim } from "@/lib/server/search/find-similar-claims";
import { SeenBeforeList } from "./seen-before";

export function SeenBeforeLive({ text, dossierId }: { text: string; dossierId: string }) {
  const [found, setFound] = useState<{ wording: string; claims: SimilarClaim[] }>({ wording: "", claims: [] });
  const [failed, setFailed] = useState(false);
  const wording = text.trim();
  // Fewer than three words say too little; what was found for an older wording is not shown.
  const enough = wording.split(/\s+/).length >= 3;
  const claims = enough && found.wording === wording ? found.claims : [];
  useEffect(() => {
    if (!enough) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/newsroom/search/similar?${new URLSearchParams({ text: wording.slice(0, 2000), dossierId })}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { data: { claims: SimilarClaim[] } };
        setFound({ wording, claims: body.data.claims });
        setFailed(false);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setFailed(true);
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [wording, enough, dossierId]);
  return (
    <div aria-live="polite" className="seen-before-live">
      {failed ? <p className="meta">Similar claims could not be looked up just now; making the claim still works.</p> : null}
      {claims.length > 0 ? (
        <section className="seen-before" aria-label="Seen before in other dossiers">
          <h3>Seen before in other dossiers ({claims.length})</h3>
          <p className="meta">The newsroom may already have checked this: reuse its verdict and evidence rather than checking twice.</p>
          <SeenBeforeList claims={claims} newTab />
        </section>
      ) : null}
    </div>
  );
}
