"use client";
// A decision that needs a few words and a confirmation (publishing despite blocking claims,
// unpublishing): a button opens a modal dialog that says what will happen and holds the form.
// Refusals appear in the dialog next to the fields; nothing happens until the form is sent.
// Keyboard: Tab and Shift+Tab stay in the dialog, Escape closes it, and focus returns to its button.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
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
  /** Hands what the action returned to the caller (the new record, for one). */
  onSuccess?: (data: T) => void;
  children: ReactNode;
  /** The fields' limits from the action's input schema (see ActionForm). */
  constraints?: FormConstraints;
}

export function DialogForm<T>(props: DialogFormProps<T>) {
  const id = useId().replace(/:/g, "");
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [done, setDone] = useState<string | null>(null);
  // A new form each time the dialog opens: no stale refusal from an earlier attempt.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    // Opened once the new form is in place, on its first field (not on the place refusals appear).
    if (attempt === 0 || !dialog.current || dialog.current.open) return;
    dialog.current.showModal();
    dialog.current.querySelector<HTMLElement>("form :is(input:not([type=hidden]), select, textarea, button)")?.focus();
  }, [attempt]);
  return (
    <>
      <button
        ref={opener}
        type="button"
        className={props.danger ? "button button--danger-quiet" : "button"}
        onClick={() => {
          setDone(null);
          setAttempt((n) => n + 1);
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
      <dialog
        ref={dialog}
        className="dialog dialog--form"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        onKeyDown={(event) => trapTab(event, dialog.current)}
        onClose={() => {
          const active = document.activeElement;
          if (!active || active === document.body || dialog.current?.contains(active)) opener.current?.focus();
        }}
      >
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
          onSuccess={(data) => {
            dialog.current?.close();
            props.onSuccess?.(data);
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

/** Tab from the dialog's last control goes to its first, Shift+Tab from the first to the last. */
function trapTab(event: React.KeyboardEvent, dialog: HTMLDialogElement | null) {
  if (event.key !== "Tab" || !dialog) return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])")].filter(
    (el) => !el.matches(":disabled") && el.getClientRects().length > 0,
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
