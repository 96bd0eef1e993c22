// Admins invite people and set roles; the invited person chooses a password and signs in
// through the real sign-in route; deactivated accounts are out at once.
import { beforeEach, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/schemas/parse";
import { AcceptInvitationSchema } from "@/lib/schemas/auth";
import { actorFromHeaders } from "@/lib/server/auth/get-actor";
import { acceptInvitation } from "@/lib/server/users/accept-invitation";
import { getInvitation } from "@/lib/server/users/get-invitation";
import { inviteUser } from "../support/use-cases";
import { getNewsroomHeader } from "@/lib/server/users/get-newsroom-header";
import { listUsers } from "@/lib/server/users/list-users";
import { revokeInvitation } from "@/lib/server/users/revoke-invitation";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { setUserRole } from "@/lib/server/users/set-user-role";
import { DEMO_PASSWORD } from "@/lib/server/setup/demo-users";
import { cookieHeaders, signInRequest } from "../support/auth";
import { db, resetDatabase } from "../support/db";
import { demoActors, type Actors } from "../support/newsroom";

let actors: Actors;
beforeEach(async () => {
  await resetDatabase();
  actors = await demoActors();
});

const tokenOf = (link: string) => link.split("/invite/")[1]!;

describe("invitations", () => {
  it("creates the account with the chosen password and role; the new member signs in", async () => {
    const invitation = await inviteUser(actors.admin, { email: "new.reporter@example.com", role: "editor" });
    expect(invitation.link).toMatch(/\/invite\/[\w-]{43}$/);
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invitation.invitationId }, select: { tokenHash: true } });
    expect(stored.tokenHash).not.toContain(tokenOf(invitation.link));

    const token = tokenOf(invitation.link);
    expect(await getInvitation(actors.anonymous, token)).toMatchObject({ email: "new.reporter@example.com", role: "editor", invitedBy: actors.admin.name });
    await acceptInvitation(actors.anonymous, { token, name: "New Reporter", password: "a long enough secret" });

    const attempt = await signInRequest("new.reporter@example.com", "a long enough secret");
    expect(attempt.status).toBe(200);
    expect(await actorFromHeaders(cookieHeaders(attempt.cookie))).toMatchObject({ kind: "user", role: "editor", name: "New Reporter" });
    await expect(getInvitation(actors.anonymous, token)).rejects.toMatchObject({ message: expect.stringContaining("already used") });
    await expect(acceptInvitation(actors.anonymous, { token, name: "Again", password: "another long secret" })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    expect(await db.user.count({ where: { email: "new.reporter@example.com" } })).toBe(1);
  });

  it("refuses revoked, expired and unknown invitations, creating nobody", async () => {
    const revoked = await inviteUser(actors.admin, { email: "a@example.com", role: "journalist" });
    await revokeInvitation(actors.admin, { invitationId: revoked.invitationId });
    const expired = await inviteUser(actors.admin, { email: "b@example.com", role: "journalist" });
    await db.invitation.update({ where: { id: expired.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const users = await db.user.count();
    await expect(getInvitation(actors.anonymous, tokenOf(revoked.link))).rejects.toMatchObject({ message: expect.stringContaining("withdrawn") });
    await expect(getInvitation(actors.anonymous, tokenOf(expired.link))).rejects.toMatchObject({ message: expect.stringContaining("expired") });
    await expect(getInvitation(actors.anonymous, "made-up-token")).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const link of [revoked.link, expired.link]) {
      await expect(acceptInvitation(actors.anonymous, { token: tokenOf(link), name: "X", password: "long enough password" })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    }
    expect(await db.user.count()).toBe(users);
  });

  it("replaces a pending invitation for the same address, and refuses an address that has an account", async () => {
    const first = await inviteUser(actors.admin, { email: "c@example.com", role: "journalist" });
    await inviteUser(actors.admin, { email: "c@example.com", role: "editor" });
    await expect(getInvitation(actors.anonymous, tokenOf(first.link))).rejects.toMatchObject({ message: expect.stringContaining("withdrawn") });
    await expect(inviteUser(actors.admin, { email: "editor@example.com", role: "admin" })).rejects.toMatchObject({ fieldErrors: { email: [expect.stringContaining("already has an account")] } });
    expect((await listUsers(actors.admin)).invitations.map((i) => [i.email, i.role, i.state])).toEqual([
      ["c@example.com", "editor", "pending"],
      ["c@example.com", "journalist", "revoked"],
    ]);
  });

  it("asks for a long enough password, typed twice the same (the form's schema)", () => {
    expect(() => parseInput(AcceptInvitationSchema, { token: "t", name: "N", password: "short", passwordConfirm: "other" })).toThrow(
      expect.objectContaining({ fieldErrors: { password: ["Use at least 12 characters."], passwordConfirm: ["The two passwords differ."] } }),
    );
  });
});

describe("roles and deactivation", () => {
  it("applies a role change on the member's next request", async () => {
    const attempt = await signInRequest("journalist@example.com", DEMO_PASSWORD);
    await setUserRole(actors.admin, { userId: actors.journalist.id, role: "editor" });
    expect(await actorFromHeaders(cookieHeaders(attempt.cookie))).toMatchObject({ role: "editor" });
    expect(await db.auditLog.count({ where: { action: "user.set-role", entityId: actors.journalist.id } })).toBe(1);
  });

  it("never lets an admin change their own role, nor remove the last active admin", async () => {
    await expect(setUserRole(actors.admin, { userId: actors.admin.id, role: "journalist" })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    await expect(setUserActive(actors.admin, { userId: actors.admin.id, active: false })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    const other = await db.user.create({ data: { email: "admin2@example.com", name: "Second admin", role: "admin" }, select: { id: true } });
    const second = { kind: "user" as const, id: other.id, role: "admin" as const, email: "admin2@example.com", name: "Second admin" };
    await setUserActive(actors.admin, { userId: other.id, active: false });
    await expect(setUserRole(second, { userId: actors.admin.id, role: "editor" })).rejects.toMatchObject({ message: expect.stringContaining("last active admin") });
    expect((await db.user.findUniqueOrThrow({ where: { id: actors.admin.id } })).role).toBe("admin");
  });

  it("signs a deactivated member out everywhere and lets them back in once reactivated", async () => {
    const open = await signInRequest("journalist@example.com", DEMO_PASSWORD);
    await setUserActive(actors.admin, { userId: actors.journalist.id, active: false });
    expect(await db.session.count({ where: { userId: actors.journalist.id } })).toBe(0);
    expect(await actorFromHeaders(cookieHeaders(open.cookie))).toEqual({ kind: "anonymous" });
    expect((await signInRequest("journalist@example.com", DEMO_PASSWORD, "203.0.113.50")).status).toBe(403);
    await setUserActive(actors.admin, { userId: actors.journalist.id, active: true });
    expect((await signInRequest("journalist@example.com", DEMO_PASSWORD, "203.0.113.51")).status).toBe(200);
  });
});

describe("the newsroom header", () => {
  it("says what each role may open and do, as the permission table does, with its unread count", async () => {
    const header = (a: Parameters<typeof getNewsroomHeader>[0]) => getNewsroomHeader(a);
    expect((await header(actors.journalist)).can).toEqual({ manageUsers: false, manageWebhooks: false, seeArchive: false, restoreDossiers: false, manageAllTokens: false });
    expect((await header(actors.editor)).can).toEqual({ manageUsers: false, manageWebhooks: false, seeArchive: true, restoreDossiers: false, manageAllTokens: false });
    expect((await header(actors.admin)).can).toEqual({ manageUsers: true, manageWebhooks: true, seeArchive: true, restoreDossiers: true, manageAllTokens: true });
    await db.notification.create({ data: { userId: actors.editor.id, kind: "claim.assigned", message: "m", link: "/newsroom" } });
    expect((await header(actors.editor)).unread).toBe(1);
    await expect(header(actors.anonymous)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
