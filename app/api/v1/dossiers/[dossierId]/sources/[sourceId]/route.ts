// One source: change it (declared in lib/http/api-v1-operations.ts; docs/api.md#rest-api).
import { v1Handler } from "@/lib/http/api-v1";
import { updateSourceOp } from "@/lib/http/api-v1-operations";

export const dynamic = "force-dynamic";

export const PATCH = v1Handler(updateSourceOp);
