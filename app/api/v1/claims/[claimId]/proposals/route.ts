// A claim's verdict proposals: list, propose (declared in lib/http/api-v1-operations.ts; docs/api.md#rest-api).
import { v1Handler } from "@/lib/http/api-v1";
import { listProposalsOp, proposeVerdictOp } from "@/lib/http/api-v1-operations";

export const dynamic = "force-dynamic";

export const GET = v1Handler(listProposalsOp);
export const POST = v1Handler(proposeVerdictOp);
