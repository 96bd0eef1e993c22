import "server-only";
// Imports a validated dossier folder (lib/content/load-dossier-folder.ts) in one transaction.
// Idempotent: the same files twice change nothing. Re-importing changed files updates records by
// their key and never deletes: a record that left the file is kept and reported, an article
// change becomes a new revision, a verdict change is appended to the history.
import type { LoadedDossier } from "@/lib/content/load-dossier-folder";
import type { ContentClaim } from "@/lib/schemas/content";
import { requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";

export interface ImportSummary {
  slug: string;
  outcome: "created" | "updated" | "unchanged";
  counts: Record<"claims" | "sources" | "quotes" | "entities" | "questions" | "events", number>;
  /** Records that exist in the database but are no longer in the files (kept, not deleted). */
  keptWithoutFile: string[];
}

/** Content dates are days; store them at noon UTC so no time zone moves them to another day. */
const day = (iso: string) => new Date(`${iso}T12:00:00.000Z`);

export async function importDossier(actor: Actor, loaded: LoadedDossier): Promise<ImportSummary> {
  requirePermission(actor, "content:import");
  const { data } = loaded;
  const counts = {
    claims: data.claims.length,
    sources: data.sources.length,
    quotes: data.quotes.length,
    entities: data.entities.length,
    questions: data.questions.length,
    events: data.events.length,
  };

  return db.$transaction(async (tx) => {
    const existing = await tx.dossier.findUnique({ where: { slug: data.slug }, select: { id: true, importHash: true, body: true, version: true } });
    if (existing && existing.importHash === loaded.hash) {
      return { slug: data.slug, outcome: "unchanged", counts, keptWithoutFile: [] } satisfies ImportSummary;
    }

    const emails = new Set<string>();
    for (const c of data.claims) {
      if (c.author) emails.add(c.author);
      for (const v of c.verdicts) if (v.decidedBy) emails.add(v.decidedBy);
    }
    for (const q of data.questions) if (q.owner) emails.add(q.owner);
    const users = await tx.user.findMany({ where: { email: { in: [...emails] } }, select: { id: true, email: true } });
    const userId = (email?: string) => (email ? (users.find((u) => u.email === email)?.id ?? null) : null);

    const dossierFields = {
      title: data.title,
      summary: data.summary,
      language: data.language,
      status: data.status,
      publishedAt: data.publishedAt ? day(data.publishedAt) : null,
      body: loaded.body,
      importHash: loaded.hash,
    };
    let dossierId: string;
    if (existing) {
      dossierId = existing.id;
      await tx.dossier.update({ where: { id: dossierId }, data: { ...dossierFields, version: { increment: 1 } } });
      if (existing.body !== loaded.body) await appendRevision(tx, dossierId, loaded.body, `re-imported from ${loaded.folder}`);
    } else {
      const created = await tx.dossier.create({ data: { slug: data.slug, ...dossierFields }, select: { id: true } });
      dossierId = created.id;
      await appendRevision(tx, dossierId, loaded.body, `imported from ${loaded.folder}`);
    }
    const scope = (key: string) => ({ dossierId_key: { dossierId, key } });

    const entityIds = new Map<string, string>();
    for (const e of data.entities) {
      const fields = { kind: e.kind, name: e.name, description: e.description };
      const row = await tx.entity.upsert({ where: scope(e.key), create: { dossierId, key: e.key, ...fields }, update: fields, select: { id: true } });
      entityIds.set(e.key, row.id);
    }

    const sourceIds = new Map<string, string>();
    for (const [position, s] of data.sources.entries()) {
      const fields = {
        kind: s.kind,
        title: s.title,
        url: s.url ?? null,
        publisher: s.publisher ?? null,
        author: s.author ?? null,
        date: s.date ?? null,
        accessedAt: s.accessedAt ?? null,
        reliability: s.reliability,
        confidential: s.confidential,
        publicDescription: s.publicDescription ?? null,
        identity: s.identity ?? null,
        notes: s.notes ?? null,
        position,
      };
      const row = await tx.source.upsert({ where: scope(s.key), create: { dossierId, key: s.key, ...fields }, update: fields, select: { id: true } });
      sourceIds.set(s.key, row.id);
    }

    const claimIds = new Map<string, string>();
    for (const [position, c] of data.claims.entries()) {
      const anchor = loaded.anchors.get(c.key)!;
      const fields = {
        text: c.text,
        anchorExact: anchor.exact,
        anchorPrefix: anchor.prefix,
        anchorSuffix: anchor.suffix,
        anchorStart: anchor.start,
        anchorEnd: anchor.end,
        anchorStatus: "anchored",
        hedged: c.hedged,
        position,
      };
      const row = await tx.claim.upsert({
        where: scope(c.key),
        create: { dossierId, key: c.key, authorId: userId(c.author), ...fields },
        update: fields,
        select: { id: true },
      });
      claimIds.set(c.key, row.id);
      const evidenceIds = await syncEvidence(tx, row.id, c, sourceIds);
      await syncVerdicts(tx, row.id, c, evidenceIds, userId);
    }

    for (const [position, q] of data.quotes.entries()) {
      const fields = {
        text: q.text,
        language: q.language,
        speakerId: q.speaker ? entityIds.get(q.speaker)! : null,
        speakerLabel: q.speakerLabel ?? null,
        date: q.date ?? null,
        context: q.context,
        sourceId: q.source ? sourceIds.get(q.source)! : null,
        onRecord: q.onRecord,
        position,
      };
      await tx.quote.upsert({ where: scope(q.key), create: { dossierId, key: q.key, ...fields }, update: fields });
    }

    for (const [position, q] of data.questions.entries()) {
      const fields = {
        text: q.text,
        status: q.status,
        ownerId: userId(q.owner),
        answer: q.answer ?? null,
        answeringClaimId: q.answeredBy ? claimIds.get(q.answeredBy)! : null,
        answeredAt: q.answeredAt ? day(q.answeredAt) : null,
        position,
      };
      await tx.openQuestion.upsert({ where: scope(q.key), create: { dossierId, key: q.key, ...fields }, update: fields });
    }

    for (const ev of data.events) {
      const bounds = loaded.eventBounds.get(ev.key)!;
      const fields = { title: ev.title, description: ev.description, date: ev.date, certainty: ev.certainty, ...bounds };
      const row = await tx.timelineEvent.upsert({ where: scope(ev.key), create: { dossierId, key: ev.key, ...fields }, update: fields, select: { id: true } });
      await tx.eventClaim.deleteMany({ where: { eventId: row.id } });
      await tx.eventSource.deleteMany({ where: { eventId: row.id } });
      if (ev.claims.length) await tx.eventClaim.createMany({ data: ev.claims.map((k) => ({ eventId: row.id, claimId: claimIds.get(k)! })) });
      if (ev.sources.length) await tx.eventSource.createMany({ data: ev.sources.map((k) => ({ eventId: row.id, sourceId: sourceIds.get(k)! })) });
    }

    const keptWithoutFile = existing ? await recordsLeftOut(tx, dossierId, data) : [];
    await recordAudit(tx, actor, {
      action: existing ? "dossier.reimport" : "dossier.import",
      entityType: "dossier",
      entityId: dossierId,
      dossierId,
      dossierSlug: data.slug,
      after: { folder: loaded.folder, hash: loaded.hash, counts, keptWithoutFile },
    });
    return { slug: data.slug, outcome: existing ? "updated" : "created", counts, keptWithoutFile } satisfies ImportSummary;
    // A dossier is imported in one transaction: thousands of statements, each a round trip on
    // PostgreSQL, take longer than Prisma's default 5 s limit for an interactive transaction.
  }, { timeout: 10 * 60_000, maxWait: 30_000 });
}

async function appendRevision(tx: Tx, dossierId: string, body: string, note: string) {
  const last = await tx.articleRevision.findFirst({ where: { dossierId }, orderBy: { number: "desc" }, select: { number: true } });
  await tx.articleRevision.create({ data: { dossierId, number: (last?.number ?? 0) + 1, body, note } });
}

/** Evidence has no key of its own: it is identified by (claim, source, stance). */
async function syncEvidence(tx: Tx, claimId: string, claim: ContentClaim, sourceIds: Map<string, string>): Promise<string[]> {
  const current = await tx.evidence.findMany({ where: { claimId }, select: { id: true, sourceId: true, stance: true, excerpt: true, note: true } });
  const ids: string[] = [];
  for (const ev of claim.evidence) {
    const sourceId = sourceIds.get(ev.source)!;
    const match = current.find((c) => c.sourceId === sourceId && c.stance === ev.stance);
    if (match) {
      if (match.excerpt !== ev.excerpt || match.note !== (ev.note ?? null)) {
        await tx.evidence.update({ where: { id: match.id }, data: { excerpt: ev.excerpt, note: ev.note ?? null, version: { increment: 1 } } });
      }
      ids.push(match.id);
    } else {
      const row = await tx.evidence.create({ data: { claimId, sourceId, stance: ev.stance, excerpt: ev.excerpt, note: ev.note ?? null }, select: { id: true } });
      ids.push(row.id);
    }
  }
  return ids;
}

/** Appends the file's verdicts that the claim's history does not have yet (history is append-only). */
async function syncVerdicts(
  tx: Tx,
  claimId: string,
  claim: ContentClaim,
  evidenceIds: string[],
  userId: (email?: string) => string | null,
) {
  if (claim.verdicts.length === 0) return;
  const history = await tx.verdictChange.findMany({ where: { claimId }, orderBy: { createdAt: "asc" }, select: { toVerdict: true, createdAt: true } });
  const lastKnown = history[history.length - 1];
  let from = lastKnown?.toVerdict ?? null;
  const fresh = claim.verdicts.filter((v) => !lastKnown || day(v.decidedAt) > lastKnown.createdAt);
  for (const v of fresh) {
    await tx.verdictChange.create({
      data: {
        claimId,
        fromVerdict: from,
        toVerdict: v.status,
        rationale: v.rationale,
        evidenceIds: JSON.stringify(evidenceIds),
        correctionNote: v.correctionNote ?? null,
        actorId: userId(v.decidedBy),
        createdAt: day(v.decidedAt),
      },
    });
    from = v.status;
  }
  if (fresh.length === 0) return;
  const current = claim.verdicts[claim.verdicts.length - 1]!;
  await tx.claim.update({
    where: { id: claimId },
    data: {
      verdict: current.status,
      verdictRationale: current.rationale,
      verdictSetAt: day(current.decidedAt),
      verdictSetById: userId(current.decidedBy),
      reviewState: "reviewed",
    },
  });
}

async function recordsLeftOut(tx: Tx, dossierId: string, data: LoadedDossier["data"]): Promise<string[]> {
  const left: string[] = [];
  const check = async (label: string, rows: { key: string | null }[], keys: { key: string }[]) => {
    const inFile = new Set(keys.map((k) => k.key));
    for (const r of rows) if (r.key && !inFile.has(r.key)) left.push(`${label} ${r.key}`);
  };
  const where = { where: { dossierId }, select: { key: true } } as const;
  await check("claim", await tx.claim.findMany(where), data.claims);
  await check("source", await tx.source.findMany(where), data.sources);
  await check("quote", await tx.quote.findMany(where), data.quotes);
  await check("entity", await tx.entity.findMany(where), data.entities);
  await check("question", await tx.openQuestion.findMany(where), data.questions);
  await check("event", await tx.timelineEvent.findMany(where), data.events);
  return left;
}
