// An editor accepts or rejects a proposal (declared in lib/http/api-v1-operations.ts; docs/api.md#rest-api).
import { v1Handler } from "@/lib/http/api-v1";
import { decideProposalOp } from "@/lib/http/api-v1-operations";

export const dynamic = "force-dynamic";

export const POST = v1Handler(decideProposalOp);
