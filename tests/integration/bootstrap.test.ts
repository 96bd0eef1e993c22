// What `npm start` does to a database: fill it once, demo accounts in demo mode only.
import { verifyPassword } from "better-auth/crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { bootstrap } from "@/lib/server/setup/bootstrap";
import { DEMO_PASSWORD, disableDemoUsers, ensureDemoUsers } from "@/lib/server/setup/demo-users";
import { db, resetDatabase } from "../support/db";

beforeEach(resetDatabase);

describe("bootstrap", () => {
  it("imports the content folder into an empty database, and only then", async () => {
    const first = await bootstrap();
    expect(first.imported).toMatchObject({ ok: true, imported: [{ slug: "mistral-ai", outcome: "created" }] });
    const second = await bootstrap();
    expect(second.imported).toBeNull();
    expect(second.installId).toBe(first.installId);
    expect(await db.dossier.count()).toBe(1);
  });

  it("creates the three demo accounts with the documented password (demo mode)", async () => {
    await bootstrap();
    const users = await db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, role: true, accounts: { select: { providerId: true, password: true } } } });
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ["admin@example.com", "admin"],
      ["editor@example.com", "editor"],
      ["journalist@example.com", "journalist"],
    ]);
    const hash = users[0]!.accounts[0]!.password!;
    expect(users[0]!.accounts[0]!.providerId).toBe("credential");
    expect(hash).not.toContain(DEMO_PASSWORD);
    expect(await verifyPassword({ hash, password: DEMO_PASSWORD })).toBe(true);
    expect(await verifyPassword({ hash, password: "wrong" })).toBe(false);
  });

  it("disables demo accounts when demo mode is turned off, and restores them when it is on again", async () => {
    await ensureDemoUsers();
    expect(await disableDemoUsers()).toBe(3);
    expect(await db.user.count({ where: { disabledAt: null } })).toBe(0);
    await ensureDemoUsers();
    expect(await db.user.count({ where: { disabledAt: null } })).toBe(3);
    expect(await db.user.count()).toBe(3);
  });

});

describe("bootstrap with demo mode off", () => {
  it("creates no demo account and disables existing ones", async () => {
    await ensureDemoUsers();
    const previous = process.env.DEMO_MODE;
    process.env.DEMO_MODE = "off";
    try {
      vi.resetModules();
      const { bootstrap: bootstrapDemoOff } = await import("@/lib/server/setup/bootstrap");
      const report = await bootstrapDemoOff();
      expect(report.demoUsersCreated).toEqual([]);
      expect(report.demoUsersDisabled).toBe(3);
      expect(await db.user.count({ where: { disabledAt: null } })).toBe(0);
    } finally {
      process.env.DEMO_MODE = previous;
      vi.resetModules();
    }
  });

  it("never creates demo accounts in an empty database", async () => {
    const previous = process.env.DEMO_MODE;
    process.env.DEMO_MODE = "off";
    try {
      vi.resetModules();
      const { bootstrap: bootstrapDemoOff } = await import("@/lib/server/setup/bootstrap");
      await bootstrapDemoOff();
      expect(await db.user.count()).toBe(0);
      expect(await db.dossier.count()).toBe(1);
    } finally {
      process.env.DEMO_MODE = previous;
      vi.resetModules();
    }
  });
});
