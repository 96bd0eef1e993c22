import "server-only";
// Append-only audit trail. Use cases call this inside their transaction, so a change and its
// audit entry are written together or not at all.
import { actorId, actorLabel, type Actor } from "./actor";
import type { AuditEntry } from "@/lib/domain/audit-actions";
import type { Tx } from "./db";

// Only actions of the audit vocabulary, each with its own snapshot shape (lib/domain/audit-actions.ts).
export type { AuditEntry };

const snapshot = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

const row = (actor: Actor, entry: AuditEntry) => ({
  actorId: actorId(actor),
  actorLabel: actorLabel(actor),
  dossierId: entry.dossierId ?? null,
  dossierSlug: entry.dossierSlug ?? null,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  before: snapshot("before" in entry ? entry.before : undefined),
  after: snapshot("after" in entry ? entry.after : undefined),
});

export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: row(actor, entry) });
}

/** Entries per INSERT of recordAudits: fifty, so one INSERT holds the request thread ≈ 30 ms at most (decision 102). */
const AUDIT_BATCH = 50;

/**
 * The same entries as one recordAudit call each, in order, written a few hundred per statement:
 * for a change that audits thousands of records at once (re-anchoring a large article,
 * docs/decisions/102).
 */
export async function recordAudits(tx: Tx, actor: Actor, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_BATCH) {
    await tx.auditLog.createMany({ data: entries.slice(i, i + AUDIT_BATCH).map((entry) => row(actor, entry)) });
  }
}
