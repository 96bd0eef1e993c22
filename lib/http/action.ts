import "server-only";
// The one wrapper every server action goes through:
//   session (getActor) → zod parse → use case → revalidate → ActionResult<T>.
// Use cases still authorise themselves; refusing anonymous callers here first means an anonymous
// request learns nothing, not even which fields would have been invalid.
import { refresh } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { isAppError } from "@/lib/domain/errors";
import { formDataToObject, parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/actor";
import { getActor } from "@/lib/server/auth/get-actor";
import { FORM_ECHO_FIELD, type ActionResult, type SubmittedValues } from "./action-result";
import { revalidateAfter } from "./revalidate";

export interface ActionOptions<T> {
  /** Let anonymous callers reach the use case (accepting an invitation). Default: refused here. */
  allowAnonymous?: boolean;
  /** Navigate after success, e.g. to the record just created. */
  redirectTo?: (data: T) => string;
}

/** What a server action built by `defineAction` accepts: FormData from a form, or a plain object. */
export type ActionPayload = FormData | Record<string, unknown>;
export type ServerAction<T> = (previous: ActionResult<T> | null, payload: ActionPayload) => Promise<ActionResult<T>>;

/**
 * Builds a server action. In a "use server" file:
 *   export const updateSourceAction = defineAction(UpdateSourceSchema, updateSource);
 * A use case whose change may show on reader pages returns `readerSlug` (the dossier's slug when
 * it is published, otherwise null): the wrapper revalidates those pages after success.
 */
export function defineAction<S extends z.ZodType, T>(
  schema: S,
  run: (actor: Actor, input: z.output<S>) => Promise<T>,
  options: ActionOptions<T> = {},
): ServerAction<T> {
  return async (_previous, payload) => {
    let data: T;
    const fields = payload instanceof FormData ? formDataToObject(payload) : payload;
    const echo = payload instanceof FormData && fields[FORM_ECHO_FIELD] === "1" ? echoed(fields as SubmittedValues) : undefined;
    if (echo) delete fields[FORM_ECHO_FIELD];
    try {
      const actor = await getActor();
      if (actor.kind === "anonymous" && !options.allowAnonymous) {
        return { ok: false, code: "UNAUTHENTICATED", error: "Your session has ended. Sign in again to continue; nothing was saved.", ...(echo && { submitted: echo }) };
      }
      const input = parseInput(schema, fields);
      data = await run(actor, input);
    } catch (error) {
      unstable_rethrow(error);
      return echo ? { ...toFailure(error), submitted: echo } : toFailure(error);
    }
    revalidateAfter(data);
    if (options.redirectTo) redirect(options.redirectTo(data));
    refresh();
    return { ok: true, data };
  };
}

/** The typed values a form without JavaScript shows again after a refusal: never a password. */
function echoed(fields: SubmittedValues): SubmittedValues {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => name !== FORM_ECHO_FIELD && !/password/i.test(name)));
}

export function toFailure(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (isAppError(error)) {
    return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors, details: error.details };
  }
  console.error("Server action failed", error);
  return { ok: false, code: "INTERNAL", error: "Something went wrong on our side and nothing was saved. Try again in a moment." };
}
