// A dossier's sources: list, create (declared in lib/http/api-v1-operations.ts; docs/api.md#rest-api).
import { v1Handler } from "@/lib/http/api-v1";
import { listSourcesOp, createSourceOp } from "@/lib/http/api-v1-operations";

export const dynamic = "force-dynamic";

export const GET = v1Handler(listSourcesOp);
export const POST = v1Handler(createSourceOp);
