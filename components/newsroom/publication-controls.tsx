"use client";
// The publish / update / override / unpublish controls of a dossier's Publication section, and a
// journalist's request for an update. One component in one place whatever the state, so the
// confirmation ("Published: readers see it now.") stays on the page after it refreshes and shows
// the next control. The data layer enforces every rule (lib/server/publishing/*): this only asks.
import { useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { formConstraints } from "@/lib/schemas/constraints";
import { PublishDossierSchema, RequestUpdateSchema, UnpublishDossierSchema } from "@/lib/schemas/publishing";
import { ConfirmButton } from "./confirm-button";
import { DialogForm } from "./dialog-form";
import { Hidden, TextArea } from "./fields";

type Action = (previous: null, payload: FormData | Record<string, string | number>) => Promise<ActionResult<unknown>>;

export interface PublicationControlsProps {
  /** Readers see the dossier now. */
  published: boolean;
  /** The number of the version readers see (or saw, before it was unpublished); null: never published. */
  publishedVersion: number | null;
  /** The working copy differs from that version. */
  hasChanges: boolean;
  dossier: { id: string; version: number; title: string; slug: string };
  /** The blocking claims the editor is shown (an override covers exactly these). */
  blocking: { id: string; text: string }[];
  /** The working copy reviewed (publishing an update names it). */
  workingHash: string;
  /** The update changes what readers are told about a claim: the note is required, and why. */
  noteRequired: boolean;
  noteReasons: string[];
  language: string;
  canPublish: boolean;
  canRequest: boolean;
  publishAction: Action;
  unpublishAction: Action;
  requestAction: Action;
}

export function PublicationControls(p: PublicationControlsProps) {
  const [done, setDone] = useState<string | null>(null);
  const n = p.blocking.length;
  const { dossier } = p;
  const firstPublication = p.publishedVersion === null;
  const republish = !p.published && !firstPublication;
  const blockedList = (
    <ul>
      {p.blocking.map((c) => (
        <li key={c.id} lang={p.language}>
          {c.text}
        </li>
      ))}
    </ul>
  );
  const overrideFields = (
    <>
      {p.blocking.map((c) => (
        <Hidden key={c.id} name="acknowledgedClaimIds" value={c.id} />
      ))}
      <TextArea name="overrideReason" label="Why publish now (recorded)" required />
    </>
  );
  const noteField = (
    <TextArea
      name="note"
      label={p.noteRequired ? "Note for readers" : "Note for readers (optional: this update is minor)"}
      hint={
        p.noteRequired
          ? `Readers see it with “Updated on …”, because ${p.noteReasons.join("; ")}.`
          : "Readers see it with “Updated on …”. Without a note the update is listed as minor (typos, details)."
      }
      lang={p.language}
      required={p.noteRequired}
    />
  );

  let publishControl: React.ReactNode = null;
  if (p.canPublish && (!p.published || p.hasChanges)) {
    if (firstPublication && n === 0) {
      publishControl = (
        <ConfirmButton
          action={p.publishAction}
          payload={{ dossierId: dossier.id, version: dossier.version, reviewedHash: p.workingHash }}
          buttonLabel="Publish…"
          title={`Publish “${dossier.title}”?`}
          description={`Readers will see it on the home page and at /dossiers/${dossier.slug}, with every claim's verdict. This becomes published version 1.`}
          confirmLabel="Publish"
          pendingLabel="Publishing…"
          doneMessage="Published: readers see it now."
          onDone={setDone}
        />
      );
    } else {
      const update = !firstPublication;
      const label = firstPublication ? "Publish anyway…" : republish ? (n ? "Publish again anyway…" : "Publish again…") : n ? "Publish the update anyway…" : "Publish the update…";
      publishControl = (
        <DialogForm
          action={p.publishAction}
          constraints={formConstraints(PublishDossierSchema)}
          buttonLabel={label}
          title={firstPublication ? `Publish despite ${n} blocking claim${n === 1 ? "" : "s"}?` : republish ? `Publish “${dossier.title}” again?` : `Publish the changes to “${dossier.title}”?`}
          description={
            <>
              {update ? (
                <p>
                  Readers will see the changes listed under <strong>Changes not yet published</strong> as version {(p.publishedVersion ?? 0) + 1}. Only the changes you reviewed are
                  published: if someone saves meanwhile, you are asked to review again.
                </p>
              ) : null}
              {n ? (
                <>
                  <p>
                    Readers will see {n === 1 ? "this claim" : "these claims"} as <strong>not yet checked</strong> (or with their current verdict, while a proposal is pending). Your reason
                    is recorded with the publication, and the override covers only the claims listed here.
                  </p>
                  {blockedList}
                </>
              ) : null}
            </>
          }
          submitLabel={label.replace("…", "")}
          pendingLabel="Publishing…"
          doneMessage={update ? "Update published: readers see the new version now." : "Published with an override: the reason is recorded."}
          onDone={setDone}
        >
          <Hidden name="dossierId" value={dossier.id} />
          <Hidden name="version" value={dossier.version} />
          <Hidden name="reviewedHash" value={p.workingHash} />
          {update ? noteField : null}
          {n ? overrideFields : null}
        </DialogForm>
      );
    }
  }

  return (
    <div className="publication__controls">
      {publishControl}
      {p.canPublish && p.published ? (
        <DialogForm
          action={p.unpublishAction}
          constraints={formConstraints(UnpublishDossierSchema)}
          buttonLabel="Unpublish…"
          title={`Unpublish “${dossier.title}”?`}
          description={
            <p>
              It leaves the public site at once. <strong>Everything is kept</strong>: the article, claims, verdicts and their history, proposals, the published versions and the first
              publication date (later verdict changes still need a correction note). You can publish it again: its versions continue from {p.publishedVersion ?? 1}.
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
      ) : null}
      {!p.canPublish && p.canRequest && p.published && p.hasChanges ? (
        <DialogForm
          action={p.requestAction}
          constraints={formConstraints(RequestUpdateSchema)}
          buttonLabel="Ask an editor to publish these changes…"
          title="Ask for the update to be published?"
          description={<p>Every editor is notified. Only an editor publishes an update, through the publish gate, with a note for readers.</p>}
          submitLabel="Send the request"
          pendingLabel="Sending…"
          doneMessage="Request sent: the editors are notified."
          onDone={setDone}
        >
          <Hidden name="dossierId" value={dossier.id} />
          <TextArea name="message" label="Message to the editors (optional)" />
        </DialogForm>
      ) : null}
      <p role="status" className="publication__done">
        {done}
      </p>
    </div>
  );
}
