import "server-only";
// The REST API for integrations (/api/v1, docs/api.md#rest-api): each operation is declared once
// in lib/http/api-v1-operations.ts — path, method, input schema (the newsroom's own), response
// schema, use case — and both its route handler and the OpenAPI document come from that one
// declaration. A request goes: bearer token → owner as actor (role read now) → write scope for
// anything but GET → per-token rate limit → zod parse (field errors, nothing written) → use case
// (its own permission check) → JSON, never cached.
import type { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/server/actor";
import { countApiRequest } from "@/lib/server/auth/api-rate-limit";
import { actorFromBearer } from "@/lib/server/auth/api-token-actor";
import { parseInput } from "@/lib/schemas/parse";
import { jsonBody } from "./api";
import { errorResponse } from "./errors";
import { revalidateAfter } from "./revalidate";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT";

export interface V1Operation<S extends z.ZodType = z.ZodType, T = unknown> {
  /** Stable name (OpenAPI operationId). */
  id: string;
  method: HttpMethod;
  /** OpenAPI form: /api/v1/dossiers/{dossierId}/claims; the route file is app/api/v1/dossiers/[dossierId]/claims/route.ts. */
  path: string;
  summary: string;
  /** Who may, beyond the token's scope: the owner's role decides (docs/permissions.md). */
  description?: string;
  /** The use case's input: path parameters and the JSON body, merged. */
  input: S;
  /** Whether a JSON body is read (POST, PATCH, PUT). */
  body: boolean;
  response: z.ZodType;
  status?: 200 | 201;
  run: (actor: Actor, input: z.output<S>) => Promise<T>;
  /** What the client gets of the use case's result (its `data`). */
  present: (result: T) => unknown;
}

export const defineOperation = <S extends z.ZodType, T>(op: V1Operation<S, T>): V1Operation<S, T> => op;

const NO_STORE = { "Cache-Control": "no-store" };

type Params = { params: Promise<Record<string, string | string[]>> };

/** The route handler of one operation. */
export function v1Handler<S extends z.ZodType, T>(op: V1Operation<S, T>) {
  return async (request: Request, context: Params): Promise<Response> => {
    try {
      const actor = await actorFromBearer(request.headers);
      if (op.method !== "GET" && actor.token?.scope !== "write") {
        throw new AppError("FORBIDDEN", "This API token is read-only: it cannot change anything. Create a write token for this.");
      }
      const count = await countApiRequest(actor.token!.id);
      if (!count.allowed) {
        return Response.json(
          { error: { code: "RATE_LIMITED", message: `Too many requests with this token: at most ${count.limit} a minute. Try again in ${count.retryAfterSeconds} s.` } },
          { status: 429, headers: { ...NO_STORE, "Retry-After": String(count.retryAfterSeconds), "RateLimit-Limit": String(count.limit) } },
        );
      }
      const params = await context.params;
      const body = op.body ? asObject(await jsonBody(request)()) : {};
      // Path parameters win over the body: the URL says which record.
      const input = parseInput(op.input, { ...body, ...params });
      const result = await op.run(actor, input);
      revalidateAfter(result);
      return Response.json(
        { data: op.present(result) },
        { status: op.status ?? 200, headers: { ...NO_STORE, "RateLimit-Limit": String(count.limit), "RateLimit-Remaining": String(count.remaining) } },
      );
    } catch (error) {
      const response = errorResponse(error);
      response.headers.set("Cache-Control", "no-store");
      if (response.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="dossier"');
      return response;
    }
  };
}

function asObject(value: unknown): Record<string, unknown> {
  if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new AppError("INVALID_INPUT", "The request body must be a JSON object.");
}
