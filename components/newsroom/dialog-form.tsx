"use client";
// A decision that needs a few words and a confirmation (publishing despite blocking claims,
// unpublishing): a button opens a modal dialog that says what will happen and holds the form.
// Refusals appear in the dialog next to the fields; nothing happens until the form is sent.
import { useId, useRef, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import type { FormConstraints } from "@/lib/schemas/constraints";
import { ActionForm } from "./action-form";

export interface DialogFormProps<T> {
  action: (previous: null, payload: FormData) => Promise<ActionResult<T>>;
  buttonLabel: string;
  title: string;
  description: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  /** Said next to the button after success. */
  doneMessage: string;
  danger?: boolean;
  /** Hands the done message to the caller (see ConfirmButton's onDone). */
  onDone?: (message: string) => void;
  children: ReactNode;
  /** The fields' limits from the action's input schema (see ActionForm). */
  constraints?: FormConstraints;
}

export function DialogForm<T>(props: DialogFormProps<T>) {
  const id = useId().replace(/:/g, "");
  const dialog = useRef<HTMLDialogElement>(null);
  const [done, setDone] = useState<string | null>(null);
  // A new form each time the dialog opens: no stale refusal from an earlier attempt.
  const [attempt, setAttempt] = useState(0);
  return (
    <>
      <button
        type="button"
        className={props.danger ? "button button--danger-quiet" : "button"}
        onClick={() => {
          setDone(null);
          setAttempt((n) => n + 1);
          dialog.current?.showModal();
        }}
      >
        {props.buttonLabel}
      </button>
      {done ? (
        <span role="status" className="meta">
          {" "}
          {done}
        </span>
      ) : null}
      <dialog ref={dialog} className="dialog dialog--form" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <h2 id={`${id}-title`}>{props.title}</h2>
        <div id={`${id}-desc`} className="dialog__description">
          {props.description}
        </div>
        <ActionForm
          key={attempt}
          action={props.action}
          constraints={props.constraints}
          submitLabel={props.submitLabel}
          pendingLabel={props.pendingLabel}
          label={props.title}
          onSuccess={() => {
            dialog.current?.close();
            if (props.onDone) props.onDone(props.doneMessage);
            else setDone(props.doneMessage);
          }}
          secondaryActions={
            <button type="button" className="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          }
        >
          {props.children}
        </ActionForm>
      </dialog>
    </>
  );
}
