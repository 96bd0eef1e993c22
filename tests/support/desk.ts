// Fixture data for the fact-check desk's integration tests: one user per role (and a second
// journalist and editor, for four eyes and competing proposals), the draft "desk" dossier and the
// published "mini" dossier, and a way to prove that a refused call wrote nothing.
import { expect } from "vitest";
import type { Role } from "@/lib/domain/permissions";
import { ANONYMOUS, SYSTEM_IMPORT, type Actor } from "@/lib/server/actor";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { getPendingChanges } from "./use-cases";
import { publishDossier } from "./use-cases";
import { scratchCopy } from "./content";
import { db } from "./db";

type UserActor = Extract<Actor, { kind: "user" }>;

const PEOPLE: { key: string; email: string; name: string; role: Role }[] = [
  { key: "journalist", email: "journalist@desk.test", name: "Julie Journaliste", role: "journalist" },
  { key: "journalist2", email: "journalist2@desk.test", name: "Jules Reporter", role: "journalist" },
  // The author of the "chiffre" claim: four eyes keeps them from verifying it.
  { key: "editor", email: "editor@desk.test", name: "Edith Éditrice", role: "editor" },
  { key: "editor2", email: "editor2@desk.test", name: "Emile Rédacteur", role: "editor" },
  { key: "admin", email: "admin@desk.test", name: "Alice Admin", role: "admin" },
];

export interface DeskFixture {
  journalist: UserActor;
  journalist2: UserActor;
  editor: UserActor;
  editor2: UserActor;
  admin: UserActor;
  anonymous: Actor;
  system: Actor;
  /** The draft dossier "desk". */
  dossier: { id: string; slug: string; version: number };
  /** The published dossier "mini". */
  published: { id: string; slug: string; version: number };
  claims: Record<"siege" | "chiffre" | "licenciements" | "produit" | "creation" | "recrutement", { id: string; version: number }>;
  /** Evidence ids per claim key, in file order. */
  evidence: Record<string, string[]>;
}

export async function seedDesk(): Promise<DeskFixture> {
  const actors: Record<string, UserActor> = {};
  for (const p of PEOPLE) {
    const u = await db.user.create({ data: { email: p.email, name: p.name, role: p.role, emailVerified: true }, select: { id: true } });
    actors[p.key] = { kind: "user", id: u.id, role: p.role, email: p.email, name: p.name };
  }
  for (const fixture of ["desk", "mini"]) {
    const result = await importContentFolder(SYSTEM_IMPORT, scratchCopy(fixture));
    if (!result.ok) throw new Error(`fixture ${fixture} invalid: ${JSON.stringify(result.errors)}`);
  }
  const dossiers = await db.dossier.findMany({ select: { id: true, slug: true, version: true } });
  const claims = await db.claim.findMany({ select: { id: true, key: true, version: true, evidence: { orderBy: { createdAt: "asc" }, select: { id: true } } } });
  const byKey = Object.fromEntries(claims.map((c) => [c.key!, { id: c.id, version: c.version }]));
  return {
    journalist: actors.journalist!,
    journalist2: actors.journalist2!,
    editor: actors.editor!,
    editor2: actors.editor2!,
    admin: actors.admin!,
    anonymous: ANONYMOUS,
    system: SYSTEM_IMPORT,
    dossier: dossiers.find((d) => d.slug === "desk")!,
    published: dossiers.find((d) => d.slug === "mini")!,
    claims: byKey as DeskFixture["claims"],
    evidence: Object.fromEntries(claims.map((c) => [c.key!, c.evidence.map((e) => e.id)])),
  };
}

/** The claim's current version (it moves with every decision). */
export async function claimVersion(id: string): Promise<number> {
  return (await db.claim.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

export async function dossierVersion(id: string): Promise<number> {
  return (await db.dossier.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

/** Everything the desk may write, row by row. */
export async function deskSnapshot() {
  const byId = { orderBy: { id: "asc" as const } };
  return {
    dossiers: await db.dossier.findMany(byId),
    claims: await db.claim.findMany(byId),
    changes: await db.verdictChange.findMany(byId),
    proposals: await db.verdictProposal.findMany(byId),
    notifications: await db.notification.findMany(byId),
    publications: await db.publicationEvent.findMany(byId),
    evidence: await db.evidence.findMany(byId),
    questions: await db.openQuestion.findMany(byId),
    audit: await db.auditLog.findMany(byId),
  };
}

/** Runs a call that must be refused, and proves the database is exactly as before. */
export async function expectRefusedWithoutWrites(run: () => Promise<unknown>, expected: Record<string, unknown>): Promise<void> {
  const before = await deskSnapshot();
  await expect(run()).rejects.toMatchObject(expected);
  expect(await deskSnapshot()).toEqual(before);
}

/** An editor publishes the working copy's changes as an update, having reviewed them (as the overview does). */
export async function publishUpdate(editor: UserActor, dossierId: string, note: string | null, extra: Record<string, unknown> = {}) {
  const pending = await getPendingChanges(editor, { dossierId });
  return publishDossier(editor, { dossierId, version: pending.dossier.version, reviewedHash: pending.workingHash, note, ...extra });
}
