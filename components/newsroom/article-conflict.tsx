"use client";
// A refused article save: their version against mine as a readable diff, combined automatically
// when we changed different passages, otherwise merged by hand or overwritten deliberately.
import { useEffect, useRef } from "react";
import { diffArticle, mergeText } from "@/lib/domain/text-diff";
import { DiffView } from "./diff-view";

export interface ArticleConflictState {
  message: string;
  theirs: string;
  currentVersion: number;
  /** The text both versions started from, when known: enables combining them automatically. */
  base: string | null;
}

export function isArticleConflict(value: unknown): value is { current: { body: string }; currentVersion: number } {
  return !!value && typeof value === "object" && "current" in value && "currentVersion" in value && !!value.current && typeof value.current === "object" && "body" in value.current;
}

export function ArticleConflict(props: { conflict: ArticleConflictState; mine: string; pending: boolean; onCombine: (c: ArticleConflictState, text: string) => void; onOverwrite: () => void }) {
  const { conflict, mine } = props;
  const merged = conflict.base !== null ? mergeText(conflict.base, mine, conflict.theirs) : null;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} tabIndex={-1} role="alert" className="alert alert--conflict conflict" aria-label="Someone saved a newer version of the article">
      <h2>Someone saved a newer version of the article</h2>
      <p>{conflict.message}</p>
      <h3>Their version compared with yours</h3>
      <DiffView diff={diffArticle(conflict.theirs, mine)} fromLabel="their version" toLabel="your version" />
      {merged?.ok ? (
        <p>Your changes and theirs touch different passages: they can be combined.</p>
      ) : (
        <p>{merged ? "You both changed the same passages: " : ""}Edit your text on top of their version to combine the two, or overwrite theirs.</p>
      )}
      <div className="conflict__actions">
        {merged?.ok ? (
          <button type="button" className="button button--primary" onClick={() => props.onCombine(conflict, merged.text)}>
            Combine both versions
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={() => props.onCombine(conflict, mine)}>
            Merge by hand on top of their version
          </button>
        )}
        <button type="button" className="button button--danger" disabled={props.pending} onClick={props.onOverwrite}>
          Overwrite with my version
        </button>
      </div>
      <p className="meta">Combining or merging changes only the editor; nothing is saved until you save. Overwriting saves your text now, replacing theirs (theirs stays in the history).</p>
    </section>
  );
}

