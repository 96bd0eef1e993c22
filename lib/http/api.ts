import "server-only";
// The newsroom JSON API's counterpart of defineAction: session → zod parse → use case → JSON.
// Anonymous callers get 401 before anything else happens; errors go through errorResponse().
import type { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/actor";
import { getActor } from "@/lib/server/auth/get-actor";
import { errorResponse } from "./errors";
import { revalidateAfter } from "./revalidate";

export async function handleApi<S extends z.ZodType, T>(
  raw: () => Promise<unknown>,
  schema: S,
  run: (actor: Actor, input: z.output<S>) => Promise<T>,
): Promise<Response> {
  try {
    const actor = await getActor();
    if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const input = parseInput(schema, await raw());
    const data = await run(actor, input);
    revalidateAfter(data);
    return Response.json({ data }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * The request's JSON body; a body that is not JSON is an input error, not a crash. Requiring the
 * JSON content type also means a cross-site HTML form (text/plain) can never reach a use case.
 */
export function jsonBody(request: Request): () => Promise<unknown> {
  return async () => {
    if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
      throw new AppError("INVALID_INPUT", "Send the request body as JSON (Content-Type: application/json).");
    }
    try {
      return await request.json();
    } catch {
      throw new AppError("INVALID_INPUT", "The request body must be JSON.");
    }
  };
}
