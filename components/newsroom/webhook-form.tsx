"use client";
// Registering a webhook endpoint: its address and events. The signing secret Dossier generated is
// shown at once, to copy into the receiver (admins can show it again on the endpoint).
import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { FieldErrorsProvider } from "./action-form";
import { CheckboxGroup, TextField, type Option } from "./fields";
import { useHydrated } from "./use-hydrated";

type Created = { id: string; url: string; secret: string };
type Create<T extends Created> = (previous: ActionResult<T> | null, payload: FormData) => Promise<ActionResult<T>>;

export function WebhookForm<T extends Created>({ action, events }: { action: Create<T>; events: readonly Option[] }) {
  const [state, dispatch, pending] = useActionState(action, null);
  const hydrated = useHydrated();
  const failure = state && !state.ok ? state : null;
  return (
    <FieldErrorsProvider formId="webhook" errors={failure?.fieldErrors ?? {}}>
      {failure ? (
        <p role="alert" className="alert alert--error">
          {failure.error}
        </p>
      ) : null}
      {state?.ok ? (
        <div role="status" className="alert alert--success">
          <p>
            Endpoint added: <strong>{state.data.url}</strong>. Put this signing secret in the receiver, to check each delivery’s signature:
          </p>
          <p>
            <label htmlFor="webhook-new-secret" className="field__label">
              Signing secret
            </label>
            <input id="webhook-new-secret" readOnly value={state.data.secret} className="invite-link" onFocus={(e) => e.currentTarget.select()} />
          </p>
        </div>
      ) : null}
      <form
        method="post"
        noValidate
        aria-label="Add a webhook endpoint"
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => dispatch(data));
        }}
      >
        <TextField name="url" label="Address that receives the events" type="url" required hint="https://… — an internal address only if WEBHOOK_ALLOW_PRIVATE_HOSTS names it." />
        <CheckboxGroup name="events" label="Events" options={events} defaultValues={events.map((e) => e.value)} emptyText="No events." />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending || !hydrated}>
            {pending ? "Adding…" : "Add endpoint"}
          </button>
        </div>
      </form>
    </FieldErrorsProvider>
  );
}
