// A claim's verdict: an editor sets it (declared in lib/http/api-v1-operations.ts; docs/api.md#rest-api).
import { v1Handler } from "@/lib/http/api-v1";
import { setVerdictOp } from "@/lib/http/api-v1-operations";

export const dynamic = "force-dynamic";

export const PUT = v1Handler(setVerdictOp);
