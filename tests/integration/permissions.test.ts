// The permission table (lib/domain/permissions.ts, docs/permissions.md), role by role, against
// every newsroom use case: each is allowed exactly for the roles whose permissions include what
// it requires; anonymous callers get UNAUTHENTICATED, other refused roles FORBIDDEN, and a refusal
// writes nothing.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ROLE_PERMISSIONS, type Permission } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/server/actor";
import { createClaim } from "@/lib/server/claims/create-claim";
import { findSimilarClaims } from "@/lib/server/search/find-similar-claims";
import { searchNewsroom } from "@/lib/server/search/search-newsroom";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { reattachClaim } from "@/lib/server/claims/reattach-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { convertWordDocument } from "@/lib/server/dossiers/convert-word-document";
import { createDossier } from "@/lib/server/dossiers/create-dossier";
import { deleteDossier } from "@/lib/server/dossiers/delete-dossier";
import { listArchivedDossiers } from "@/lib/server/dossiers/list-archived-dossiers";
import { restoreDossier } from "@/lib/server/dossiers/restore-dossier";
import { discardDraft } from "@/lib/server/dossiers/discard-draft";
import { getArticleEditor } from "@/lib/server/dossiers/get-article-editor";
import { getDossierWorkspace } from "@/lib/server/dossiers/get-dossier-workspace";
import { leavePresence } from "@/lib/server/dossiers/leave-presence";
import { listDossierAudit } from "@/lib/server/dossiers/list-dossier-audit";
import { listDossiers } from "@/lib/server/dossiers/list-dossiers";
import { listRevisions } from "@/lib/server/dossiers/list-revisions";
import { restoreRevision } from "@/lib/server/dossiers/restore-revision";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { saveDraft } from "@/lib/server/dossiers/save-draft";
import { updateDossier } from "@/lib/server/dossiers/update-dossier";
import { updatePresence } from "@/lib/server/dossiers/update-presence";
import { createEntity } from "@/lib/server/entities/create-entity";
import { deleteEntity } from "@/lib/server/entities/delete-entity";
import { updateEntity } from "@/lib/server/entities/update-entity";
import { createEvent } from "@/lib/server/events/create-event";
import { deleteEvent } from "@/lib/server/events/delete-event";
import { updateEvent } from "@/lib/server/events/update-event";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { updateEvidence } from "@/lib/server/evidence/update-evidence";
import { createQuestion } from "@/lib/server/questions/create-question";
import { deleteQuestion } from "@/lib/server/questions/delete-question";
import { updateQuestion } from "@/lib/server/questions/update-question";
import { createQuote } from "@/lib/server/quotes/create-quote";
import { deleteQuote } from "@/lib/server/quotes/delete-quote";
import { updateQuote } from "@/lib/server/quotes/update-quote";
import { createSource } from "@/lib/server/sources/create-source";
import { deleteSource } from "@/lib/server/sources/delete-source";
import { updateSource } from "@/lib/server/sources/update-source";
import { getVerificationProgress } from "../support/use-cases";
import { listDeskClaims } from "@/lib/server/desk/list-desk-claims";
import { countUnreadNotifications } from "@/lib/server/notifications/count-unread-notifications";
import { getNewsroomHeader } from "@/lib/server/users/get-newsroom-header";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { markNotificationRead } from "../support/use-cases";
import { getPendingChanges } from "../support/use-cases";
import { getPublishReadiness } from "../support/use-cases";
import { requestUpdate } from "@/lib/server/publishing/request-update";
import { confirmVerdict } from "../support/use-cases";
import { listPublicationEvents } from "../support/use-cases";
import { publishDossier } from "../support/use-cases";
import { unpublishDossier } from "../support/use-cases";
import { assignClaim } from "@/lib/server/claims/assign-claim";
import { decideProposal } from "../support/use-cases";
import { getClaimVerdictHistory } from "../support/use-cases";
import { proposeVerdict } from "../support/use-cases";
import { setVerdict } from "../support/use-cases";
import { withdrawProposal } from "../support/use-cases";
import { createPasswordReset } from "@/lib/server/users/create-password-reset";
import { inviteUser } from "../support/use-cases";
import { listMembers } from "@/lib/server/users/list-members";
import { listUsers } from "@/lib/server/users/list-users";
import { revokeInvitation } from "@/lib/server/users/revoke-invitation";
import { createApiToken } from "../support/use-cases";
import { listAllApiTokens } from "@/lib/server/api-tokens/list-all-api-tokens";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { revokeApiToken } from "../support/use-cases";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { setUserRole } from "@/lib/server/users/set-user-role";
import { archiveSource } from "@/lib/server/archive/archive-source";
import { checkClaimExcerpts } from "@/lib/server/archive/check-claim-excerpts";
import { getCapture } from "@/lib/server/archive/get-capture";
import { getDocument } from "@/lib/server/archive/get-document";
import { getSourceArchive } from "@/lib/server/archive/get-source-archive";
import { readStoredFile } from "@/lib/server/archive/read-stored-file";
import { exportDossier } from "@/lib/server/export/export-dossier";
import { setReaderCopy } from "@/lib/server/archive/set-reader-copy";
import { uploadDocument } from "@/lib/server/archive/upload-document";
import { storeFile } from "@/lib/server/storage";
import { createWebhookEndpoint } from "../support/use-cases";
import { deleteWebhookEndpoint } from "../support/use-cases";
import { listWebhookEndpoints } from "@/lib/server/webhooks/list-webhook-endpoints";
import { retryWebhookDelivery } from "../support/use-cases";
import { sendTestWebhook } from "../support/use-cases";
import { setWebhookEndpointActive } from "../support/use-cases";
import { WEBHOOK_EVENTS } from "@/lib/domain/webhooks";
import { findComment } from "@/lib/server/comments/find-comment";
import { listComments } from "@/lib/server/comments/list-comments";
import { postComment } from "../support/use-cases";
import { resolveThread } from "../support/use-cases";
import { makePdf, scratchStorage } from "../support/archive";
import { makeDocx, SAMPLE_DOCX } from "../support/docx";
import { db, resetDatabase } from "../support/db";
import { demoActors, dossierWithArticle, selectionOf, tableCounts, type Actors } from "../support/newsroom";

interface Fixture {
  actors: Actors;
  dossierId: string;
  slug: string;
  version: number;
  claimId: string;
  freeClaimId: string;
  sourceId: string;
  evidenceId: string;
  entityId: string;
  quoteId: string;
  questionId: string;
  eventId: string;
  invitationId: string;
  colleagueId: string;
  /** A claim with its own evidence and a colleague's pending proposal (the desk's cases). */
  deskClaimId: string;
  deskEvidenceId: string;
  proposalId: string;
  /** A second dossier, published, to unpublish; its working copy has a change not yet published. */
  publishedId: string;
  /** A public web source with a capture and a document (the record, issue 15). */
  webSourceId: string;
  captureId: string;
  documentId: string;
  /** A third one, archived, to restore. */
  archivedId: string;
  /** A claim whose verdict was given before it was reworded: it needs a re-check. */
  recheckClaimId: string;
  /** A webhook endpoint subscribed to every event (registered first: the fixture's changes are queued for it), and a delivery of it. */
  webhookEndpointId: string;
  webhookDeliveryId: string;
  /** A discussion thread on the claim, and one on the confidential source (issue 12.4). */
  threadId: string;
  commentId: string;
  confidentialThreadId: string;
  confidentialCommentId: string;
}

const scratch = scratchStorage("permissions");

async function buildFixture(): Promise<Fixture> {
  const actors = await demoActors();
  const endpoint = await createWebhookEndpoint(actors.admin, { url: "https://hooks.example.org/dossier", events: [...WEBHOOK_EVENTS] });
  const j = actors.journalist;
  const d = await dossierWithArticle(j);
  const second = await saveArticle(j, { dossierId: d.id, version: d.version, body: `${d.body}\nA closing line.\n`, note: "" });
  const { claim } = await createClaim(j, { dossierId: d.id, selection: await selectionOf(d.id, "awarded the harbour contract to Nordmarine"), text: "The council awarded the contract to Nordmarine.", hedged: false });
  const { claim: free } = await createClaim(j, { dossierId: d.id, selection: await selectionOf(d.id, "The mayor declined to comment."), text: "The mayor declined to comment.", hedged: false });
  const { source } = await createSource(j, {
    dossierId: d.id, kind: "person", title: "Former accountant", url: null, publisher: null, author: null, date: null, accessedAt: null,
    reliability: "medium", confidential: true, publicDescription: "A former employee", identity: "Ana Secret", notes: "Met twice",
  });
  const { evidence } = await createEvidence(j, { dossierId: d.id, claimId: claim.id, sourceId: source.id, stance: "supports", excerpt: "We paid nothing", note: null });
  const { entity } = await createEntity(j, { dossierId: d.id, kind: "organisation", name: "Nordmarine", description: "" });
  const { quote } = await createQuote(j, { dossierId: d.id, text: "No comment.", language: "en", speakerId: null, speakerLabel: "The mayor's office", date: null, context: "", sourceId: null, onRecord: true });
  const { question } = await createQuestion(j, { dossierId: d.id, text: "Who signed the contract?", ownerId: j.id });
  const { event } = await createEvent(j, { dossierId: d.id, title: "Contract awarded", description: "", date: "2023-03", certainty: "happened", claimIds: [claim.id], sourceIds: [] });
  const invitation = await inviteUser(actors.admin, { email: "newcomer@example.com", role: "journalist" });
  const colleague = await db.user.create({ data: { email: "colleague@example.com", name: "Colleague", role: "journalist" }, select: { id: true } });
  const colleagueActor = { kind: "user" as const, id: colleague.id, email: "colleague@example.com", name: "Colleague", role: "journalist" as const };
  const { claim: deskClaim } = await createClaim(j, { dossierId: d.id, selection: await selectionOf(d.id, "according to a former accountant"), text: "A former accountant says so.", hedged: true });
  const { evidence: deskEvidence } = await createEvidence(j, { dossierId: d.id, claimId: deskClaim.id, sourceId: source.id, stance: "supports", excerpt: "I was there", note: null });
  const { proposal } = await proposeVerdict(colleagueActor, { claimId: deskClaim.id, version: deskClaim.version, verdict: "verified", rationale: "The accountant confirms.", evidenceIds: [deskEvidence.id] });
  const { claim: stale } = await createClaim(j, { dossierId: d.id, selection: await selectionOf(d.id, "in March 2023"), text: "It was in March 2023.", hedged: false });
  const checked = await setVerdict(actors.editor, { claimId: stale.id, version: stale.version, verdict: "unverifiable", rationale: "No record of the date." });
  await updateClaim(j, { dossierId: d.id, claimId: stale.id, version: checked.claim.version, text: "It was in April 2023.", hedged: false });
  const other = await dossierWithArticle(j, "Already published");
  const published = await publishDossier(actors.editor, { dossierId: other.id, version: other.version });
  await updateDossier(j, { dossierId: other.id, version: published.dossier.version, title: "Already published, revised", summary: "A test dossier.", language: "en" });
  const { source: web } = await createSource(j, {
    dossierId: d.id, kind: "web-page", title: "Harbour Gazette", url: "https://example.org/harbour", publisher: null, author: null, date: null, accessedAt: null,
    reliability: "medium", confidential: false, publicDescription: null, identity: null, notes: null,
  });
  const warc = await storeFile(new TextEncoder().encode("WARC/1.1\r\n"), "application/warc");
  const capture = await db.capture.create({
    data: { dossierId: d.id, sourceId: web.id, requestedUrl: "https://example.org/harbour", finalUrl: "https://example.org/harbour", httpStatus: 200, contentType: "text/html", capturedAt: new Date(), sha256: warc.sha256, warcSize: warc.size, text: "The council awarded the harbour contract to Nordmarine.", textSha256: warc.sha256, tools: "{}" },
    select: { id: true },
  });
  const pdf = makePdf([["We paid nothing"]]);
  const stored = await storeFile(pdf, "application/pdf");
  const document = await db.document.create({ data: { dossierId: d.id, sourceId: web.id, filename: "accounts.pdf", mediaType: "application/pdf", size: stored.size, sha256: stored.sha256, text: "We paid nothing" }, select: { id: true } });
  const archived = await dossierWithArticle(j, "Archived one");
  await deleteDossier(actors.editor, { dossierId: archived.id });
  const { deliveryId } = await sendTestWebhook(actors.admin, { endpointId: endpoint.id });
  const thread = await postComment(j, { targetType: "claim", targetId: claim.id, body: "Is the date right?" });
  const confidentialThread = await postComment(actors.editor, { targetType: "source", targetId: source.id, body: "Call her back on Friday." });
  return {
    threadId: thread.threadId, commentId: thread.commentId, confidentialThreadId: confidentialThread.threadId, confidentialCommentId: confidentialThread.commentId,
    webhookEndpointId: endpoint.id, webhookDeliveryId: deliveryId,
    webSourceId: web.id, captureId: capture.id, documentId: document.id,
    actors, dossierId: d.id, slug: d.slug, version: second.version, claimId: claim.id, freeClaimId: free.id, sourceId: source.id, evidenceId: evidence.id,
    entityId: entity.id, quoteId: quote.id, questionId: question.id, eventId: event.id, invitationId: invitation.invitationId, colleagueId: colleague.id,
    deskClaimId: deskClaim.id, deskEvidenceId: deskEvidence.id, proposalId: proposal.id, publishedId: other.id, archivedId: archived.id, recheckClaimId: stale.id,
  };
}

/** `variant`: a second row for the same use case where another case needs another permission (a confidential source's discussion). */
type Case = { name: string; variant?: string; permission: Permission; run: (actor: Actor, f: Fixture) => Promise<unknown> };

const CASES: Case[] = [
  { name: "listDossiers", permission: "newsroom:access", run: (a) => listDossiers(a) },
  { name: "getDossierWorkspace", permission: "newsroom:access", run: (a, f) => getDossierWorkspace(a, f.slug) },
  { name: "getArticleEditor", permission: "newsroom:access", run: (a, f) => getArticleEditor(a, f.slug) },
  { name: "listRevisions", permission: "newsroom:access", run: (a, f) => listRevisions(a, f.slug) },
  { name: "updatePresence", permission: "newsroom:access", run: (a, f) => updatePresence(a, { dossierId: f.dossierId }) },
  { name: "leavePresence", permission: "newsroom:access", run: (a, f) => leavePresence(a, { dossierId: f.dossierId }) },
  { name: "createDossier", permission: "dossier:create", run: (a) => createDossier(a, { title: "Another one", summary: "", language: "fr" }) },
  { name: "deleteDossier", permission: "dossier:delete", run: (a, f) => deleteDossier(a, { dossierId: f.dossierId }) },
  { name: "listArchivedDossiers", permission: "dossier:delete", run: (a) => listArchivedDossiers(a) },
  { name: "restoreDossier", permission: "dossier:restore", run: (a, f) => restoreDossier(a, { dossierId: f.archivedId }) },
  { name: "updateDossier", permission: "dossier:edit", run: (a, f) => updateDossier(a, { dossierId: f.dossierId, version: f.version, title: "Renamed", summary: "", language: "en" }) },
  { name: "saveArticle", permission: "dossier:edit", run: (a, f) => saveArticle(a, { dossierId: f.dossierId, version: f.version, body: "Rewritten.", note: "" }) },
  { name: "restoreRevision", permission: "dossier:edit", run: (a, f) => restoreRevision(a, { dossierId: f.dossierId, version: f.version, number: 1 }) },
  { name: "saveDraft", permission: "dossier:edit", run: (a, f) => saveDraft(a, { dossierId: f.dossierId, baseVersion: f.version, body: "Half-written" }) },
  { name: "discardDraft", permission: "dossier:edit", run: (a, f) => discardDraft(a, { dossierId: f.dossierId }) },
  { name: "createClaim", permission: "claim:edit", run: async (a, f) => createClaim(a, { dossierId: f.dossierId, selection: await selectionOf(f.dossierId, "paid no tax in 2022"), text: "No tax in 2022.", hedged: true }) },
  { name: "updateClaim", permission: "claim:edit", run: (a, f) => updateClaim(a, { dossierId: f.dossierId, claimId: f.claimId, version: 1, text: "Reworded.", hedged: true }) },
  { name: "reattachClaim", permission: "claim:edit", run: async (a, f) => reattachClaim(a, { dossierId: f.dossierId, claimId: f.freeClaimId, version: 1, selection: await selectionOf(f.dossierId, "A closing line.") }) },
  { name: "deleteClaim", permission: "claim:edit", run: (a, f) => deleteClaim(a, { dossierId: f.dossierId, claimId: f.freeClaimId }) },
  { name: "createEvidence", permission: "claim:edit", run: (a, f) => createEvidence(a, { dossierId: f.dossierId, claimId: f.claimId, sourceId: f.sourceId, stance: "context", excerpt: "", note: null }) },
  { name: "updateEvidence", permission: "claim:edit", run: (a, f) => updateEvidence(a, { dossierId: f.dossierId, evidenceId: f.evidenceId, version: 1, sourceId: f.sourceId, stance: "supports", excerpt: "Changed", note: null }) },
  { name: "deleteEvidence", permission: "claim:edit", run: (a, f) => deleteEvidence(a, { dossierId: f.dossierId, evidenceId: f.evidenceId }) },
  {
    name: "createSource", permission: "source:edit",
    run: (a, f) => createSource(a, { dossierId: f.dossierId, kind: "document", title: "Annual report", url: null, publisher: null, author: null, date: null, accessedAt: null, reliability: "high", confidential: false, publicDescription: null, identity: null, notes: null }),
  },
  {
    name: "updateSource", permission: "source:edit",
    run: (a, f) => updateSource(a, { dossierId: f.dossierId, sourceId: f.sourceId, version: 1, kind: "person", title: "Former accountant (2)", url: null, publisher: null, author: null, date: null, accessedAt: null, reliability: "medium", confidential: true, publicDescription: "A former employee", identity: null, notes: null }),
  },
  { name: "deleteSource", permission: "source:edit", run: async (a, f) => { await db.evidence.deleteMany({}); return deleteSource(a, { dossierId: f.dossierId, sourceId: f.sourceId }); } },
  { name: "createEntity", permission: "dossier:edit", run: (a, f) => createEntity(a, { dossierId: f.dossierId, kind: "person", name: "The mayor", description: "" }) },
  { name: "updateEntity", permission: "dossier:edit", run: (a, f) => updateEntity(a, { dossierId: f.dossierId, entityId: f.entityId, version: 1, kind: "organisation", name: "Nordmarine AS", description: "" }) },
  { name: "deleteEntity", permission: "dossier:edit", run: (a, f) => deleteEntity(a, { dossierId: f.dossierId, entityId: f.entityId }) },
  { name: "createQuote", permission: "dossier:edit", run: (a, f) => createQuote(a, { dossierId: f.dossierId, text: "We follow the law.", language: "en", speakerId: f.entityId, speakerLabel: null, date: "2024", context: "", sourceId: null, onRecord: true }) },
  { name: "updateQuote", permission: "dossier:edit", run: (a, f) => updateQuote(a, { dossierId: f.dossierId, quoteId: f.quoteId, version: 1, text: "No comment at all.", language: "en", speakerId: null, speakerLabel: "The mayor's office", date: null, context: "", sourceId: null, onRecord: true }) },
  { name: "deleteQuote", permission: "dossier:edit", run: (a, f) => deleteQuote(a, { dossierId: f.dossierId, quoteId: f.quoteId }) },
  { name: "createQuestion", permission: "dossier:edit", run: (a, f) => createQuestion(a, { dossierId: f.dossierId, text: "How much was paid?", ownerId: null }) },
  { name: "updateQuestion", permission: "dossier:edit", run: (a, f) => updateQuestion(a, { dossierId: f.dossierId, questionId: f.questionId, version: 1, text: "Who signed the contract?", ownerId: null, status: "answered", answeringClaimId: f.claimId, answer: "The council." }) },
  { name: "deleteQuestion", permission: "dossier:edit", run: (a, f) => deleteQuestion(a, { dossierId: f.dossierId, questionId: f.questionId }) },
  { name: "createEvent", permission: "dossier:edit", run: (a, f) => createEvent(a, { dossierId: f.dossierId, title: "Tax filing", description: "", date: "2022~", certainty: "reported", claimIds: [], sourceIds: [f.sourceId] }) },
  { name: "updateEvent", permission: "dossier:edit", run: (a, f) => updateEvent(a, { dossierId: f.dossierId, eventId: f.eventId, version: 1, title: "Contract awarded", description: "", date: "2023-03-0X", certainty: "happened", claimIds: [], sourceIds: [] }) },
  { name: "deleteEvent", permission: "dossier:edit", run: (a, f) => deleteEvent(a, { dossierId: f.dossierId, eventId: f.eventId }) },
  { name: "listDossierAudit", permission: "audit:view", run: (a, f) => listDossierAudit(a, f.slug) },
  { name: "listUsers", permission: "user:manage", run: (a) => listUsers(a) },
  { name: "inviteUser", permission: "user:manage", run: (a) => inviteUser(a, { email: "someone@example.com", role: "editor" }) },
  { name: "revokeInvitation", permission: "user:manage", run: (a, f) => revokeInvitation(a, { invitationId: f.invitationId }) },
  // Personal API tokens (tests/integration/api-tokens.test.ts has the rest: scope, expiry, the owner's role).
  { name: "createApiToken", permission: "newsroom:access", run: (a) => createApiToken(a, { name: "CMS sync", scope: "read" }) },
  { name: "listApiTokens", permission: "newsroom:access", run: (a) => listApiTokens(a) },
  { name: "listAllApiTokens", permission: "user:manage", run: (a) => listAllApiTokens(a) },
  { name: "revokeApiToken", permission: "newsroom:access", run: async (a) => revokeApiToken(a, { tokenId: (await createApiToken(a, { name: "Short-lived", scope: "write" })).token.id }) },
  { name: "setUserRole", permission: "user:manage", run: (a, f) => setUserRole(a, { userId: f.colleagueId, role: "editor" }) },
  { name: "setUserActive", permission: "user:manage", run: (a, f) => setUserActive(a, { userId: f.colleagueId, active: false }) },
  { name: "createPasswordReset", permission: "user:manage", run: (a, f) => createPasswordReset(a, { userId: f.colleagueId }) },
  { name: "listWebhookEndpoints", permission: "webhook:manage", run: (a) => listWebhookEndpoints(a) },
  { name: "createWebhookEndpoint", permission: "webhook:manage", run: (a) => createWebhookEndpoint(a, { url: "https://hooks.example.org/other", events: ["verdict.changed"] }) },
  { name: "setWebhookEndpointActive", permission: "webhook:manage", run: (a, f) => setWebhookEndpointActive(a, { endpointId: f.webhookEndpointId, active: false }) },
  { name: "deleteWebhookEndpoint", permission: "webhook:manage", run: (a, f) => deleteWebhookEndpoint(a, { endpointId: f.webhookEndpointId }) },
  { name: "sendTestWebhook", permission: "webhook:manage", run: (a, f) => sendTestWebhook(a, { endpointId: f.webhookEndpointId }) },
  { name: "retryWebhookDelivery", permission: "webhook:manage", run: (a, f) => retryWebhookDelivery(a, { deliveryId: f.webhookDeliveryId }) },
  { name: "listMembers", permission: "newsroom:access", run: (a) => listMembers(a) },
  // The fact-check desk (issue 5).
  { name: "assignClaim", permission: "claim:edit", run: (a, f) => assignClaim(a, { dossierId: f.dossierId, claimId: f.claimId, version: 1, assigneeId: f.colleagueId }) },
  { name: "getClaimVerdictHistory", permission: "newsroom:access", run: (a, f) => getClaimVerdictHistory(a, { claimId: f.deskClaimId }) },
  {
    name: "setVerdict", permission: "verdict:set",
    run: async (a, f) => setVerdict(a, { claimId: f.deskClaimId, version: await claimVersion(f.deskClaimId), verdict: "verified", rationale: "Checked.", evidenceIds: [f.deskEvidenceId] }),
  },
  { name: "proposeVerdict", permission: "verdict:propose", run: (a, f) => proposeVerdict(a, { claimId: f.claimId, version: 1, verdict: "verified", rationale: "Documented.", evidenceIds: [f.evidenceId] }) },
  {
    name: "decideProposal", permission: "verdict:set",
    run: async (a, f) => decideProposal(a, { decision: "reject", proposalId: f.proposalId, claimVersion: await claimVersion(f.deskClaimId), reason: "Not enough." }),
  },
  {
    // Only the proposer withdraws: each role withdraws a proposal of their own.
    name: "withdrawProposal", permission: "verdict:propose",
    run: async (a, f) => {
      const { proposal } = await proposeVerdict(a, { claimId: f.claimId, version: 1, verdict: "unverifiable", rationale: "Nothing to go on.", evidenceIds: [] });
      return withdrawProposal(a, { proposalId: proposal.id });
    },
  },
  {
    name: "confirmVerdict", permission: "verdict:set",
    run: async (a, f) => confirmVerdict(a, { claimId: f.recheckClaimId, version: await claimVersion(f.recheckClaimId), rationale: "Still no record of the date.", evidenceIds: [], correctionNote: null }),
  },
  { name: "getPublishReadiness", permission: "newsroom:access", run: (a, f) => getPublishReadiness(a, { dossierId: f.dossierId }) },
  { name: "getPendingChanges", permission: "newsroom:access", run: (a, f) => getPendingChanges(a, { dossierId: f.publishedId }) },
  { name: "requestUpdate", permission: "dossier:edit", run: (a, f) => requestUpdate(a, { dossierId: f.publishedId, message: "Please publish the new title." }) },
  {
    name: "publishDossier", permission: "dossier:publish",
    run: async (a, f) => {
      const { blocking } = await gateOf(f.dossierId);
      return publishDossier(a, { dossierId: f.dossierId, version: await dossierVersion(f.dossierId), overrideReason: "Deadline.", acknowledgedClaimIds: blocking });
    },
  },
  { name: "unpublishDossier", permission: "dossier:publish", run: async (a, f) => unpublishDossier(a, { dossierId: f.publishedId, version: await dossierVersion(f.publishedId) }) },
  { name: "listPublicationEvents", permission: "newsroom:access", run: (a, f) => listPublicationEvents(a, { dossierId: f.publishedId }) },
  { name: "listDeskClaims", permission: "newsroom:access", run: (a) => listDeskClaims(a, { assignee: "me" }) },
  { name: "getVerificationProgress", permission: "newsroom:access", run: (a) => getVerificationProgress(a, {}) },
  { name: "listNotifications", permission: "newsroom:access", run: (a) => listNotifications(a, {}) },
  { name: "countUnreadNotifications", permission: "newsroom:access", run: (a) => countUnreadNotifications(a) },
  { name: "getNewsroomHeader", permission: "newsroom:access", run: (a) => getNewsroomHeader(a) },
  { name: "markNotificationRead", permission: "newsroom:access", run: (a) => markNotificationRead(a, { all: true }) },
  // The record (issue 15): journalists archive and upload; editors choose what readers see.
  { name: "archiveSource", permission: "source:edit", run: (a, f) => archiveSource(a, { dossierId: f.dossierId, sourceId: f.webSourceId }) },
  {
    name: "uploadDocument", permission: "source:edit",
    run: (a, f) => uploadDocument(a, { dossierId: f.dossierId, sourceId: f.webSourceId, newSourceTitle: null, newSourceKind: "document", newSourceConfidential: false, newSourcePublicDescription: null, filename: "b.pdf", bytes: new Uint8Array(makePdf([["Second"]])) }),
  },
  { name: "setReaderCopy", permission: "dossier:publish", run: (a, f) => setReaderCopy(a, { dossierId: f.dossierId, kind: "capture", recordId: f.captureId, shown: true }) },
  { name: "getSourceArchive", permission: "newsroom:access", run: (a, f) => getSourceArchive(a, { dossierId: f.dossierId, sourceId: f.webSourceId }) },
  { name: "getCapture", permission: "newsroom:access", run: (a, f) => getCapture(a, { dossierId: f.dossierId, captureId: f.captureId }) },
  { name: "getDocument", permission: "newsroom:access", run: (a, f) => getDocument(a, { dossierId: f.dossierId, documentId: f.documentId }) },
  { name: "checkClaimExcerpts", permission: "newsroom:access", run: (a, f) => checkClaimExcerpts(a, { dossierId: f.dossierId, claimId: f.claimId }) },
  { name: "readStoredFile", permission: "newsroom:access", run: (a, f) => readStoredFile(a, { kind: "document", id: f.documentId, file: "original" }) },
  // Search (issue 17; what each role finds: tests/integration/search.test.ts).
  { name: "searchNewsroom", permission: "newsroom:access", run: (a) => searchNewsroom(a, { q: "contract" }) },
  { name: "findSimilarClaims", permission: "newsroom:access", run: (a, f) => findSimilarClaims(a, { text: "The council awarded the contract", dossierId: f.dossierId }) },
  // Word import (issue 16.4): a conversion for the editor, nothing stored.
  { name: "convertWordDocument", permission: "dossier:edit", run: async (a, f) => convertWordDocument(a, { dossierId: f.dossierId, filename: "a.docx", bytes: await makeDocx(SAMPLE_DOCX) }) },
  // Discussions (issue 12.4; the rest in tests/integration/comments.test.ts). A confidential source's is for those who may read its identity.
  { name: "postComment", permission: "comment:write", run: (a, f) => postComment(a, { targetType: "claim", targetId: f.claimId, body: "Which registry?" }) },
  { name: "postComment", variant: "reply", permission: "comment:write", run: (a, f) => postComment(a, { threadId: f.threadId, body: "The commercial one." }) },
  { name: "postComment", variant: "confidential source", permission: "source:view-confidential", run: (a, f) => postComment(a, { targetType: "source", targetId: f.sourceId, body: "Still reachable?" }) },
  { name: "resolveThread", permission: "comment:write", run: (a, f) => resolveThread(a, { threadId: f.threadId, resolved: true }) },
  { name: "resolveThread", variant: "confidential source", permission: "source:view-confidential", run: (a, f) => resolveThread(a, { threadId: f.confidentialThreadId, resolved: true }) },
  { name: "listComments", permission: "newsroom:access", run: (a, f) => listComments(a, { targetType: "claim", targetId: f.claimId }) },
  { name: "listComments", variant: "confidential source", permission: "source:view-confidential", run: (a, f) => listComments(a, { targetType: "source", targetId: f.sourceId }) },
  { name: "findComment", permission: "newsroom:access", run: (a, f) => findComment(a, { commentId: f.commentId }) },
  { name: "findComment", variant: "confidential source", permission: "source:view-confidential", run: (a, f) => findComment(a, { commentId: f.confidentialCommentId }) },
  { name: "exportDossier", permission: "newsroom:access", run: (a, f) => exportDossier(a, { dossierId: f.dossierId, includeConfidential: false, includeFiles: false }) },
];

async function claimVersion(id: string): Promise<number> {
  return (await db.claim.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

async function dossierVersion(id: string): Promise<number> {
  return (await db.dossier.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

/** The claims blocking a dossier's publication (the gate an editor is shown). */
async function gateOf(dossierId: string): Promise<{ blocking: string[] }> {
  return { blocking: (await getPublishReadiness(fixture.actors.editor, { dossierId })).blockingClaims.map((c) => c.id) };
}

const ROWS = ["anonymous", "journalist", "editor", "admin"] as const;

let fixture: Fixture;
// A refusal is asserted to write nothing, so the fixture it leaves is still the fresh one: only a
// test that may have written (an allowed call, or one that failed) rebuilds it. Every test still
// starts from the same state, and the table runs in half the time.
let fresh = false;
beforeEach(async () => {
  if (!fresh) {
    await resetDatabase();
    scratch.reset();
    fixture = await buildFixture();
  }
  fresh = false;
});

describe("permission table, role by role", () => {
  for (const role of ROWS) {
    describe(role, () => {
      for (const c of CASES) {
        const allowed = role !== "anonymous" && ROLE_PERMISSIONS[role].includes(c.permission);
        it(`${allowed ? "may" : "may not"} ${c.name}${c.variant ? `, ${c.variant},` : ""} (${c.permission})`, async () => {
          const actor = fixture.actors[role];
          if (allowed) {
            await expect(c.run(actor, fixture)).resolves.toBeDefined();
            return;
          }
          const before = await tableCounts();
          const dossierBefore = await db.dossier.findUniqueOrThrow({ where: { id: fixture.dossierId }, select: { version: true, body: true, title: true } });
          await expect(c.run(actor, fixture)).rejects.toMatchObject({ code: role === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN" });
          expect(await tableCounts()).toEqual({ ...before, evidence: c.name === "deleteSource" ? 0 : before.evidence });
          expect(await db.dossier.findUniqueOrThrow({ where: { id: fixture.dossierId }, select: { version: true, body: true, title: true } })).toEqual(dossierBefore);
          // Reached only when the refusal changed nothing (deleteSource clears evidence itself first).
          fresh = c.name !== "deleteSource";
        });
      }
    });
  }

  it("covers every newsroom use case in lib/server", () => {
    // Every folder of lib/server holds use cases unless it is named here as the machinery behind
    // them: a new folder of use cases is covered (and fails this test) without anyone listing it.
    const machinery = new Set([
      "auth", // the sign-in library's configuration, the session and API-token lookups, the API rate limit
      "backup", // the CLI's backup and restore (run by an operator on the machine, not by a role)
      "cache", // the signature of the reader cache's purge requests
      "capture", // fetching and storing web pages for the archive worker
      "content", // the content-folder importer (npm run import, first start)
      "database", // the driver adapters and transaction handling
      "newsroom", // the shared steps of the use cases: find the dossier, refuse an outdated save (scope.ts)
      "reader", // readers' pages: public data only, no actor (tests/integration/reader-visibility.test.ts)
      "feeds", // readers' open feeds: public data only, no actor (tests/integration/feeds.test.ts)
      "setup", // first-start bootstrap and demo accounts
      "storage", // stored files on disk or S3
    ]);
    const all = fs.readdirSync(path.join("lib", "server"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect([...machinery].filter((m) => !all.includes(m)), "machinery folders that no longer exist").toEqual([]);
    const folders = all.filter((f) => !machinery.has(f));
    const helpers = new Set([
      "write-article", "reanchor", "locate-selection", "link-targets", "quote-links", "question-links", "event-links", "invitation-token", "get-invitation", "accept-invitation",
      // Authorised by the one-time token of an admin's link, not by a role (tests/integration/password-reset.test.ts).
      "reset-password",
      // Shared steps and views of the use cases, not use cases themselves (they take a transaction
      // or a row): each named for what it holds (docs/decisions/106).
      "claim-decision", "notify", "publish-gate", "outbox", "api-token-secret", "api-token-view", "capture-queue", "record-views",
      "confidentiality", "dossier-view", "claim-view", "evidence-view", "entity-view", "quote-view", "question-view", "event-view",
      // What a discussion is about and who may read it (lib/server/comments, docs/decisions/110).
      "discussion-target",
      // The archive worker runs queued captures as the system, for whoever asked (archive-capture.test.ts).
      "run-archive-job", "worker", "stored-files",
      "recheck",
      "versions",
      // Search: the engines and the index behind the two use cases; readers' search needs no actor (all public).
      "documents", "engine", "sqlite-engine", "postgres-engine", "search-index", "search-published",
      // The export's table list, its .zip, the CLI's slug lookup, and the restore the importer runs
      // in its transaction (content:import; tests/integration/export-round-trip.test.ts).
      "tables", "zip-export", "find-dossier-id", "restore-exported-dossier",
      // Webhooks: the worker sends what the use cases queued, as the system (tests/integration/webhooks.test.ts).
      "drain-webhooks", "send-webhook",
    ]);
    const useCases = folders.flatMap((folder) =>
      fs
        .readdirSync(path.join("lib", "server", folder))
        .map((f) => f.replace(/\.ts$/, ""))
        .filter((f) => !helpers.has(f))
        .map((f) => f.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase())),
    );
    expect(useCases.sort()).toEqual([...new Set(CASES.map((c) => c.name))].sort());
  });

  it("checks that a refusal wrote nothing in every table of the schema", async () => {
    // Read from the schema itself, so a model added there and missed by tableCounts() fails here.
    const models = [...fs.readFileSync(path.join("prisma", "schema.prisma"), "utf8").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!.charAt(0).toLowerCase() + m[1]!.slice(1));
    expect(models.length).toBeGreaterThan(20);
    expect(Object.keys(await tableCounts()).sort()).toEqual(models.sort());
    // And a write to a table the earlier hand-written list left out (settings, notifications, verdict
    // changes…) is seen: the refusal tests above would fail on it.
    const before = await tableCounts();
    await db.setting.create({ data: { key: "permissions-test-probe", value: "1" } });
    expect(await tableCounts()).toEqual({ ...before, setting: before.setting! + 1 });
  });
});

describe("confidential sources in webhook payloads", () => {
  it("never sends a confidential source's title, identity or notes, whatever the event", async () => {
    // The fixture's publication was queued. Its claim resting on the confidential source is in a
    // draft: publish it, then change that verdict (a published dossier's verdict change is sent).
    const claim = await db.claim.findUniqueOrThrow({ where: { id: fixture.deskClaimId }, select: { version: true } });
    await setVerdict(fixture.actors.editor, { claimId: fixture.deskClaimId, version: claim.version, verdict: "verified", rationale: "Ana Secret confirmed it; met twice.", evidenceIds: [fixture.deskEvidenceId] });
    expect(await db.webhookDelivery.count({ where: { event: "verdict.changed" } })).toBe(0); // a draft's verdicts stay in the newsroom
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id: fixture.dossierId }, select: { version: true } });
    await publishDossier(fixture.actors.editor, { dossierId: fixture.dossierId, version: dossier.version, overrideReason: "Permission table fixture.", acknowledgedClaimIds: (await db.claim.findMany({ where: { dossierId: fixture.dossierId }, select: { id: true } })).map((c) => c.id) });
    const again = await db.claim.findUniqueOrThrow({ where: { id: fixture.deskClaimId }, select: { version: true } });
    await setVerdict(fixture.actors.admin, { claimId: fixture.deskClaimId, version: again.version, verdict: "partly-true", rationale: "Ana Secret, former accountant: met twice.", evidenceIds: [fixture.deskEvidenceId], correctionNote: "The source was less sure than we wrote." });
    const payloads = await db.webhookDelivery.findMany({ select: { event: true, payload: true } });
    expect(new Set(payloads.map((p) => p.event))).toEqual(new Set(["verdict.changed", "dossier.published", "webhook.test"]));
    const everything = payloads.map((p) => p.payload).join("\n");
    expect(everything).toContain(fixture.deskClaimId);
    for (const secret of ["Ana Secret", "Met twice", "Former accountant"]) expect(everything).not.toContain(secret);
  });
});

describe("confidential sources (source:view-confidential)", () => {
  for (const role of ["journalist", "editor", "admin"] as const) {
    const allowed = ROLE_PERMISSIONS[role].includes("source:view-confidential");
    it(`${allowed ? "shows" : "withholds"} a confidential source's title, identity and notes for a ${role}`, async () => {
      const workspace = await getDossierWorkspace(fixture.actors[role], fixture.slug);
      const source = workspace.sources.find((s) => s.id === fixture.sourceId)!;
      expect(source.withheld).toBe(!allowed);
      expect(source.identity).toBe(allowed ? "Ana Secret" : null);
      expect(source.notes).toBe(allowed ? "Met twice" : null);
      expect(source.title).toBe(allowed ? "Former accountant" : null);
      const everything = JSON.stringify(workspace);
      if (!allowed) for (const secret of ["Ana Secret", "Met twice", "Former accountant"]) expect(everything).not.toContain(secret);
    });

    it(`${allowed ? "exports" : "refuses to export"} confidential identities for a ${role}, and never without the flag`, async () => {
      const withFlag = exportDossier(fixture.actors[role], { dossierId: fixture.dossierId, includeConfidential: true, includeFiles: false });
      if (allowed) {
        const files = (await withFlag).files.map((f) => String(f.content)).join("\n");
        for (const secret of ["Ana Secret", "Met twice", "Former accountant"]) expect(files).toContain(secret);
      } else {
        await expect(withFlag).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      const plain = (await exportDossier(fixture.actors[role], { dossierId: fixture.dossierId, includeConfidential: false, includeFiles: false })).files.map((f) => String(f.content)).join("\n");
      for (const secret of ["Ana Secret", "Met twice", "Former accountant"]) expect(plain).not.toContain(secret);
    });
  }
});
