"use client";
import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

type SignOut = (previous: ActionResult<{ signedOut: boolean }> | null, payload: Record<string, never>) => Promise<ActionResult<{ signedOut: boolean }>>;

export function SignOutButton({ action }: { action: SignOut }) {
  const [state, dispatch, pending] = useActionState(action, null);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(() => dispatch({}));
      }}
    >
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
