// Sign-in through the real Better Auth route: demo accounts, sessions in the database, the
// per-client rate limit on the path the /login form uses, deactivated accounts.
import { beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { actorFromHeaders } from "@/lib/server/auth/get-actor";
import { signOut } from "@/lib/server/auth/sign-out";
import { DEMO_PASSWORD, ensureDemoUsers } from "@/lib/server/setup/demo-users";
import { cookieHeaders, signInRequest } from "../support/auth";
import { db, resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
  await ensureDemoUsers();
});

describe("sign-in", () => {
  it.each([
    ["journalist@example.com", "journalist"],
    ["editor@example.com", "editor"],
    ["admin@example.com", "admin"],
  ])("signs in the demo account %s with the documented password, as a %s", async (email, role) => {
    const attempt = await signInRequest(email, DEMO_PASSWORD);
    expect(attempt.status).toBe(200);
    expect(attempt.cookie).toMatch(/dossier\.session_token=/);
    expect(await db.session.count({ where: { user: { email } } })).toBe(1);
    const actor = await actorFromHeaders(cookieHeaders(attempt.cookie));
    expect(actor).toMatchObject({ kind: "user", email, role });
  });

  it("signs in from http://127.0.0.1 as from localhost when PUBLIC_URL is unset, and never from another site", async () => {
    expect(env.PUBLIC_URL).toBeUndefined();
    // A browser that already holds a cookie of the site (an expired session): Better Auth then checks
    // the origin, and refused 127.0.0.1 when only localhost was trusted.
    const stale = "dossier.session_token=expired.value";
    const loopback = await signInRequest("journalist@example.com", DEMO_PASSWORD, "203.0.113.11", `http://127.0.0.1:${env.PORT}`, stale);
    expect(loopback.status).toBe(200);
    expect(loopback.cookie).toMatch(/dossier\.session_token=/);
    const foreign = await signInRequest("journalist@example.com", DEMO_PASSWORD, "203.0.113.12", "https://evil.example", stale);
    expect(foreign.status).toBe(403);
    expect(foreign.cookie).toBeNull();
    expect(await db.session.count()).toBe(1);
  });

  it("refuses a wrong password without creating a session", async () => {
    const attempt = await signInRequest("journalist@example.com", "not-the-password");
    expect(attempt.status).toBe(401);
    expect(attempt.cookie).toBeNull();
    expect(await db.session.count()).toBe(0);
  });

  it("treats a request without a session, or with a forged one, as anonymous", async () => {
    expect(await actorFromHeaders(new Headers())).toEqual({ kind: "anonymous" });
    expect(await actorFromHeaders(cookieHeaders("dossier.session_token=forged.value"))).toEqual({ kind: "anonymous" });
  });

  it("ends the session in the database when the user signs out", async () => {
    const attempt = await signInRequest("editor@example.com", DEMO_PASSWORD);
    await signOut(cookieHeaders(attempt.cookie));
    expect(await db.session.count()).toBe(0);
    expect(await actorFromHeaders(cookieHeaders(attempt.cookie))).toEqual({ kind: "anonymous" });
  });

  it("refuses a deactivated account even with the right password, and drops its open sessions", async () => {
    const open = await signInRequest("journalist@example.com", DEMO_PASSWORD);
    await db.user.update({ where: { email: "journalist@example.com" }, data: { disabledAt: new Date() } });
    expect(await actorFromHeaders(cookieHeaders(open.cookie))).toEqual({ kind: "anonymous" });
    expect(await db.session.count()).toBe(0);
    const attempt = await signInRequest("journalist@example.com", DEMO_PASSWORD);
    expect(attempt.status).toBe(403);
    expect(attempt.body).toMatchObject({ code: "ACCOUNT_DISABLED", message: expect.stringMatching(/deactivated/) });
    expect(await db.session.count()).toBe(0);
  });
});

describe("sign-in rate limit", () => {
  it(`refuses the attempt after SIGNIN_RATE_LIMIT (${env.SIGNIN_RATE_LIMIT}) in a minute, even with the right password`, async () => {
    const ip = "198.51.100.23";
    for (let i = 0; i < env.SIGNIN_RATE_LIMIT; i++) {
      expect((await signInRequest("journalist@example.com", `wrong-${i}`, ip)).status).toBe(401);
    }
    const blocked = await signInRequest("journalist@example.com", DEMO_PASSWORD, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.cookie).toBeNull();
    expect(await db.session.count()).toBe(0);
    // The counter lives in the database, shared by every server process.
    expect(await db.rateLimit.count()).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await signInRequest("journalist@example.com", DEMO_PASSWORD, "198.51.100.99")).status).toBe(200);
  });
});

describe("per-account sign-in limit", () => {
  it(`refuses attempt ${env.SIGNIN_ACCOUNT_LIMIT + 1} on one account from rotating addresses, and leaves other accounts alone`, async () => {
    for (let i = 0; i < env.SIGNIN_ACCOUNT_LIMIT; i++) {
      // A new address each time: the per-client limit never triggers.
      expect((await signInRequest("editor@example.com", `guess-${i}`, `198.51.100.${i + 1}`)).status).toBe(401);
    }
    const blocked = await signInRequest("editor@example.com", DEMO_PASSWORD, "198.51.100.200");
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: "ACCOUNT_RATE_LIMITED", message: expect.stringMatching(/Too many sign-in attempts on this account/) });
    expect(await db.session.count()).toBe(0);
    expect((await signInRequest("journalist@example.com", DEMO_PASSWORD, "198.51.100.201")).status).toBe(200);
  });

  it("clears the count after a successful sign-in, so the owner is not locked out by earlier typos", async () => {
    for (let i = 0; i < env.SIGNIN_ACCOUNT_LIMIT - 1; i++) {
      await signInRequest("admin@example.com", `typo-${i}`, `198.51.100.${i + 1}`);
    }
    expect((await signInRequest("admin@example.com", DEMO_PASSWORD, "198.51.100.150")).status).toBe(200);
    for (let i = 0; i < env.SIGNIN_ACCOUNT_LIMIT - 1; i++) {
      expect((await signInRequest("admin@example.com", `typo-again-${i}`, `198.51.100.${i + 20}`)).status).toBe(401);
    }
    expect((await signInRequest("admin@example.com", DEMO_PASSWORD, "198.51.100.151")).status).toBe(200);
  });
});

describe("Better Auth's account endpoints", () => {
  it("do not let a member rename themselves or change their role: the names colleagues see come from invitations and admins", async () => {
    const { cookie } = await signInRequest("journalist@example.com", DEMO_PASSWORD);
    const { POST } = await import("@/app/api/auth/[...all]/route");
    const { publicUrl } = await import("@/lib/env");
    const response = await POST(
      new Request(`${publicUrl()}/api/auth/update-user`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: publicUrl(), cookie: cookie! },
        body: JSON.stringify({ name: "Édouard Éditeur", role: "admin" }),
      }),
    );
    expect(response.status).toBe(404);
    expect(await db.user.findUniqueOrThrow({ where: { email: "journalist@example.com" }, select: { name: true, role: true } })).toEqual({ name: "Jeanne Journaliste", role: "journalist" });
  });
});
