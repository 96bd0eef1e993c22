// One dossier, as the token's owner sees it (declared in lib/http/api-v1-operations.ts; docs/api.md#rest-api).
import { v1Handler } from "@/lib/http/api-v1";
import { getDossierOp } from "@/lib/http/api-v1-operations";

export const dynamic = "force-dynamic";

export const GET = v1Handler(getDossierOp);
