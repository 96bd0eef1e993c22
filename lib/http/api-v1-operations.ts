import "server-only";
// Every operation of the REST API (/api/v1), declared once: its route handler (v1Handler) and the
// OpenAPI document (lib/http/openapi.ts) both come from here. Inputs are the newsroom's own
// schemas; each operation calls the use case the newsroom's pages call, so a token does exactly
// what its owner could do in the newsroom, and a read token only reads.
import { z } from "zod";
import { CreateClaimSchema, CreateEvidenceSchema, UpdateClaimSchema } from "@/lib/schemas/claims";
import { DossierRefSchema } from "@/lib/schemas/dossier";
import { CreateSourceSchema, UpdateSourceSchema } from "@/lib/schemas/sources";
import { ClaimVerdictHistorySchema, DecideProposalSchema, ProposeVerdictSchema, SetVerdictSchema } from "@/lib/schemas/verdicts";
import {
  ClaimViewSchema,
  DecideResultSchema,
  DossierListItemSchema,
  DossierWorkspaceSchema,
  EvidenceViewSchema,
  ProposalsSchema,
  ProposeResultSchema,
  SetVerdictResultSchema,
  SourceViewSchema,
} from "@/lib/schemas/api-v1";
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { getDossierWorkspace } from "@/lib/server/dossiers/get-dossier-workspace";
import { listDossiers } from "@/lib/server/dossiers/list-dossiers";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { createSource } from "@/lib/server/sources/create-source";
import { updateSource } from "@/lib/server/sources/update-source";
import { decideProposal } from "@/lib/server/verdicts/decide-proposal";
import { getClaimVerdictHistory } from "@/lib/server/verdicts/get-claim-verdict-history";
import { proposeVerdict } from "@/lib/server/verdicts/propose-verdict";
import { setVerdict } from "@/lib/server/verdicts/set-verdict";
import { defineOperation } from "./api-v1";

const NoInput = z.object({});

export const listDossiersOp = defineOperation({
  id: "listDossiers",
  method: "GET",
  path: "/api/v1/dossiers",
  summary: "Every dossier of the newsroom (drafts and published, archived ones aside), most recently changed first.",
  input: NoInput,
  body: false,
  response: z.array(DossierListItemSchema),
  run: (actor) => listDossiers(actor),
  present: (list) => list,
});

export const getDossierOp = defineOperation({
  id: "getDossier",
  method: "GET",
  path: "/api/v1/dossiers/{dossierId}",
  summary: "One dossier with every record in it, as its owner sees it in the newsroom.",
  description: "A confidential source's title, identity and notes are null (withheld: true) unless the token owner's role may read them (editors, admins).",
  input: DossierRefSchema,
  body: false,
  response: DossierWorkspaceSchema,
  run: (actor, input) => getDossierWorkspace(actor, input.dossierId, "id"),
  present: (workspace) => workspace,
});

export const listClaimsOp = defineOperation({
  id: "listClaims",
  method: "GET",
  path: "/api/v1/dossiers/{dossierId}/claims",
  summary: "The dossier's claims, in article order.",
  input: DossierRefSchema,
  body: false,
  response: z.array(ClaimViewSchema),
  run: (actor, input) => getDossierWorkspace(actor, input.dossierId, "id"),
  present: (workspace) => workspace.claims,
});

export const createClaimOp = defineOperation({
  id: "createClaim",
  method: "POST",
  path: "/api/v1/dossiers/{dossierId}/claims",
  summary: "Make a claim from a passage of the saved article.",
  description:
    "selection.exact is the passage as it reads in the article; start and end are where you think it is (a hint: the passage is found by its words, with prefix and suffix when it occurs more than once). Needs a write token.",
  input: CreateClaimSchema,
  body: true,
  response: ClaimViewSchema,
  status: 201,
  run: createClaim,
  present: (result) => result.claim,
});

export const updateClaimOp = defineOperation({
  id: "updateClaim",
  method: "PATCH",
  path: "/api/v1/dossiers/{dossierId}/claims/{claimId}",
  summary: "Change a claim's wording or hedging (send the version you read: a newer one is a 409 conflict).",
  input: UpdateClaimSchema,
  body: true,
  response: ClaimViewSchema,
  run: updateClaim,
  present: (result) => result.claim,
});

export const createEvidenceOp = defineOperation({
  id: "createEvidence",
  method: "POST",
  path: "/api/v1/dossiers/{dossierId}/claims/{claimId}/evidence",
  summary: "Link a claim to a source of the same dossier, with a stance and an excerpt.",
  input: CreateEvidenceSchema,
  body: true,
  response: EvidenceViewSchema,
  status: 201,
  run: createEvidence,
  present: (result) => result.evidence,
});

export const listSourcesOp = defineOperation({
  id: "listSources",
  method: "GET",
  path: "/api/v1/dossiers/{dossierId}/sources",
  summary: "The dossier's sources, in order.",
  description: "A confidential source's title, identity and notes are null (withheld: true) unless the token owner's role may read them.",
  input: DossierRefSchema,
  body: false,
  response: z.array(SourceViewSchema),
  run: (actor, input) => getDossierWorkspace(actor, input.dossierId, "id"),
  present: (workspace) => workspace.sources,
});

export const createSourceOp = defineOperation({
  id: "createSource",
  method: "POST",
  path: "/api/v1/dossiers/{dossierId}/sources",
  summary: "Add a source (a confidential one needs a public description).",
  input: CreateSourceSchema,
  body: true,
  response: SourceViewSchema,
  status: 201,
  run: createSource,
  present: (result) => result.source,
});

export const updateSourceOp = defineOperation({
  id: "updateSource",
  method: "PATCH",
  path: "/api/v1/dossiers/{dossierId}/sources/{sourceId}",
  summary: "Change a source (send every field and the version you read).",
  description: "For roles that may not read a confidential source's title, identity and notes, an empty value keeps what is stored.",
  input: UpdateSourceSchema,
  body: true,
  response: SourceViewSchema,
  run: updateSource,
  present: (result) => result.source,
});

export const listProposalsOp = defineOperation({
  id: "listProposals",
  method: "GET",
  path: "/api/v1/claims/{claimId}/proposals",
  summary: "A claim's verdict and every verdict proposal made on it, whatever its outcome.",
  input: ClaimVerdictHistorySchema,
  body: false,
  response: ProposalsSchema,
  run: getClaimVerdictHistory,
  present: (history) => ({ claim: history.claim, proposals: history.proposals, pendingProposal: history.pendingProposal }),
});

export const proposeVerdictOp = defineOperation({
  id: "proposeVerdict",
  method: "POST",
  path: "/api/v1/claims/{claimId}/proposals",
  summary: "Propose a verdict for a claim, for an editor to accept or reject.",
  input: ProposeVerdictSchema,
  body: true,
  response: ProposeResultSchema,
  status: 201,
  run: proposeVerdict,
  present: (result) => result,
});

export const decideProposalOp = defineOperation({
  id: "decideProposal",
  method: "POST",
  path: "/api/v1/proposals/{proposalId}/decision",
  summary: "Accept or reject a pending proposal (editors and admins: a journalist's token gets 403).",
  input: DecideProposalSchema,
  body: true,
  response: DecideResultSchema,
  run: decideProposal,
  present: (result) => ({ decision: result.decision, proposal: result.proposal, claim: result.claim }),
});

export const setVerdictOp = defineOperation({
  id: "setVerdict",
  method: "PUT",
  path: "/api/v1/claims/{claimId}/verdict",
  summary: "Set a claim's verdict (editors and admins: a journalist's token gets 403).",
  description: "The desk's rules apply as in the newsroom: evidence for verdicts that need it, four eyes, a correction note once published.",
  input: SetVerdictSchema,
  body: true,
  response: SetVerdictResultSchema,
  run: setVerdict,
  present: (result) => ({ claim: result.claim, supersededProposalId: result.supersededProposalId }),
});

/** Every operation, in the document's order. */
export const API_V1_OPERATIONS = [
  listDossiersOp,
  getDossierOp,
  listClaimsOp,
  createClaimOp,
  updateClaimOp,
  createEvidenceOp,
  listSourcesOp,
  createSourceOp,
  updateSourceOp,
  listProposalsOp,
  proposeVerdictOp,
  decideProposalOp,
  setVerdictOp,
];
