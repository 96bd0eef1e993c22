"use client";
// Inviting someone: Dossier sends no email, so the link is shown once, to copy and pass on.
import type { ActionResult } from "@/lib/http/action-result";
import { formConstraints } from "@/lib/schemas/constraints";
import { InviteUserSchema } from "@/lib/schemas/auth";
import { ActionForm } from "./action-form";
import { SelectField, TextField } from "./fields";
import { formatDateTime, ROLE_OPTIONS } from "./labels";
import { ShownOnce } from "./shown-once";

const CONSTRAINTS = formConstraints(InviteUserSchema);

type Invitation = { email: string; link: string; expiresAt: string };
type Invite<T extends Invitation> = (previous: ActionResult<T> | null, payload: FormData) => Promise<ActionResult<T>>;

export function InviteForm<T extends Invitation>({ action }: { action: Invite<T> }) {
  return (
    <ActionForm
      action={action}
      constraints={CONSTRAINTS}
      submitLabel="Invite"
      pendingLabel="Inviting…"
      label="Invite someone"
      className="form form--inline"
      successContent={(invitation) => (
        <ShownOnce id="invite-link" label="Invitation link" value={invitation.link}>
          Invitation ready for <strong>{invitation.email}</strong>. Send them this link through a channel you trust; it works once, until {formatDateTime(invitation.expiresAt)}:
        </ShownOnce>
      )}
    >
      <TextField name="email" label="Email" type="email" required />
      <SelectField name="role" label="Role" options={ROLE_OPTIONS} defaultValue="journalist" required />
    </ActionForm>
  );
}
