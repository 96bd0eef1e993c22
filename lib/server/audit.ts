import "server-only";
// Append-only audit trail. Use cases call this inside their transaction, so a change and its
// audit entry are written together or not at all.
import { actorId, actorLabel, type Actor } from "./actor";
import type { Tx } from "./db";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  dossierId?: string | null;
  dossierSlug?: string | null;
  before?: unknown;
  after?: unknown;
}

const snapshot = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actorId(actor),
      actorLabel: actorLabel(actor),
      dossierId: entry.dossierId ?? null,
      dossierSlug: entry.dossierSlug ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    },
  });
}
