// "Seen before": claims of other dossiers that say much the same, with their verdicts and
// evidence. Rendered by the claim page (server) and by the claim maker as the journalist types
// (a client component: the verdict comes already named by the data layer).
import type { SimilarClaim } from "@/lib/server/search/find-similar-claims";

const STANCES: Record<string, string> = { supports: "supports", contradicts: "contradicts", context: "context" };

export function SeenBeforeList({ claims, newTab = false }: { claims: SimilarClaim[]; newTab?: boolean }) {
  return (
    <ul className="record-list">
      {claims.map((c) => (
        <li key={c.id} className="record">
          <p>
            <a href={c.href} {...(newTab ? { target: "_blank", rel: "noopener" } : {})}>
              {c.text}
            </a>{" "}
            <span className="meta">in “{c.dossier.title}”</span>
            {newTab ? <span className="visually-hidden"> (opens in a new tab)</span> : null}
          </p>
          <p>
            <span className="verdict" data-verdict={c.verdict ?? "unchecked"}>
              Verdict: {c.verdictLabel}
            </span>
            {c.verdictRationale ? <span className="meta"> — {c.verdictRationale}</span> : null}
          </p>
          {c.evidence.length === 0 ? (
            <p className="meta">No evidence recorded.</p>
          ) : (
            <ul>
              {c.evidence.map((e) => (
                <li key={e.id}>
                  <strong>{e.sourceLabel}</strong> ({STANCES[e.stance] ?? e.stance}){e.excerpt ? <>: “{e.excerpt}”</> : null}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
