// A readable article diff (lib/domain/text-diff.ts): removed lines then added lines, with the
// changed words marked, in words as well as colour (− / + signs and hidden labels for screen
// readers). Usable from server and client components.
import type { ArticleDiff } from "@/lib/domain/text-diff";

export function DiffView({ diff, fromLabel, toLabel }: { diff: ArticleDiff; fromLabel: string; toLabel: string }) {
  if (diff.identical) return <p className="empty">No difference between {fromLabel} and {toLabel}.</p>;
  return (
    <div className="diff">
      <p className="meta">
        From {fromLabel} to {toLabel}: {diff.removedLines} line{diff.removedLines === 1 ? "" : "s"} removed, {diff.addedLines} line{diff.addedLines === 1 ? "" : "s"} added.
      </p>
      <ol className="diff__rows">
        {diff.rows.map((row, i) =>
          row.kind === "skipped" ? (
            <li key={i} className="diff__skip">
              … {row.count} unchanged line{row.count === 1 ? "" : "s"} …
            </li>
          ) : (
            <li key={i} className={`diff__row diff__row--${row.kind}`}>
              <span className="diff__sign" aria-hidden="true">
                {row.kind === "added" ? "+" : row.kind === "removed" ? "−" : " "}
              </span>
              {row.kind !== "same" ? <span className="visually-hidden">{row.kind === "added" ? "Added: " : "Removed: "}</span> : null}
              <span className="diff__text">
                {row.parts.length === 1 && row.parts[0]!.value === "" ? <span className="diff__blank">(blank line)</span> : null}
                {row.parts.map((part, k) =>
                  part.kind === "added" && row.kind === "added" && row.parts.length > 1 ? (
                    <ins key={k}>{part.value}</ins>
                  ) : part.kind === "removed" && row.kind === "removed" && row.parts.length > 1 ? (
                    <del key={k}>{part.value}</del>
                  ) : (
                    <span key={k}>{part.value}</span>
                  ),
                )}
              </span>
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
