// A member who forgot their password: an admin makes a one-time link, the member chooses a new
// password there and signs in with it through the real sign-in route. Every refusal writes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { ResetPasswordSchema } from "@/lib/schemas/auth";
import { parseInput } from "@/lib/schemas/parse";
import { actorFromHeaders } from "@/lib/server/auth/get-actor";
import { DEMO_PASSWORD } from "@/lib/server/setup/demo-users";
import { createPasswordReset } from "@/lib/server/users/create-password-reset";
import { getPasswordReset, resetPassword } from "@/lib/server/users/reset-password";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { cookieHeaders, signInRequest } from "../support/auth";
import { db, resetDatabase } from "../support/db";
import { demoActors, type Actors } from "../support/newsroom";

let actors: Actors;
beforeEach(async () => {
  await resetDatabase();
  actors = await demoActors();
});

const tokenOf = (link: string) => link.split("/login/reset/")[1]!;
const NEW_PASSWORD = "a brand new passphrase";

/** What a refused use of a link could have changed. */
async function snapshot() {
  return {
    accounts: await db.account.findMany({ select: { userId: true, password: true }, orderBy: { userId: "asc" } }),
    sessions: await db.session.count(),
    resets: await db.passwordReset.findMany({ select: { id: true, usedAt: true, revokedAt: true }, orderBy: { id: "asc" } }),
    audit: await db.auditLog.count(),
  };
}

describe("password-reset links", () => {
  it("lets the member choose a new password and sign in with it; the old one stops working", async () => {
    const reset = await createPasswordReset(actors.admin, { userId: actors.journalist.id });
    expect(reset.link).toMatch(/\/login\/reset\/[\w-]{43}$/);
    const stored = await db.passwordReset.findFirstOrThrow({ where: { userId: actors.journalist.id }, select: { tokenHash: true } });
    expect(stored.tokenHash).not.toContain(tokenOf(reset.link));
    expect(await getPasswordReset(actors.anonymous, tokenOf(reset.link))).toMatchObject({ email: "journalist@example.com", name: actors.journalist.name });

    // Until the link is used, the current password still works: a link nobody asked for locks nobody out.
    expect((await signInRequest("journalist@example.com", DEMO_PASSWORD)).status).toBe(200);

    await resetPassword(actors.anonymous, { token: tokenOf(reset.link), password: NEW_PASSWORD });
    expect((await signInRequest("journalist@example.com", DEMO_PASSWORD)).status).toBe(401);
    const attempt = await signInRequest("journalist@example.com", NEW_PASSWORD);
    expect(attempt.status).toBe(200);
    expect(await actorFromHeaders(cookieHeaders(attempt.cookie))).toMatchObject({ kind: "user", email: "journalist@example.com", role: "journalist" });
    const audit = await db.auditLog.findMany({ where: { entityId: actors.journalist.id, action: { not: "user.create-demo" } }, select: { action: true, actorId: true, after: true }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["password-reset.create", actors.admin.id],
      ["user.reset-password", actors.journalist.id],
    ]);
    expect(JSON.stringify(audit)).not.toContain(tokenOf(reset.link));
  });

  it("signs the member out everywhere, and clears a lock-out from failed attempts", async () => {
    const open = await signInRequest("editor@example.com", DEMO_PASSWORD);
    for (let i = 0; i < env.SIGNIN_ACCOUNT_LIMIT; i++) await signInRequest("editor@example.com", `forgotten-${i}`, `198.51.100.${i + 1}`);
    expect((await signInRequest("editor@example.com", DEMO_PASSWORD, "198.51.100.99")).status).toBe(429);

    const reset = await createPasswordReset(actors.admin, { userId: actors.editor.id });
    await resetPassword(actors.anonymous, { token: tokenOf(reset.link), password: NEW_PASSWORD });
    expect(await actorFromHeaders(cookieHeaders(open.cookie))).toEqual({ kind: "anonymous" });
    expect(await db.session.count({ where: { userId: actors.editor.id } })).toBe(0);
    expect((await signInRequest("editor@example.com", NEW_PASSWORD, "198.51.100.100")).status).toBe(200);
  });

  it("works once; a newer link replaces an older one; an expired one is refused, changing nothing", async () => {
    const first = await createPasswordReset(actors.admin, { userId: actors.journalist.id });
    const second = await createPasswordReset(actors.admin, { userId: actors.journalist.id });
    const expired = await createPasswordReset(actors.admin, { userId: actors.editor.id });
    await db.passwordReset.updateMany({ where: { userId: actors.editor.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    await expect(getPasswordReset(actors.anonymous, tokenOf(first.link))).rejects.toMatchObject({ message: expect.stringContaining("replaced by a newer one") });
    await expect(getPasswordReset(actors.anonymous, tokenOf(expired.link))).rejects.toMatchObject({ message: expect.stringContaining("expired") });
    await expect(getPasswordReset(actors.anonymous, "made-up-token")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const before = await snapshot();
    for (const token of [tokenOf(first.link), tokenOf(expired.link), "made-up-token"]) {
      await expect(resetPassword(actors.anonymous, { token, password: NEW_PASSWORD })).rejects.toMatchObject({ code: expect.stringMatching(/RULE_VIOLATION|NOT_FOUND/) });
    }
    expect(await snapshot()).toEqual(before);

    await resetPassword(actors.anonymous, { token: tokenOf(second.link), password: NEW_PASSWORD });
    const afterUse = await snapshot();
    await expect(resetPassword(actors.anonymous, { token: tokenOf(second.link), password: "someone else's choice" })).rejects.toMatchObject({ message: expect.stringContaining("already used") });
    expect(await snapshot()).toEqual(afterUse);
    expect((await signInRequest("journalist@example.com", NEW_PASSWORD)).status).toBe(200);
  });

  it("is refused for a deactivated account, before and after the link is made", async () => {
    const reset = await createPasswordReset(actors.admin, { userId: actors.journalist.id });
    await setUserActive(actors.admin, { userId: actors.journalist.id, active: false });
    const before = await snapshot();
    await expect(resetPassword(actors.anonymous, { token: tokenOf(reset.link), password: NEW_PASSWORD })).rejects.toMatchObject({ message: expect.stringContaining("deactivated") });
    await expect(createPasswordReset(actors.admin, { userId: actors.journalist.id })).rejects.toMatchObject({ code: "RULE_VIOLATION", message: expect.stringContaining("reactivate it first") });
    expect(await snapshot()).toEqual(before);
  });

  it.each(["journalist", "editor", "anonymous"] as const)("only admins make links: refused for %s, with nothing written", async (role) => {
    const before = await snapshot();
    await expect(createPasswordReset(actors[role], { userId: actors.admin.id })).rejects.toMatchObject({ code: role === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);
  });

  it("asks for a long enough new password, typed twice the same (the form's schema)", () => {
    expect(() => parseInput(ResetPasswordSchema, { token: "t", password: "short", passwordConfirm: "other" })).toThrow(
      expect.objectContaining({ fieldErrors: { password: ["Use at least 12 characters."], passwordConfirm: ["The two passwords differ."] } }),
    );
    expect(parseInput(ResetPasswordSchema, { token: "t", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).toMatchObject({ password: NEW_PASSWORD });
  });
});
