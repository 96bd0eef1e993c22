import "server-only";
// A dossier's audit trail for editors and admins: who changed what, when, before and after.
// Entries are never edited or deleted by the application; this only reads them, newest first.
import { API_TOKEN_LABEL, requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { findDossierBySlug } from "../newsroom/scope";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEntryView {
  id: string;
  createdAt: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditPage {
  /** language: the content's, for the words of records quoted in the log. */
  dossier: { id: string; slug: string; title: string; language: string };
  entries: AuditEntryView[];
  /** Pass as `before` to read older entries; null at the start of the trail. */
  nextCursor: string | null;
}

export async function listDossierAudit(actor: Actor, slug: string, options: { before?: string } = {}): Promise<AuditPage> {
  requirePermission(actor, "audit:view");
  const ref = await findDossierBySlug(db, slug);
  const dossier = await db.dossier.findUniqueOrThrow({ where: { id: ref.id }, select: { id: true, slug: true, title: true, language: true } });
  const rows = await db.auditLog.findMany({
    where: { dossierId: dossier.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    ...(options.before ? { cursor: { id: options.before }, skip: 1 } : {}),
    select: { id: true, createdAt: true, action: true, entityType: true, entityId: true, before: true, after: true, actorLabel: true, actor: { select: { name: true, email: true } } },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    dossier,
    entries: page.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      actor: r.actor ? `${r.actor.name} (${r.actor.email})${r.actorLabel?.startsWith(API_TOKEN_LABEL) ? ", with an API token" : ""}` : r.actorLabel ? `system: ${r.actorLabel}` : "unknown",
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: parseSnapshot(r.before),
      after: parseSnapshot(r.after),
    })),
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** A stored snapshot as an object; an old or hand-written row that is not JSON is shown as its text. */
function parseSnapshot(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { value: json };
  }
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}
