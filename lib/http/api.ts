import "server-only";
// The newsroom JSON API's counterpart of defineAction: session → zod parse → use case → JSON.
// Anonymous callers get 401 before anything else happens; errors go through errorResponse().
import type { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import { formatBytes, REQUEST_BODY_MAX_BYTES } from "@/lib/schemas/limits";
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
 * A body over the newsroom's request limit (the same as server actions', lib/schemas/limits.ts)
 * is refused as too large without being read into memory.
 */
export function jsonBody(request: Request, maxBytes = REQUEST_BODY_MAX_BYTES): () => Promise<unknown> {
  return async () => {
    if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
      throw new AppError("INVALID_INPUT", "Send the request body as JSON (Content-Type: application/json).");
    }
    const text = await readLimited(request, maxBytes);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AppError("INVALID_INPUT", "The request body must be JSON.");
    }
  };
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("TOO_LARGE", `The request is too large: the server accepts at most ${formatBytes(maxBytes)}. Nothing was saved.`);
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  // Invalid UTF-8 becomes U+FFFD, as request.json() would do; JSON escapes are checked by the schemas.
  return new TextDecoder().decode(Buffer.concat(chunks));
}
