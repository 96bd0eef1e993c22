"use client";
// An admin makes a one-time password-reset link for a member, after confirming. Dossier sends no
// email, so the link is shown once, here, to copy and pass on.
import { useId, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { ConfirmButton, type ConfirmCall } from "./confirm-button";
import { formatDateTime } from "./labels";

type ResetLink = { link: string; expiresAt: string };

export function PasswordResetButton({ action, userId, name }: { action: (previous: null, payload: { userId: string }) => Promise<ActionResult<ResetLink>>; userId: string; name: string }) {
  const id = useId().replace(/:/g, "");
  const [made, setMade] = useState<ResetLink | null>(null);
  // Keeps the link the action returned: ConfirmButton only reports that it is done.
  const call: ConfirmCall = async (previous, payload) => {
    const result = await action(previous, { userId: String(payload.userId) });
    if (result.ok) setMade(result.data);
    return result;
  };
  return (
    <>
      <ConfirmButton
        action={call}
        payload={{ userId }}
        buttonLabel="Password-reset link…"
        title={`Create a password-reset link for ${name}?`}
        description={`The link lets whoever holds it choose ${name}'s new password, once, within 24 hours. Give it to ${name} only, through a channel you trust. Their current password keeps working until the link is used; an earlier link stops working.`}
        confirmLabel="Create the link"
        pendingLabel="Creating…"
        doneMessage="Link created."
      />
      {made ? (
        <div role="status" className="alert alert--success">
          <label htmlFor={`${id}-link`} className="field__label">
            Password-reset link for {name} (works once, until {formatDateTime(made.expiresAt)})
          </label>
          <input id={`${id}-link`} readOnly value={made.link} className="invite-link" onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
    </>
  );
}
