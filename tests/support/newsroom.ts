// Integration-test helpers for the newsroom: the demo accounts as actors, and a small dossier.
import type { Role } from "@/lib/domain/permissions";
import { ANONYMOUS, type Actor } from "@/lib/server/actor";
import { createDossier } from "@/lib/server/dossiers/create-dossier";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { ensureDemoUsers } from "@/lib/server/setup/demo-users";
import { Prisma } from "@/lib/generated/prisma/client";
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
/**
 * How many rows each table of the schema holds, keyed by model (`claim`, `auditLog`, …). Derived
 * from Prisma's list of models, so a model added to the schema is counted without anyone
 * remembering to: a refusal that wrote a notification or a verdict change cannot go unseen.
 */
export async function tableCounts(): Promise<Record<string, number>> {
  const models = Object.values(Prisma.ModelName).map((m) => m.charAt(0).toLowerCase() + m.slice(1));
  const delegates = db as unknown as Record<string, { count: () => Promise<number> }>;
  const counts = await Promise.all(models.map((m) => delegates[m]!.count()));
  return Object.fromEntries(models.map((m, i) => [m, counts[i]!]));
}
