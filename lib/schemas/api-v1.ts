// What /api/v1 answers (docs/api.md#rest-api): the newsroom's views as the token's owner sees
// them, as zod schemas, so the OpenAPI document (lib/http/openapi.ts) describes the same shapes
// the integration tests check responses against. Inputs are the newsroom's own schemas
// (claims.ts, sources.ts, verdicts.ts): one schema per input, whoever sends it.
import { z } from "zod";

const iso = z.string().describe("ISO 8601 date-time");
const nullableIso = iso.nullable();
const person = z.object({ id: z.string(), name: z.string() });

export const DossierListItemSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  status: z.string().describe("draft | published"),
  language: z.string(),
  updatedAt: iso,
  claims: z.number().int(),
  orphanedClaims: z.number().int(),
  openQuestions: z.number().int(),
});

export const DossierViewSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  language: z.string(),
  status: z.string(),
  publishedAt: nullableIso,
  version: z.number().int(),
  createdAt: iso,
  updatedAt: iso,
});

export const ClaimViewSchema = z.object({
  id: z.string(),
  text: z.string(),
  hedged: z.boolean(),
  anchorExact: z.string(),
  anchorPrefix: z.string(),
  anchorSuffix: z.string(),
  anchorStart: z.number().int().nullable(),
  anchorEnd: z.number().int().nullable(),
  anchorStatus: z.string().describe("anchored | orphaned"),
  verdict: z.string().nullable().describe("null: not yet checked"),
  reviewState: z.string(),
  position: z.number().int(),
  version: z.number().int().describe("Send it back with a change (optimistic concurrency)"),
  updatedAt: iso,
  authorName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  evidenceCount: z.number().int(),
});

export const SourceViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string().describe("What to call it: its title, or a confidential source's public description for roles that may not read its identity"),
  title: z.string().nullable().describe("null when withheld from the token owner's role"),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  date: z.string().nullable(),
  accessedAt: z.string().nullable(),
  reliability: z.string(),
  confidential: z.boolean(),
  publicDescription: z.string().nullable(),
  identity: z.string().nullable().describe("null when empty or withheld"),
  notes: z.string().nullable().describe("null when empty or withheld"),
  withheld: z.boolean().describe("True for a confidential source whose title, identity and notes this role may not see"),
  position: z.number().int(),
  version: z.number().int(),
  updatedAt: iso,
  usage: z.object({ evidence: z.number().int(), quotes: z.number().int(), events: z.number().int() }),
});

export const EvidenceViewSchema = z.object({
  id: z.string(),
  claimId: z.string(),
  sourceId: z.string(),
  sourceLabel: z.string(),
  sourceConfidential: z.boolean(),
  stance: z.string(),
  excerpt: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: iso,
});

export const ProposalViewSchema = z.object({
  id: z.string(),
  claimId: z.string(),
  verdict: z.string(),
  rationale: z.string(),
  evidenceIds: z.array(z.string()),
  status: z.string().describe("pending | accepted | rejected | withdrawn | superseded"),
  proposedBy: person,
  decidedBy: person.nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: nullableIso,
  createdAt: iso,
});

export const ClaimVerdictStateSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  text: z.string(),
  verdict: z.string().nullable(),
  verdictRationale: z.string().nullable(),
  verdictSetAt: nullableIso,
  reviewState: z.string(),
  version: z.number().int(),
});

/** A dossier as the newsroom works on it (lib/server/dossiers/get-dossier-workspace.ts). */
export const DossierWorkspaceSchema = z.object({
  dossier: DossierViewSchema,
  claims: z.array(ClaimViewSchema),
  evidence: z.array(EvidenceViewSchema),
  sources: z.array(SourceViewSchema),
  entities: z.array(z.looseObject({ id: z.string(), kind: z.string(), name: z.string() })),
  quotes: z.array(z.looseObject({ id: z.string(), text: z.string() })),
  questions: z.array(z.looseObject({ id: z.string() })),
  events: z.array(z.looseObject({ id: z.string() })),
  people: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  can: z.record(z.string(), z.boolean()).describe("What the token owner's role may do here (a read token still writes nothing)"),
  removal: z.unknown().nullable(),
});

export const ProposalsSchema = z.object({
  claim: ClaimVerdictStateSchema.loose(),
  proposals: z.array(ProposalViewSchema),
  pendingProposal: ProposalViewSchema.nullable(),
});

export const ProposeResultSchema = z.object({ proposal: ProposalViewSchema, replacedProposalId: z.string().nullable(), claim: ClaimVerdictStateSchema });
export const DecideResultSchema = z.object({ decision: z.enum(["accept", "reject"]), proposal: ProposalViewSchema, claim: ClaimVerdictStateSchema });
export const SetVerdictResultSchema = z.object({ claim: ClaimVerdictStateSchema, supersededProposalId: z.string().nullable() });

/** Every error: a code, a message, and for bad input a message per field (nothing was written). */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string().describe("UNAUTHENTICATED | FORBIDDEN | NOT_FOUND | INVALID_INPUT | CONFLICT | RULE_VIOLATION | RATE_LIMITED | TOO_LARGE | INTERNAL"),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
