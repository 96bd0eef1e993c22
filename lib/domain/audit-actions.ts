// The audit vocabulary (docs/decisions/108): every action the audit log records, the kind of
// record it is about, the shape of its before/after snapshots, and which of their words names the
// record in the sentence the audit page shows. recordAudit (lib/server/audit.ts) accepts only
// these actions, each with its own data shape; the catalogs hold each action’s label in English
// and French, and the compiler refuses a dictionary that lacks one.
//
// Adding an action is one entry here, `"thing.done": action<{ after: … }>()("thing", (d) => d.after.name)`,
// plus its label in both catalogs, lib/i18n/catalogs/en.ts and fr.ts (audit.actions).
//
// Snapshot types list the fields a sentence or a reader relies on; a record view passed whole may
// carry more. Rows written before this vocabulary, or by an older version, may hold any string:
// describeAuditAction reads them without trusting them.

/** What a before/after snapshot pair looks like for one action; absent keys are never written. */
interface AuditData {
  before?: object;
  after?: object;
}

interface ActionSpec<E extends string, D extends AuditData> {
  /** The entityType the entry is written with. */
  readonly entity: E;
  /** The words naming the record ("the claim “…”"), read from the snapshots; may throw on old rows. */
  readonly subject?: (data: D) => unknown;
  /** Type only: the data shape. */
  readonly data?: D;
}

/** `action<Data>()(entity, subject)`: an action about `entity` whose snapshots have the shape Data. */
function action<D extends AuditData>() {
  return <const E extends string>(entity: E, subject?: (data: D) => unknown): ActionSpec<E, D> => ({ entity, subject });
}

// ── Snapshots of records (the newsroom's views of them, lib/server/newsroom) ──
type DossierSnapshot = { id: string; title: string };
type ClaimSnapshot = { id: string; text: string };
/** Written by sourceAuditSnapshot: a confidential source's identity and notes are "[confidential]". */
type SourceSnapshot = { confidential: boolean; title?: unknown; identity?: string | null; notes?: string | null };
type EvidenceSnapshot = { id: string; claimId: string; sourceId: string; sourceLabel: string };
type EntitySnapshot = { id: string; name: string };
type QuoteSnapshot = { id: string; text: string };
type QuestionSnapshot = { id: string; text: string; status: string };
type EventSnapshot = { id: string; title: string };
type ClaimState = { id: string; text: string; verdict: string | null };
type ProposalSnapshot = { id: string; verdict: string; status: string };
type Anchor = { anchorStatus: string; anchorExact: string; anchorStart: number | null; anchorEnd: number | null };
type Instant = string | Date;

const created = <S extends object>() => action<{ after: S }>();
const updated = <S extends object>() => action<{ before: S; after: S }>();
const deleted = <S extends object>() => action<{ before: S }>();

type ArticleChange = {
  before: { version: number; revision: number | null; length: number };
  after: { version: number; revision: number; length: number; note: string | null; restoredFrom: number | null; orphanedClaims: string[]; restoredClaims: string[] };
};
type ProposalChange = { before: { proposal: ProposalSnapshot; claim: ClaimState }; after: { proposal: ProposalSnapshot; claim: ClaimState } };
type Publication = {
  before: { publishedVersion: number | null };
  after: { publicationEventId: string; publishedVersion: number; note: string | null; minor: boolean; changes: unknown; override: { reason: string | null | undefined; blockingClaimIds: string[] } | null };
};
type Import = {
  after: { folder: string; hash: string; counts: unknown; keptWithoutFile: unknown; changed: unknown; conflicts: unknown; overwritten: unknown; verdictsAdded: unknown; publication: unknown };
};
type ReaderCopy = { before: { readerCopy: boolean }; after: { readerCopy: boolean } };
type UserActive = { before: { email: string; active: boolean }; after: { email: string; active: boolean } };
type Reanchor = { before: Anchor; after: { anchorStatus: "anchored"; anchorExact: string; anchorStart: number; anchorEnd: number; quality: unknown } };
type ThreadState = { before: { resolvedAt: Instant | null }; after: { resolvedAt: Instant | null } };
type WebhookActive = { before: { url: string; active: boolean }; after: { url: string; active: boolean } };

/** Either kind of archived record: set-reader-copy.ts writes its four actions with the record's kind. */
const readerCopyKind = "capture" as "capture" | "document";
const claimText = (d: { before?: ClaimSnapshot; after?: ClaimSnapshot }) => (d.after ?? d.before)?.text;

export const AUDIT_ACTIONS = {
  // Dossiers and their article
  "dossier.create": created<DossierSnapshot>()("dossier", (d) => d.after.title),
  "dossier.update": updated<DossierSnapshot>()("dossier", (d) => d.after.title),
  "dossier.archive": action<{ before: { title: string; counts: unknown }; after: { archived: true; reason: string | null } }>()("dossier", (d) => d.before.title),
  "dossier.delete": deleted<{ title: string; counts: unknown }>()("dossier", (d) => d.before.title),
  "dossier.restore": action<{ before: { archivedAt: string; archivedById: string | null; reason: string | null }; after: { archived: false } }>()("dossier"),
  "dossier.export": action<{ after: { containsConfidential: boolean; includeFiles: boolean } }>()("dossier"),
  "dossier.restore-export": action<{ after: { folder: string; exportedAt: unknown; containsConfidential: unknown; counts: unknown; usersCreated: unknown; missingFiles: unknown } }>()("dossier", (d) => d.after.folder),
  "dossier.import": action<Import>()("dossier", (d) => d.after.folder),
  "dossier.reimport": action<Import>()("dossier", (d) => d.after.folder),
  "dossier.publish": action<Publication>()("dossier"),
  "dossier.publish-update": action<Publication>()("dossier"),
  "dossier.unpublish": action<{ before: object; after: { publicationEventId: string; reason: string | null } }>()("dossier", (d) => d.after.reason),
  "dossier.request-update": action<{ after: { requestId: string; message: string | null; publishedVersion: number; notified: unknown } }>()("dossier", (d) => d.after.message),
  "article.save": action<ArticleChange>()("dossier", (d) => d.after.note),
  "article.restore": action<ArticleChange>()("dossier", (d) => d.after.note),

  // Claims, their evidence and verdicts
  "claim.create": created<ClaimSnapshot>()("claim", claimText),
  "claim.update": updated<ClaimSnapshot>()("claim", claimText),
  "claim.delete": deleted<ClaimSnapshot & { evidence: unknown[] }>()("claim", claimText),
  "claim.reattach": updated<ClaimSnapshot>()("claim", claimText),
  "claim.assign": action<{ before: { assigneeId: string | null; assigneeName: string | null }; after: { assigneeId: string | null; assigneeName: string | null; notificationId: string | null } }>()("claim", (d) => d.after.assigneeName),
  "claim.orphan": action<{ before: Anchor; after: Anchor & { reason: string } }>()("claim", (d) => d.before.anchorExact),
  "claim.reanchor": action<Reanchor>()("claim", (d) => d.after.anchorExact),
  "claim.reanchor-restored": action<Reanchor>()("claim", (d) => d.after.anchorExact),
  "evidence.create": created<EvidenceSnapshot>()("evidence", (d) => d.after.sourceLabel),
  "evidence.update": updated<EvidenceSnapshot>()("evidence", (d) => d.after.sourceLabel),
  "evidence.delete": deleted<EvidenceSnapshot>()("evidence", (d) => d.before.sourceLabel),
  "verdict.set": action<{ before: ClaimState; after: ClaimState & { change: unknown; supersededProposalId: string | null } }>()("claim", (d) => d.after.text),
  "verdict.recheck": action<{ before: ClaimState & { recheck: unknown }; after: ClaimState & { change: unknown } }>()("claim", (d) => d.after.text),
  "verdict.propose": action<{ before: { claim: ClaimState; pendingProposal: ProposalSnapshot | null }; after: { proposal: ProposalSnapshot; replacedProposalId: string | null; claim: ClaimState } }>()(
    "verdictProposal",
    (d) => d.after.claim.text,
  ),
  "verdict.proposal.accept": action<{ before: ProposalChange["before"]; after: ProposalChange["after"] & { change: unknown; droppedEvidenceIds: string[] } }>()("verdictProposal", (d) => d.after.claim.text),
  "verdict.proposal.reject": action<ProposalChange>()("verdictProposal", (d) => d.after.claim.text),
  "verdict.proposal.withdraw": action<ProposalChange>()("verdictProposal", (d) => d.after.claim.text),

  // The dossier's other records
  "source.create": created<SourceSnapshot>()("source", (d) => d.after.title),
  "source.update": updated<SourceSnapshot>()("source", (d) => d.after.title),
  "source.delete": deleted<SourceSnapshot>()("source", (d) => d.before.title),
  "entity.create": created<EntitySnapshot>()("entity", (d) => d.after.name),
  "entity.update": updated<EntitySnapshot>()("entity", (d) => d.after.name),
  "entity.delete": deleted<EntitySnapshot>()("entity", (d) => d.before.name),
  "quote.create": created<QuoteSnapshot>()("quote", (d) => d.after.text),
  "quote.update": updated<QuoteSnapshot>()("quote", (d) => d.after.text),
  "quote.delete": deleted<QuoteSnapshot>()("quote", (d) => d.before.text),
  "question.create": created<QuestionSnapshot>()("question", (d) => d.after.text),
  "question.update": updated<QuestionSnapshot>()("question", (d) => d.after.text),
  "question.answer": updated<QuestionSnapshot>()("question", (d) => d.after.text),
  "question.delete": deleted<QuestionSnapshot>()("question", (d) => d.before.text),
  "event.create": created<EventSnapshot>()("event", (d) => d.after.title),
  "event.update": updated<EventSnapshot>()("event", (d) => d.after.title),
  "event.delete": deleted<EventSnapshot>()("event", (d) => d.before.title),

  // Captures and documents of sources
  "capture.request": action<{ after: { jobId: string } }>()("source"),
  "capture.create": action<{ after: { sourceId: string; sha256: string; finalUrl: string | null; httpStatus: number | null } }>()("capture", (d) => d.after.finalUrl),
  "capture.show-to-readers": action<ReaderCopy>()(readerCopyKind),
  "capture.hide-from-readers": action<ReaderCopy>()(readerCopyKind),
  "document.upload": action<{ after: { sourceId: string; mediaType: string; size: number; sha256: string } }>()("document"),
  "document.show-to-readers": action<ReaderCopy>()(readerCopyKind),
  "document.hide-from-readers": action<ReaderCopy>()(readerCopyKind),

  // People, invitations and tokens (not in a dossier)
  "user.create-demo": action<{ after: { email: string; name: string; role: string } }>()("user", (d) => d.after.email),
  "user.accept-invitation": action<{ after: { email: string; name: string; role: string; invitationId: string } }>()("user", (d) => d.after.email),
  "user.set-role": action<{ before: { email: string; role: string }; after: { email: string; role: string } }>()("user", (d) => d.after.email),
  "user.deactivate": action<UserActive>()("user", (d) => d.after.email),
  "user.reactivate": action<UserActive>()("user", (d) => d.after.email),
  "user.reset-password": action<{ after: { email: string; passwordResetId: string } }>()("user", (d) => d.after.email),
  "password-reset.create": action<{ after: { email: string; passwordResetId: string; expiresAt: string; replacedPending: number } }>()("user", (d) => d.after.email),
  "invitation.create": action<{ after: { email: string; role: string; expiresAt: string; replacedPending: number } }>()("invitation", (d) => d.after.email),
  "invitation.revoke": action<{ before: { email: string; role: string } }>()("invitation", (d) => d.before.email),
  "api-token.create": action<{ after: { name: string; scope: string; start: string; expiresAt: Instant } }>()("api-token", (d) => d.after.name),
  "api-token.revoke": action<{ before: { name: string; owner: string }; after: { revokedAt: string } }>()("api-token", (d) => d.before.name),
  "notification.read": action<{ before: { readAt: null }; after: { readAt: Instant } }>()("notification"),
  "notification.read-all": action<{ after: { marked: number; readAt: Instant } }>()("user"),
  "webhook.create": action<{ after: { url: string; events: readonly string[] } }>()("webhook", (d) => d.after.url),
  "webhook.delete": action<{ before: { url: string; events: readonly string[] } }>()("webhook", (d) => d.before.url),
  "webhook.pause": action<WebhookActive>()("webhook", (d) => d.after.url),
  "webhook.resume": action<WebhookActive>()("webhook", (d) => d.after.url),
  "comment.posted": action<{ after: { threadId: string; reply: boolean; body: string; mentioned: readonly { id: string; name: string }[]; notificationIds: readonly string[] } }>()("comment", (d) => d.after.body),
  "comment.resolved": action<ThreadState>()("comment-thread"),
  "comment.reopened": action<ThreadState>()("comment-thread"),
} as const;

type Vocabulary = typeof AUDIT_ACTIONS;
export type AuditAction = keyof Vocabulary;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

type EntityOf<A extends AuditAction> = Vocabulary[A]["entity"];
type DataOf<A extends AuditAction> = NonNullable<Vocabulary[A]["data"]>;

/** One audit entry, typed by its action: the entityType and the before/after shapes it requires. */
export type AuditEntry = {
  [A in AuditAction]: { action: A; entityType: EntityOf<A>; entityId: string; dossierId?: string | null; dossierSlug?: string | null } & DataOf<A>;
}[AuditAction];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The longest a record's words run in an audit sentence before they are cut with "…". */
export const AUDIT_SUBJECT_MAX = 120;

/**
 * How a stored entry reads: its known action (or null for a string outside the vocabulary, shown
 * as it was written) and the words naming its record, when its snapshots still hold them.
 */
export function describeAuditAction(stored: { action: string; before: unknown; after: unknown }): { action: AuditAction | null; subject: string | null } {
  if (!isAuditAction(stored.action)) return { action: null, subject: null };
  const spec: ActionSpec<string, AuditData> = AUDIT_ACTIONS[stored.action] as ActionSpec<string, AuditData>;
  let subject: unknown = null;
  try {
    subject = spec.subject?.({ before: stored.before ?? undefined, after: stored.after ?? undefined } as AuditData);
  } catch {
    subject = null; // an older row without the field
  }
  if (typeof subject !== "string") return { action: stored.action, subject: null };
  const words = subject.replace(/\s+/g, " ").trim();
  if (!words) return { action: stored.action, subject: null };
  return { action: stored.action, subject: words.length > AUDIT_SUBJECT_MAX ? `${words.slice(0, AUDIT_SUBJECT_MAX - 1).trimEnd()}…` : words };
}
