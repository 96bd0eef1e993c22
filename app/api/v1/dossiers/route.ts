// The newsroom's dossiers (declared in lib/http/api-v1-operations.ts; docs/api.md#rest-api).
import { v1Handler } from "@/lib/http/api-v1";
import { listDossiersOp } from "@/lib/http/api-v1-operations";

export const dynamic = "force-dynamic";

export const GET = v1Handler(listDossiersOp);
