"use client";
// Inviting someone: Dossier sends no email, so the link is shown once, to copy and pass on.
import { startTransition, useActionState, useRef } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { FieldErrorsProvider } from "./action-form";
import { SelectField, TextField } from "./fields";
import { formatDateTime, ROLE_OPTIONS } from "./labels";
import { useHydrated } from "./use-hydrated";

type Invitation = { email: string; link: string; expiresAt: string };
type Invite<T extends Invitation> = (previous: ActionResult<T> | null, payload: FormData) => Promise<ActionResult<T>>;

export function InviteForm<T extends Invitation>({ action }: { action: Invite<T> }) {
  const [state, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  const failure = state && !state.ok ? state : null;
  return (
    <FieldErrorsProvider formId="invite" errors={failure?.fieldErrors ?? {}}>
      {failure ? (
        <p role="alert" className="alert alert--error">
          {failure.error}
        </p>
      ) : null}
      {state?.ok ? (
        <div role="status" className="alert alert--success">
          <p>
            Invitation ready for <strong>{state.data.email}</strong>. Send them this link through a channel you trust; it works once, until {formatDateTime(state.data.expiresAt)}:
          </p>
          <p>
            <label htmlFor="invite-link" className="field__label">
              Invitation link
            </label>
            <input id="invite-link" readOnly value={state.data.link} className="invite-link" onFocus={(e) => e.currentTarget.select()} />
          </p>
        </div>
      ) : null}
      <form
        ref={formRef}
        method="post"
        noValidate
        aria-label="Invite someone"
        className="form form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => dispatch(data));
        }}
      >
        <TextField name="email" label="Email" type="email" required />
        <SelectField name="role" label="Role" options={ROLE_OPTIONS} defaultValue="journalist" required />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending || !hydrated}>
            {pending ? "Inviting…" : "Invite"}
          </button>
        </div>
      </form>
    </FieldErrorsProvider>
  );
}
