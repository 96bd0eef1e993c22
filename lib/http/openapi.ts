import "server-only";
// The OpenAPI 3.1 document of /api/v1, served at /api/openapi.json: built from the operations'
// declarations (lib/http/api-v1-operations.ts) and their zod schemas with zod's own
// z.toJSONSchema (JSON Schema 2020-12, the dialect OpenAPI 3.1 uses), so it cannot describe an
// input the handlers parse differently. tests/unit/openapi.test.ts checks every route file is in it.
import { z } from "zod";
import { publicUrl } from "@/lib/env";
import { ApiErrorSchema } from "@/lib/schemas/api-v1";
import type { V1Operation } from "./api-v1";
import { API_V1_OPERATIONS } from "./api-v1-operations";

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
};

const pathParams = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** The input's schema without the path parameters (they are in the URL), branch by branch for unions. */
function withoutParams(schema: JsonSchema, params: string[]): JsonSchema {
  const out: JsonSchema = { ...schema };
  for (const k of ["anyOf", "oneOf", "allOf"] as const) {
    if (Array.isArray(out[k])) out[k] = (out[k] as JsonSchema[]).map((s) => withoutParams(s, params));
  }
  if (out.properties && typeof out.properties === "object") {
    const properties = { ...(out.properties as Record<string, unknown>) };
    for (const p of params) delete properties[p];
    out.properties = properties;
    if (Array.isArray(out.required)) out.required = (out.required as string[]).filter((r) => !params.includes(r));
  }
  return out;
}

function paramSchema(input: JsonSchema, name: string): JsonSchema {
  const props = (input.properties ?? {}) as Record<string, JsonSchema>;
  return props[name] ?? { type: "string" };
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function operationObject(op: V1Operation) {
  const params = pathParams(op.path);
  const input = toSchema(op.input, "input");
  const status = String(op.status ?? 200);
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.path.split("/")[3] ?? "api"],
    security: [{ bearerToken: [] }],
    parameters: params.map((name) => ({ name, in: "path", required: true, schema: paramSchema(input, name) })),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: withoutParams(input, params) } } } } : {}),
    responses: {
      [status]: { description: "Success", content: { "application/json": { schema: { type: "object", required: ["data"], properties: { data: toSchema(op.response, "output") } } } } },
      ...(op.body ? { "400": errorResponse("Bad input: fieldErrors names each field and says what is wrong; nothing was written.") } : {}),
      "401": errorResponse("No token, or an unknown, expired or revoked one, or its owner is deactivated."),
      "403": errorResponse(op.method === "GET" ? "The owner's role may not do this." : "A read token, or the owner's role may not do this."),
      "404": errorResponse("No such record (or not one the owner may see)."),
      ...(op.body ? { "409": errorResponse("Someone changed the record since the version you sent."), "422": errorResponse("The newsroom's rules refuse it (the message says which).") } : {}),
      "429": errorResponse("Too many requests with this token: wait Retry-After seconds."),
    },
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_V1_OPERATIONS as unknown as V1Operation[]) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Dossier REST API",
      version: "1",
      description:
        "Read and write dossiers, claims, sources, evidence and verdict proposals with a personal API token, created in the newsroom (API tokens). A token acts as its owner, with the owner's current role — never more — and a read token never writes. Responses are { data } or { error }; nothing is cached.",
    },
    servers: [{ url: publicUrl() }],
    security: [{ bearerToken: [] }],
    paths,
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "A personal API token, dsr_…, created in the newsroom." } },
      schemas: { Error: toSchema(ApiErrorSchema, "output") },
    },
  };
}
