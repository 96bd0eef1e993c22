// What every server action returns (for useActionState): typed data or a coded, user-readable
// error with per-field messages. Never raw rows, never `any`.
import type { AppErrorCode } from "@/lib/domain/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | "INTERNAL"; error: string; fieldErrors?: Record<string, string[]>; details?: unknown };
