"use client";
// A real form action (not an onSubmit handler): signing out works before the page has hydrated,
// and without JavaScript, like any HTML form posting to the server action.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

type SignOut = (previous: ActionResult<{ signedOut: boolean }> | null, payload: FormData) => Promise<ActionResult<{ signedOut: boolean }>>;

export function SignOutButton({ action }: { action: SignOut }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <button type="submit" className="button button--quiet" disabled={pending}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="field__error">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
