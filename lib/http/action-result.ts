// What every server action returns (for useActionState): typed data or a coded, user-readable
// error with per-field messages. Never raw rows, never `any`.
import type { AppErrorCode } from "@/lib/domain/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | "INTERNAL"; error: string; fieldErrors?: Record<string, string[]>; details?: unknown; submitted?: SubmittedValues };

/** What a form sent (text fields; never files or passwords), given back when a save is refused. */
export type SubmittedValues = Record<string, string | string[]>;

/**
 * A hidden field that only a form not yet run by JavaScript carries (components/newsroom/action-form):
 * the browser then shows the server's page, not the form it typed into, so a refusal gives back
 * what was typed for the form to show again. A form run by JavaScript keeps its own fields.
 */
export const FORM_ECHO_FIELD = "_echo";
