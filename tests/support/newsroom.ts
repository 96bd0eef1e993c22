// Integration-test helpers for the newsroom: the demo accounts as actors, and a small dossier.
import type { Role } from "@/lib/domain/permissions";
import { ANONYMOUS, type Actor } from "@/lib/server/actor";
import { createDossier } from "@/lib/server/dossiers/create-dossier";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { ensureDemoUsers } from "@/lib/server/setup/demo-users";
import { db } from "./db";

export type Actors = Record<Role, Extract<Actor, { kind: "user" }>> & { anonymous: Actor };

export async function demoActors(): Promise<Actors> {
  await ensureDemoUsers();
  const users = await db.user.findMany({ select: { id: true, email: true, name: true, role: true } });
  const as = (role: Role) => {
    const u = users.find((x) => x.role === role)!;
    return { kind: "user" as const, id: u.id, email: u.email, name: u.name, role };
  };
  return { journalist: as("journalist"), editor: as("editor"), admin: as("admin"), anonymous: ANONYMOUS };
}

export const ARTICLE = [
  "# The harbour contract",
  "",
  "The city council awarded the harbour contract to Nordmarine in March 2023.",
  "",
  "The company reportedly paid no tax in 2022, according to a former accountant.",
  "",
  "The mayor declined to comment.",
  "",
].join("\n");

/** Offsets of `exact` in the article's rendered text, as the preview would report them. */
export async function selectionOf(dossierId: string, exact: string, occurrence = 0) {
  const { articleText } = await import("@/lib/markdown/render");
  const { describeRange } = await import("@/lib/domain/anchoring");
  const { body } = await db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { body: true } });
  const text = articleText(body);
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`“${exact}” is not in the article`);
  return describeRange(text, start, start + exact.length);
}

/** A draft dossier with the article above, created by `actor` (a journalist by default). */
export async function dossierWithArticle(actor: Actor, title = "The harbour contract") {
  const { dossier } = await createDossier(actor, { title, summary: "A test dossier.", language: "en" });
  const saved = await saveArticle(actor, { dossierId: dossier.id, version: dossier.version, body: ARTICLE, note: "" });
  return { ...dossier, version: saved.version, body: ARTICLE };
}

/** Rows per table, to prove that a refused change wrote nothing. */
export async function tableCounts() {
  const [dossiers, revisions, claims, evidence, sources, entities, quotes, questions, events, audit, drafts, captures, documents, archiveJobs] = await Promise.all([
    db.dossier.count(),
    db.articleRevision.count(),
    db.claim.count(),
    db.evidence.count(),
    db.source.count(),
    db.entity.count(),
    db.quote.count(),
    db.openQuestion.count(),
    db.timelineEvent.count(),
    db.auditLog.count(),
    db.articleDraft.count(),
    db.capture.count(),
    db.document.count(),
    db.archiveJob.count(),
  ]);
  return { dossiers, revisions, claims, evidence, sources, entities, quotes, questions, events, audit, drafts, captures, documents, archiveJobs };
}
