// The claim's whole fact-check record as the newsroom sees it, oldest first: proposals with their
// outcome and the editor's reason, every verdict decision with its rationale, evidence and
// correction note. (Readers see the decisions only.)
import type { ReactNode } from "react";
import { formatDateTime } from "@/components/newsroom/labels";
import { VerdictBadge } from "@/components/verdict-badge";
import { deskTimeline, type DeskTimelineEntry } from "@/lib/domain/desk-timeline";
import type { ClaimVerdictHistory } from "@/lib/server/verdicts/get-claim-verdict-history";
import { evidenceLabel } from "./verdict-section";

export function FactCheckHistory({ record, language }: { record: ClaimVerdictHistory; language: string }) {
  const entries = deskTimeline(record.changes, record.proposals);
  const evidenceList = (ids: string[]) =>
    ids.length === 0 ? (
      <p className="meta">No evidence cited.</p>
    ) : (
      <ul className="evidence-used">
        {ids.map((id) => {
          const e = record.evidence.find((x) => x.id === id);
          return <li key={id}>{e ? evidenceLabel(e) : "Evidence since removed from the claim"}</li>;
        })}
      </ul>
    );
  return (
    <section aria-labelledby="factcheck-history-heading" id="fact-check-history">
      <h2 id="factcheck-history-heading">Fact-check history</h2>
      {entries.length === 0 ? (
        <p className="empty">Nothing yet: no proposal and no decision.</p>
      ) : (
        <ol className="desk-history">
          {entries.map((entry) => (
            <li key={`${entry.kind}-${entry.kind === "decided" ? entry.change.id : entry.proposal.id}`} className={`desk-history__entry desk-history__entry--${entry.kind}`}>
              <p className="desk-history__head">
                <span className="meta">{formatDateTime(entry.at)}</span> · <Headline entry={entry} />
              </p>
              <Body entry={entry} language={language} evidenceList={evidenceList} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Headline({ entry }: { entry: DeskTimelineEntry }) {
  switch (entry.kind) {
    case "proposed":
      return (
        <>
          <strong>{entry.proposal.proposedBy.name} proposed</strong> <VerdictBadge verdict={entry.proposal.verdict} />
        </>
      );
    case "decided": {
      const by = entry.change.actor?.name;
      // A verdict without a person (imported from content files) is recorded, not "set by".
      const headline =
        entry.change.kind === "recheck"
          ? `${by ?? "An editor"} re-checked the verdict after the claim changed`
          : entry.proposal
            ? `${by ?? "An editor"} accepted ${entry.proposal.proposedBy.name}'s proposal`
            : by
              ? `${by} set the verdict`
              : "Verdict recorded";
      return (
        <>
          <strong>{headline}</strong>
          {": "}
          {entry.change.fromVerdict && entry.change.kind !== "recheck" ? (
            <>
              <VerdictBadge verdict={entry.change.fromVerdict} /> <span aria-hidden="true">→</span>
              <span className="visually-hidden">changed to</span>{" "}
            </>
          ) : null}
          <VerdictBadge verdict={entry.change.toVerdict} />
          {entry.change.correctionNote ? <span className="tag">Correction</span> : null}
        </>
      );
    }
    case "closed": {
      const who = entry.proposal.decidedBy?.name;
      const whose = `${entry.proposal.proposedBy.name}'s proposal`;
      const text =
        entry.outcome === "rejected"
          ? `${who ?? "An editor"} rejected ${whose}`
          : entry.outcome === "withdrawn"
            ? `${entry.proposal.proposedBy.name} withdrew the proposal`
            : `${whose} was closed: ${who ?? "an editor"} set the verdict directly`;
      return (
        <>
          <strong>{text}</strong> <VerdictBadge verdict={entry.proposal.verdict} />
        </>
      );
    }
  }
}

function Body({ entry, language, evidenceList }: { entry: DeskTimelineEntry; language: string; evidenceList: (ids: string[]) => ReactNode }) {
  switch (entry.kind) {
    case "proposed":
      return (
        <>
          <blockquote lang={language}>{entry.proposal.rationale}</blockquote>
          {evidenceList(entry.proposal.evidenceIds)}
        </>
      );
    case "decided":
      return (
        <>
          {entry.change.correctionNote ? (
            <p className="desk-history__note">
              <strong>Correction note (readers see it):</strong> <span lang={language}>{entry.change.correctionNote}</span>
            </p>
          ) : null}
          <blockquote lang={language}>{entry.change.rationale}</blockquote>
          {evidenceList(entry.change.evidenceIds)}
          {entry.proposal?.decisionReason ? <p className="meta">Note to the proposer: {entry.proposal.decisionReason}</p> : null}
        </>
      );
    case "closed":
      return entry.proposal.decisionReason && entry.outcome !== "superseded" ? (
        <p>
          {entry.outcome === "rejected" ? "Reason: " : ""}
          {entry.proposal.decisionReason}
        </p>
      ) : null;
  }
}
