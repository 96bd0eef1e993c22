"use client";
// Deleting always asks first and says what happens to what is linked to the record.
import { ConfirmButton, type ConfirmCall } from "./confirm-button";

export function DeleteButton(props: { action: ConfirmCall; payload: Record<string, string>; what: string; consequence?: string; redirectTo?: string; buttonLabel?: string }) {
  return (
    <ConfirmButton
      action={props.action}
      payload={props.payload}
      buttonLabel={props.buttonLabel ?? "Delete…"}
      title={`Delete ${props.what}?`}
      description={props.consequence ?? "This cannot be undone from here; the audit log keeps a copy of what was deleted."}
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      danger
      redirectTo={props.redirectTo}
      doneMessage="Deleted."
    />
  );
}
