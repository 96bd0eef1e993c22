// What differs between SQLite and PostgreSQL, held to one behaviour (issue 13): concurrent writers
// (PostgreSQL really runs them in parallel), the order of names, case in email addresses,
// date/time precision and time zones, and large texts. Runs on both databases like every file.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { env } from "@/lib/env";
import { AppError } from "@/lib/domain/errors";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { getDossierWorkspace } from "@/lib/server/dossiers/get-dossier-workspace";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { createEntity } from "@/lib/server/entities/create-entity";
import { transactionRetryCount } from "@/lib/server/db";
import { inviteUser } from "../support/use-cases";
import { listMembers } from "@/lib/server/users/list-members";
import { listUsers } from "@/lib/server/users/list-users";
import { setVerdict } from "../support/use-cases";
import { db, provider, resetDatabase } from "../support/db";
import { seedDesk, type DeskFixture } from "../support/desk";
import { demoActors, dossierWithArticle } from "../support/newsroom";

beforeEach(resetDatabase);

const adminUrl = () => Object.assign(new URL(env.DATABASE_URL), { pathname: "/postgres" }).toString();

/**
 * PostgreSQL: holds the claim's row (a row lock from another session) until `release`, and
 * releases it once both writers started meanwhile have read the claim and wait to write it: the
 * race is certain, not a matter of timing. SQLite runs one transaction at a time on the app's one
 * connection, so two requests arriving together are ordered by that lock: nothing to hold.
 * (A second *process* writing the same SQLite file is issue 10's import-beside-the-site case.)
 */
async function holdClaim(claimId: string, writers: number): Promise<{ release: () => Promise<void> }> {
  if (provider === "sqlite") return { release: async () => {} };
  const other = new pg.Client({ connectionString: env.DATABASE_URL });
  await other.connect();
  await other.query("BEGIN");
  await other.query(`SELECT 1 FROM "Claim" WHERE id = $1 FOR UPDATE`, [claimId]);
  return {
    release: async () => {
      // Both writers have read the claim and now wait on this lock to write it.
      const watcher = new pg.Client({ connectionString: adminUrl() });
      await watcher.connect();
      try {
        await expect
          .poll(async () => Number((await watcher.query("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = $1", [new URL(env.DATABASE_URL).pathname.slice(1)])).rows[0].n), { timeout: 10_000 })
          .toBeGreaterThanOrEqual(writers);
      } finally {
        await watcher.end();
      }
      await other.query("ROLLBACK");
      await other.end();
    },
  };
}

function outcome(results: PromiseSettledResult<unknown>[]) {
  return {
    ok: results.filter((r) => r.status === "fulfilled").length,
    conflicts: results.filter((r) => r.status === "rejected" && r.reason instanceof AppError && r.reason.code === "CONFLICT").length,
    other: results.filter((r) => r.status === "rejected" && !(r.reason instanceof AppError && r.reason.code === "CONFLICT")).map((r) => (r as PromiseRejectedResult).reason),
  };
}

describe(`two writers at the same instant (${provider})`, () => {
  let f: DeskFixture;
  beforeEach(async () => {
    f = await seedDesk();
  });

  it("two verdict decisions on one claim: exactly one is recorded, the other is told of the conflict", async () => {
    const retriesBefore = transactionRetryCount();
    for (let round = 0; round < 3; round++) {
      const claim = await db.claim.findUniqueOrThrow({ where: { id: f.claims.siege.id }, select: { version: true } });
      const historyBefore = await db.verdictChange.count({ where: { claimId: f.claims.siege.id } });
      const hold = await holdClaim(f.claims.siege.id, 2);
      const decisions = [
        setVerdict(f.editor, { claimId: f.claims.siege.id, version: claim.version, verdict: "verified", rationale: `Round ${round}: the register confirms it.`, evidenceIds: [f.evidence.siege![0]!] }),
        setVerdict(f.editor2, { claimId: f.claims.siege.id, version: claim.version, verdict: "misleading", rationale: `Round ${round}: it moved in 2021.`, evidenceIds: [f.evidence.siege![0]!] }),
      ];
      await hold.release();
      const result = outcome(await Promise.allSettled(decisions));
      expect(result).toEqual({ ok: 1, conflicts: 1, other: [] });
      // Nothing lost, nothing doubled: one history entry, one version step.
      expect(await db.verdictChange.count({ where: { claimId: f.claims.siege.id } })).toBe(historyBefore + 1);
      expect((await db.claim.findUniqueOrThrow({ where: { id: f.claims.siege.id } })).version).toBe(claim.version + 1);
    }
    // On PostgreSQL the two really ran at once: the loser's transaction failed and ran again.
    if (provider === "postgresql") expect(transactionRetryCount()).toBeGreaterThan(retriesBefore);
  });

  it("two saves of one claim: one is saved, the other gets a conflict with the current text", async () => {
    const claim = await db.claim.findUniqueOrThrow({ where: { id: f.claims.produit.id }, select: { version: true, dossierId: true } });
    const hold = await holdClaim(f.claims.produit.id, 2);
    const saves = ["First wording of the claim.", "Second wording of the claim."].map((text, i) =>
      updateClaim(i === 0 ? f.journalist : f.journalist2, { dossierId: claim.dossierId, claimId: f.claims.produit.id, version: claim.version, text, hedged: false }),
    );
    await hold.release();
    const settled = await Promise.allSettled(saves);
    expect(outcome(settled)).toEqual({ ok: 1, conflicts: 1, other: [] });
    const saved = (settled.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ claim: { text: string } }>).value.claim.text;
    const refused = (settled.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as AppError;
    expect(refused.details).toMatchObject({ current: { text: saved }, yourVersion: claim.version, currentVersion: claim.version + 1 });
    expect((await db.claim.findUniqueOrThrow({ where: { id: f.claims.produit.id } })).text).toBe(saved);
  });

  it("two article saves: one new revision, not two with the same number", async () => {
    const a = await demoActors();
    const d = await dossierWithArticle(a.journalist);
    const revisions = await db.articleRevision.count({ where: { dossierId: d.id } });
    const saves = [1, 2].map((n) => saveArticle(a.journalist, { dossierId: d.id, version: d.version, body: `${d.body}\nAddendum ${n}.\n`, note: "" }));
    expect(outcome(await Promise.allSettled(saves))).toEqual({ ok: 1, conflicts: 1, other: [] });
    expect(await db.articleRevision.count({ where: { dossierId: d.id } })).toBe(revisions + 1);
  });
});

describe(`names in French order, whatever the database's collation (${provider})`, () => {
  const NAMES = ["Zoé Zana", "émile Durand", "Éric Blanc", "alice Martin", "Adèle Roy", "Œdipe Roi", "Ève Petit", "Bernard 10", "Bernard 9"];
  const FRENCH = ["Adèle Roy", "alice Martin", "Bernard 9", "Bernard 10", "émile Durand", "Éric Blanc", "Ève Petit", "Œdipe Roi", "Zoé Zana"];

  it("lists members, users and a dossier's people and entities in the same order on every database", async () => {
    const a = await demoActors();
    await db.user.deleteMany({});
    await db.user.createMany({ data: NAMES.map((name, i) => ({ name, email: `person${i}@example.com`, role: i === 0 ? "admin" : "journalist" })) });
    const admin = await db.user.findFirstOrThrow({ where: { role: "admin" } });
    const actor = { kind: "user" as const, id: admin.id, email: admin.email, name: admin.name, role: "admin" as const };
    expect((await listMembers(actor)).map((m) => m.name)).toEqual(FRENCH);
    expect((await listUsers(actor)).users.map((u) => u.name)).toEqual(FRENCH);

    const d = await dossierWithArticle(actor);
    for (const name of NAMES) await createEntity(actor, { dossierId: d.id, kind: "person", name, description: "" });
    const workspace = await getDossierWorkspace(actor, d.slug);
    expect(workspace.entities.map((e) => e.name)).toEqual(FRENCH);
    void a;
  });

  it("lists deactivated users after active ones (databases disagree on where NULL sorts)", async () => {
    const a = await demoActors();
    await db.user.update({ where: { id: a.editor.id }, data: { disabledAt: new Date() } });
    const users = (await listUsers(a.admin)).users;
    expect(users.at(-1)!.id).toBe(a.editor.id);
  });
});

describe(`email addresses ignore case (${provider})`, () => {
  it("refuses to invite an address that differs from a member's only in case", async () => {
    const a = await demoActors();
    await expect(inviteUser(a.admin, { email: "EDITOR@Example.COM", role: "journalist" })).rejects.toMatchObject({ code: expect.stringMatching(/CONFLICT|INVALID_INPUT/) });
    const invited = await inviteUser(a.admin, { email: "New.Person@Example.com", role: "journalist" });
    expect(invited.invitationId).toBeTruthy();
    expect((await db.invitation.findFirstOrThrow({ where: { id: invited.invitationId } })).email).toBe("new.person@example.com");
  });
});

describe(`dates and times (${provider})`, () => {
  afterEach(async () => {
    if (provider !== "postgresql") return;
    await setPostgresTimeZone(null);
  });

  async function setPostgresTimeZone(zone: string | null) {
    const name = new URL(env.DATABASE_URL).pathname.slice(1);
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${name}" ${zone ? `SET timezone = '${zone}'` : "RESET timezone"}`);
      // New sessions take the setting: end the pool's current ones.
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
    } finally {
      await admin.end();
    }
    // The first query after that may meet a connection the server just closed.
    await expect.poll(() => db.$queryRaw`SELECT 1`.then(() => true, () => false), { timeout: 10_000 }).toBe(true);
  }

  it("keeps milliseconds, and orders instants one millisecond apart", async () => {
    const a = await demoActors();
    const instants = ["2024-02-29T23:59:59.999Z", "2024-03-01T00:00:00.000Z", "2024-03-01T00:00:00.001Z"];
    for (const [i, at] of [...instants].reverse().entries()) {
      await db.notification.create({ data: { userId: a.journalist.id, kind: "test", message: `n${i}`, createdAt: new Date(at) } });
    }
    const rows = await db.notification.findMany({ where: { userId: a.journalist.id, kind: "test" }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.createdAt.toISOString())).toEqual(instants);
  });

  it("stores instants in UTC even when the database's session time zone is not UTC", async () => {
    const a = await demoActors();
    if (provider === "postgresql") await setPostgresTimeZone("Pacific/Kiritimati"); // UTC+14
    const before = Date.now();
    const row = await db.notification.create({ data: { userId: a.journalist.id, kind: "test", message: "now" } });
    const explicit = await db.notification.create({ data: { userId: a.journalist.id, kind: "test", message: "explicit", createdAt: new Date("2023-06-15T12:00:00.000Z") } });
    expect(Math.abs(row.createdAt.getTime() - before)).toBeLessThan(60_000);
    expect((await db.notification.findUniqueOrThrow({ where: { id: explicit.id } })).createdAt.toISOString()).toBe("2023-06-15T12:00:00.000Z");
  });
});

describe(`large texts (${provider})`, () => {
  it("saves and reads back an article at the length limit, with accents, emoji and combining marks, byte for byte", async () => {
    const a = await demoActors();
    const d = await dossierWithArticle(a.journalist);
    const unit = "Le « marché » a été attribué — 𝔇𝔬𝔰𝔰𝔦𝔢𝔯 🗞️ e\u0301 ";
    const body = (unit.repeat(Math.ceil(400_000 / unit.length))).slice(0, 399_990).replace(/[\uD800-\uDBFF]$/, "") + "\n";
    await saveArticle(a.journalist, { dossierId: d.id, version: d.version, body, note: "" });
    const stored = await db.dossier.findUniqueOrThrow({ where: { id: d.id }, select: { body: true } });
    expect(stored.body.length).toBe(body.length);
    expect(stored.body === body).toBe(true);
    const revision = await db.articleRevision.findFirstOrThrow({ where: { dossierId: d.id }, orderBy: { number: "desc" } });
    expect(revision.body === body).toBe(true);
  });

  it("keeps a multi-megabyte audit snapshot intact", async () => {
    const after = JSON.stringify({ text: "é".repeat(3_000_000) });
    const row = await db.auditLog.create({ data: { action: "test", entityType: "test", entityId: "x", after } });
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).after === after).toBe(true);
  });
});
