"use client";
// A source created without leaving the claim: the sources page's own form (SourceFields, the
// same action, schema and use case — a confidential source follows the same rules) in a modal
// dialog (DialogForm: focus stays in it, Escape closes it, focus returns to its button). Once
// created, the source is chosen in the claim's "Add evidence" form, ready for its excerpt and stance.
import { useEffect, useRef, useState } from "react";
import { createSourceAction } from "@/app/(newsroom)/_actions/records";
import { DialogForm } from "./dialog-form";
import { Hidden } from "./fields";
import { SourceFields } from "./source-fields";

/** The evidence form the new source is chosen in (its accessible name). */
export const EVIDENCE_FORM_LABEL = "Add evidence";

export function NewSourceDialog({ dossierId, viewConfidential, sourceIds }: { dossierId: string; viewConfidential: boolean; sourceIds: string[] }) {
  const anchor = useRef<HTMLSpanElement>(null);
  const [created, setCreated] = useState<{ id: string; label: string } | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const known = sourceIds.join(" ");

  useEffect(() => {
    // The page shows the new source once refreshed: choose it in the evidence form then.
    if (!created || !known.split(" ").includes(created.id)) return;
    const select = anchor.current?.closest("section")?.querySelector<HTMLSelectElement>(`form[aria-label="${EVIDENCE_FORM_LABEL}"] select[name="sourceId"]`);
    if (!select) return;
    select.value = created.id;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    setSaid(`Source “${created.label}” created: it is chosen in the evidence form below.`);
    setCreated(null);
  }, [created, known]);

  return (
    <div className="new-source">
      <span ref={anchor} />
      <DialogForm<{ source: { id: string; label: string } }>
        action={createSourceAction}
        buttonLabel="New source…"
        title="New source"
        description={<p>Added to the dossier&rsquo;s sources, then chosen below to link to this claim with its excerpt and stance.</p>}
        submitLabel="Create the source"
        pendingLabel="Creating…"
        doneMessage="Source created."
        onDone={(message) => setSaid(message)}
        onSuccess={(data) => setCreated({ id: data.source.id, label: data.source.label })}
      >
        <Hidden name="dossierId" value={dossierId} />
        <SourceFields viewConfidential={viewConfidential} />
      </DialogForm>{" "}
      <span role="status" className="meta">
        {said ?? ""}
      </span>
    </div>
  );
}
