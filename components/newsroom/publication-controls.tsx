"use client";
// The publish / override / unpublish control of a dossier's Publication section. One component
// in one place whatever the state, so the confirmation ("Published: readers see it now.") stays
// on the page after it refreshes and shows the next control (Unpublish after Publish).
import { useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { ConfirmButton } from "./confirm-button";
import { DialogForm } from "./dialog-form";
import { Hidden, TextArea } from "./fields";

type Action = (previous: null, payload: FormData | Record<string, string | number>) => Promise<ActionResult<unknown>>;

export interface PublicationControlsProps {
  mode: "publish" | "override" | "unpublish";
  dossier: { id: string; version: number; title: string; slug: string };
  /** The blocking claims the editor is shown (an override covers exactly these). */
  blocking: { id: string; text: string }[];
  language: string;
  publishAction: Action;
  unpublishAction: Action;
}

export function PublicationControls({ mode, dossier, blocking, language, publishAction, unpublishAction }: PublicationControlsProps) {
  const [done, setDone] = useState<string | null>(null);
  const n = blocking.length;
  return (
    <div className="publication__controls">
      {mode === "unpublish" ? (
        <DialogForm
          action={unpublishAction}
          buttonLabel="Unpublish…"
          title={`Unpublish “${dossier.title}”?`}
          description={
            <p>
              It leaves the public site at once. <strong>Everything is kept</strong>: the article, claims, verdicts and their history, proposals, and the first publication date
              (later verdict changes still need a correction note). You can publish it again.
            </p>
          }
          submitLabel="Unpublish"
          pendingLabel="Unpublishing…"
          doneMessage="Unpublished: readers no longer see it."
          onDone={setDone}
          danger
        >
          <Hidden name="dossierId" value={dossier.id} />
          <Hidden name="version" value={dossier.version} />
          <TextArea name="reason" label="Why (optional, kept in the audit log)" />
        </DialogForm>
      ) : mode === "publish" ? (
        <ConfirmButton
          action={publishAction}
          payload={{ dossierId: dossier.id, version: dossier.version }}
          buttonLabel="Publish…"
          title={`Publish “${dossier.title}”?`}
          description={`Readers will see it on the home page and at /dossiers/${dossier.slug}, with every claim's verdict.`}
          confirmLabel="Publish"
          pendingLabel="Publishing…"
          doneMessage="Published: readers see it now."
          onDone={setDone}
        />
      ) : (
        <DialogForm
          action={publishAction}
          buttonLabel="Publish anyway…"
          title={`Publish despite ${n} blocking claim${n === 1 ? "" : "s"}?`}
          description={
            <>
              <p>
                Readers will see {n === 1 ? "this claim" : "these claims"} as <strong>not yet checked</strong> (or with their current verdict, while a proposal is pending).
                Your reason is recorded with the publication, and the override covers only the claims listed here.
              </p>
              <ul>
                {blocking.map((c) => (
                  <li key={c.id} lang={language}>
                    {c.text}
                  </li>
                ))}
              </ul>
            </>
          }
          submitLabel="Publish anyway"
          pendingLabel="Publishing…"
          doneMessage="Published with an override: the reason is recorded."
          onDone={setDone}
        >
          <Hidden name="dossierId" value={dossier.id} />
          <Hidden name="version" value={dossier.version} />
          {blocking.map((c) => (
            <Hidden key={c.id} name="acknowledgedClaimIds" value={c.id} />
          ))}
          <TextArea name="overrideReason" label="Why publish now (recorded)" required />
        </DialogForm>
      )}
      <p role="status" className="publication__done">
        {done}
      </p>
    </div>
  );
}
