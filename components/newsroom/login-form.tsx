"use client";
// Sign-in posts to Better Auth's HTTP route (/api/auth/sign-in/email): that route is where the
// per-client rate limit (SIGNIN_RATE_LIMIT a minute) is enforced, so the form cannot bypass it.
import { useRef, useState } from "react";
import { SignInSchema } from "@/lib/schemas/auth";
import { FieldErrorsProvider } from "./action-form";
import { TextField } from "./fields";
import { useHydrated } from "./use-hydrated";

export function LoginForm({ next, email }: { next: string; email?: string }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const alertRef = useRef<HTMLDivElement>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = Object.fromEntries(new FormData(event.currentTarget).entries());
    const parsed = SignInSchema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
      setErrors(fieldErrors);
      setMessage("Check the highlighted fields.");
      alertRef.current?.focus();
      return;
    }
    setErrors({});
    setMessage(null);
    setPending(true);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(parsed.data),
        credentials: "same-origin",
      });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      setMessage(await failureMessage(response));
    } catch (error) {
      console.error("Sign-in request failed", error);
      setMessage("We could not reach the server. Check your connection and try again.");
    }
    setPending(false);
    alertRef.current?.focus();
  }

  return (
    <FieldErrorsProvider formId="login" errors={errors}>
      <div ref={alertRef} tabIndex={-1}>
        {message ? (
          <p role="alert" className="alert alert--error">
            {message}
          </p>
        ) : null}
      </div>
      <form method="post" onSubmit={submit} noValidate aria-label="Sign in" className="form">
        <TextField name="email" label="Email" type="email" autoComplete="username" defaultValue={email} required />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" required />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending || !hydrated}>
            {pending ? "Signing in…" : "Sign in"}
          </button>
        </div>
      </form>
    </FieldErrorsProvider>
  );
}

async function failureMessage(response: Response): Promise<string> {
  if (response.status === 429) {
    const body: unknown = await response.clone().json().catch(() => null);
    if (body && typeof body === "object" && "code" in body && body.code === "ACCOUNT_RATE_LIMITED" && "message" in body) {
      return `${String(body.message)} For your security, sign-in to this account is paused.`;
    }
    const seconds = Number(response.headers.get("x-retry-after"));
    const wait = Number.isFinite(seconds) && seconds > 0 ? `${seconds} second${seconds === 1 ? "" : "s"}` : "a minute";
    return `Too many sign-in attempts from your network. For your security, sign-in is paused: wait ${wait}, then try again.`;
  }
  if (response.status === 401) return "The email or password is incorrect.";
  const body: unknown = await response.json().catch(() => null);
  const field = (key: string) => (body && typeof body === "object" && key in body ? String((body as Record<string, unknown>)[key]) : null);
  if (response.status === 403 && field("code") === "ACCOUNT_DISABLED") return field("message") ?? "This account has been deactivated.";
  if (response.status === 403) return "The server refused this sign-in as coming from another site. Open Dossier at its configured address (PUBLIC_URL) and try again.";
  return "Sign-in failed on our side. Try again in a moment.";
}
