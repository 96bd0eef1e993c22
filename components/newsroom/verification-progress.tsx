// A dossier's verification progress at the desk: a stacked bar (decoration, hidden from assistive
// technology) and the same figures in words, so colour is never the only signal.
import { VerdictBadge } from "@/components/verdict-badge";
import type { VerificationProgress } from "@/lib/server/desk/get-verification-progress";
import { plural, REVIEW_STATE_LABELS } from "./labels";

const SEGMENTS = [
  { state: "reviewed", tone: "positive" },
  { state: "proposed", tone: "mixed" },
  { state: "unreviewed", tone: "neutral" },
] as const;

export function VerificationProgressView({ progress, showVerdicts = false }: { progress: VerificationProgress; showVerdicts?: boolean }) {
  const { total, byReviewState } = progress;
  if (total === 0) return <p className="empty">No claim yet: nothing to check.</p>;
  return (
    <div className="progress">
      <div className="verdict-bar progress__bar" aria-hidden="true">
        {SEGMENTS.filter((s) => byReviewState[s.state] > 0).map((s) => (
          <span key={s.state} className={`verdict-bar__segment verdict--${s.tone}`} style={{ flexGrow: byReviewState[s.state] }} title={REVIEW_STATE_LABELS[s.state]}>
            {byReviewState[s.state]}
          </span>
        ))}
      </div>
      <p className="progress__text">
        <strong>
          {byReviewState.reviewed} of {plural(total, "claim")} reviewed
        </strong>
        {" · "}
        {plural(byReviewState.proposed, "proposal")} pending · {byReviewState.unreviewed} not reviewed
        {progress.needsRecheck > 0 ? <span className="warn"> · {plural(progress.needsRecheck, "verdict")} to re-check</span> : null}
        {progress.orphaned > 0 ? <span className="warn"> · {plural(progress.orphaned, "claim")} without a passage</span> : null}
        {" · "}
        {progress.blocking === 0 ? (
          <span className="ok">{progress.dossier.status === "published" ? "nothing blocks publication" : "ready to publish"}</span>
        ) : (
          <span className="warn">{plural(progress.blocking, "claim")} blocking publication</span>
        )}
      </p>
      {showVerdicts ? (
        <ul className="verdict-counts progress__verdicts">
          {progress.byVerdict
            .filter((v) => v.count > 0)
            .map((v) => (
              <li key={v.verdict ?? "unchecked"}>
                <VerdictBadge verdict={v.verdict} /> {v.count}
              </li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}
