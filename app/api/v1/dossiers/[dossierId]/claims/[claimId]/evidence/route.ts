// Evidence on a claim (declared in lib/http/api-v1-operations.ts; docs/api.md#rest-api).
import { v1Handler } from "@/lib/http/api-v1";
import { createEvidenceOp } from "@/lib/http/api-v1-operations";

export const dynamic = "force-dynamic";

export const POST = v1Handler(createEvidenceOp);
