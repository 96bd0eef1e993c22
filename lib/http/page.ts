import "server-only";
// Newsroom pages: who is asking (anonymous visitors go to /login, then come back), and use-case
// errors turned into the right page (404, sign-in, or a refusal the page explains).
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { AppError, isAppError } from "@/lib/domain/errors";
import { env } from "@/lib/env";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import type { UserActor } from "@/lib/server/actor";
import { getActor } from "@/lib/server/auth/get-actor";

/** Only same-site newsroom paths are accepted as a place to return to after signing in. */
export function safeNext(next: unknown): string {
  return typeof next === "string" && /^\/newsroom(\/[\w\-/.~%]*)?(\?[\w\-=&%.]*)?$/.test(next) && !next.includes("//") ? next : "/newsroom";
}

export async function requireNewsroomActor(returnTo: string): Promise<UserActor> {
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/login?next=${encodeURIComponent(safeNext(returnTo))}`);
  return actor;
}

/**
 * The language of a newsroom page that speaks the member's language (API tokens, the audit log):
 * the one they chose on the reader site, else their browser's, else the site's default.
 */
export async function newsroomLocale(): Promise<Locale> {
  return negotiateLocale({ cookie: (await cookies()).get(LOCALE_COOKIE)?.value, acceptLanguage: (await headers()).get("accept-language") }, env.DEFAULT_LOCALE);
}

export type Loaded<T> = { ok: true; data: T } | { ok: false; reason: string; fieldErrors?: Record<string, string[]> };

/**
 * Runs a use case for a page: NOT_FOUND → 404, UNAUTHENTICATED → sign in, FORBIDDEN → a reason to
 * show, INVALID_INPUT (a page's query string, e.g. the desk's filters) → the reason and the
 * message for each field, so the page can show them next to its form.
 */
export async function loadForPage<T>(run: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "NOT_FOUND") notFound();
      if (error.code === "UNAUTHENTICATED") redirect("/login");
      if (error.code === "FORBIDDEN") return { ok: false, reason: error.message };
      if (error.code === "INVALID_INPUT") return { ok: false, reason: error.message, fieldErrors: error.fieldErrors ?? {} };
    }
    throw error;
  }
}

/** Like loadForPage, for pages every newsroom member may see (a refusal there is unexpected). */
export async function load<T>(run: () => Promise<T>): Promise<T> {
  const result = await loadForPage(run);
  if (!result.ok) {
    // Bad input is a bug of the page calling it: let the error page say so, as before.
    if (result.fieldErrors) throw new AppError("INVALID_INPUT", result.reason, { fieldErrors: result.fieldErrors });
    redirect("/newsroom");
  }
  return result.data;
}
