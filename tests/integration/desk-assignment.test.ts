// Who checks a claim (the desk filters by it), the newsroom's members to choose from, and a
// dossier's publication record: against the real database, refusals writing nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { deskClaimPath } from "@/lib/domain/desk-links";
import { assignClaim } from "@/lib/server/claims/assign-claim";
import { listDeskClaims } from "@/lib/server/desk/list-desk-claims";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { listPublicationEvents } from "../support/use-cases";
import { publishDossier } from "../support/use-cases";
import { unpublishDossier } from "../support/use-cases";
import { listMembers } from "@/lib/server/users/list-members";
import { db, resetDatabase } from "../support/db";
import { claimVersion, deskSnapshot, dossierVersion, expectRefusedWithoutWrites, seedDesk, type DeskFixture } from "../support/desk";

let f: DeskFixture;

beforeEach(async () => {
  await resetDatabase();
  f = await seedDesk();
});

const assign = async (actor: DeskFixture["journalist"] | DeskFixture["anonymous"], key: keyof DeskFixture["claims"], assigneeId: string | null, over: Record<string, unknown> = {}) => {
  const claim = f.claims[key];
  const dossierId = key === "creation" || key === "recrutement" ? f.published.id : f.dossier.id;
  return assignClaim(actor, { dossierId, claimId: claim.id, version: await claimVersion(claim.id), assigneeId, ...over });
};

describe("assigning a claim", () => {
  it("hands a claim to a colleague, who is told and finds it under “me” at the desk", async () => {
    const { claim, notificationId } = await assign(f.editor, "siege", f.journalist.id);
    expect(claim).toMatchObject({ assigneeId: f.journalist.id, assigneeName: "Julie Journaliste", version: f.claims.siege.version + 1 });
    expect(notificationId).not.toBeNull();

    const mine = await listNotifications(f.journalist, {});
    expect(mine.unreadCount).toBe(1);
    expect(mine.items[0]).toMatchObject({ kind: "claim.assigned", link: deskClaimPath(f.claims.siege.id) });
    expect(mine.items[0]!.message).toContain("Edith Éditrice asked you to check the claim");
    expect(mine.items[0]!.message).toContain("Le bureau des vérifications");

    const desk = await listDeskClaims(f.journalist, { assignee: "me" });
    expect(desk.items.map((c) => c.id)).toEqual([f.claims.siege.id]);
    expect(desk.items[0]!.assignee).toEqual({ id: f.journalist.id, name: "Julie Journaliste" });

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "claim.assign" }, select: { actorId: true, dossierId: true, entityId: true, before: true, after: true } });
    expect(audit).toMatchObject({ actorId: f.editor.id, dossierId: f.dossier.id, entityId: f.claims.siege.id });
    expect(JSON.parse(audit.before!)).toEqual({ assigneeId: null, assigneeName: null });
    expect(JSON.parse(audit.after!)).toMatchObject({ assigneeId: f.journalist.id });
  });

  it("lets a journalist take a claim without notifying themselves, and unassign it again", async () => {
    const taken = await assign(f.journalist, "licenciements", f.journalist.id);
    expect(taken.notificationId).toBeNull();
    expect(await db.notification.count()).toBe(0);
    const released = await assign(f.journalist, "licenciements", null);
    expect(released.claim.assigneeId).toBeNull();
    const unassigned = await listDeskClaims(f.journalist, { assignee: "unassigned", dossierId: f.dossier.id });
    expect(unassigned.items.map((c) => c.id)).toContain(f.claims.licenciements.id);
  });

  it("changes nothing when the claim already has that assignee", async () => {
    await assign(f.editor, "siege", f.journalist2.id);
    const before = await deskSnapshot();
    const again = await assign(f.editor, "siege", f.journalist2.id);
    expect(again.notificationId).toBeNull();
    expect(await deskSnapshot()).toEqual(before);
  });

  it("is refused, writing nothing, for a stale version (with the current assignee), an inactive or unknown person, another dossier's claim, and anonymous callers", async () => {
    await assign(f.editor, "siege", f.journalist2.id);
    await expectRefusedWithoutWrites(() => assign(f.journalist, "siege", f.journalist.id, { version: f.claims.siege.version }), {
      code: "CONFLICT",
      details: { current: { assigneeId: f.journalist2.id, assigneeName: "Jules Reporter" }, savedBy: "Edith Éditrice" },
    });
    await db.user.update({ where: { id: f.journalist2.id }, data: { disabledAt: new Date() } });
    await expectRefusedWithoutWrites(() => assign(f.editor, "chiffre", f.journalist2.id), {
      code: "INVALID_INPUT",
      fieldErrors: { assigneeId: ["Choose an active member of the newsroom."] },
    });
    await expectRefusedWithoutWrites(() => assign(f.editor, "chiffre", "no-such-user"), { code: "INVALID_INPUT" });
    await expectRefusedWithoutWrites(() => assign(f.editor, "creation", f.journalist.id, { dossierId: f.dossier.id }), { code: "NOT_FOUND" });
    await expectRefusedWithoutWrites(() => assign(f.anonymous, "chiffre", f.journalist.id), { code: "UNAUTHENTICATED" });
  });

  it("does not touch what readers see: the claim keeps its verdict and the dossier its version", async () => {
    const version = await dossierVersion(f.published.id);
    const { claim } = await assign(f.editor, "creation", f.journalist.id);
    expect(claim.verdict).toBe("verified");
    expect(await dossierVersion(f.published.id)).toBe(version);
  });
});

describe("the newsroom's members", () => {
  it("lists active members by name, with their role and without their email, to every role", async () => {
    await db.user.update({ where: { id: f.journalist2.id }, data: { disabledAt: new Date() } });
    const members = await listMembers(f.journalist);
    expect(members.map((m) => m.name)).toEqual(["Alice Admin", "Edith Éditrice", "Emile Rédacteur", "Julie Journaliste"]);
    expect(members[0]).toEqual({ id: f.admin.id, name: "Alice Admin", role: "admin" });
    expect(JSON.stringify(members)).not.toContain("@desk.test");
    await expect(listMembers(f.anonymous)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("a dossier's publication record", () => {
  it("lists publications and unpublications newest first, with an override's reason and the claims it covered", async () => {
    const blocking = [f.claims.siege.id, f.claims.chiffre.id, f.claims.licenciements.id];
    await publishDossier(f.editor, { dossierId: f.dossier.id, version: await dossierVersion(f.dossier.id), overrideReason: "Élection demain.", acknowledgedClaimIds: blocking });
    await unpublishDossier(f.editor2, { dossierId: f.dossier.id, version: await dossierVersion(f.dossier.id), reason: "Trop tôt." });
    const events = await listPublicationEvents(f.journalist, { dossierId: f.dossier.id });
    expect(events.map((e) => [e.action, e.actor?.name])).toEqual([
      ["unpublish", "Emile Rédacteur"],
      ["publish", "Edith Éditrice"],
    ]);
    expect(events[1]).toMatchObject({ overrideReason: "Élection demain." });
    expect(events[1]!.blockingClaims.map((c) => c.id)).toEqual(blocking);
    expect(events[1]!.blockingClaims[0]!.text).toBe("Témoin a son siège à Nantes depuis 2019.");
    expect(events[0]).toMatchObject({ overrideReason: null, blockingClaims: [] });
  });

  it("is empty for a dossier never published, not found for an unknown one, and refused to anonymous callers", async () => {
    expect(await listPublicationEvents(f.editor, { dossierId: f.dossier.id })).toEqual([]);
    await expect(listPublicationEvents(f.editor, { dossierId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listPublicationEvents(f.anonymous, { dossierId: f.dossier.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
