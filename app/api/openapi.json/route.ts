// The OpenAPI 3.1 document of the REST API (/api/v1), generated from its zod schemas.
import { openApiDocument } from "@/lib/http/openapi";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" } });
}
