"use client";
// An action that must be confirmed first (deleting, restoring an old revision): a modal dialog
// says what will happen; a refusal is explained in the dialog.
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { callAction } from "./call-action";

export type ConfirmCall = (previous: null, payload: Record<string, string | number>) => Promise<ActionResult<unknown>>;

export interface ConfirmButtonProps {
  action: ConfirmCall;
  payload: Record<string, string | number>;
  buttonLabel: string;
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel?: string;
  danger?: boolean;
  redirectTo?: string;
  /** Said after success when the page stays. */
  doneMessage?: string;
  /**
   * Hands the done message to the caller instead of showing it here: for a button the refreshed
   * page replaces (Publish becomes Unpublish), whose own message would vanish with it.
   */
  onDone?: (message: string) => void;
}

export function ConfirmButton(props: ConfirmButtonProps) {
  const router = useRouter();
  const id = useId().replace(/:/g, "");
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      const result = await callAction(() => props.action(null, props.payload), props.payload);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      dialog.current?.close();
      if (props.redirectTo) router.push(props.redirectTo);
      else {
        if (props.onDone) props.onDone(props.doneMessage ?? "Done.");
        else setDone(props.doneMessage ?? "Done.");
        router.refresh();
      }
    });
  }

  return (
    <>
      <button
        type="button"
        className={props.danger ? "button button--danger-quiet" : "button"}
        onClick={() => {
          setError(null);
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
      <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <h2 id={`${id}-title`}>{props.title}</h2>
        <p id={`${id}-desc`}>{props.description}</p>
        {error ? (
          <p role="alert" className="alert alert--error">
            {error}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className={props.danger ? "button button--danger" : "button button--primary"} onClick={confirm} disabled={pending}>
            {pending ? (props.pendingLabel ?? "Working…") : props.confirmLabel}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
