// In-product notifications: each person sees and marks only their own.
import { beforeEach, describe, expect, it } from "vitest";
import { countUnreadNotifications } from "@/lib/server/notifications/count-unread-notifications";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { markNotificationRead } from "../support/use-cases";
import { db, resetDatabase } from "../support/db";
import { expectRefusedWithoutWrites, seedDesk, type DeskFixture } from "../support/desk";

let f: DeskFixture;
let mine: string[];
let theirs: string;

beforeEach(async () => {
  await resetDatabase();
  f = await seedDesk();
  mine = [];
  for (const [i, kind] of ["proposal.rejected", "proposal.accepted", "proposal.superseded"].entries()) {
    const n = await db.notification.create({
      data: { userId: f.journalist.id, kind, message: `Message ${i + 1}`, link: "/newsroom/desk/claims/x", createdAt: new Date(Date.UTC(2024, 0, i + 1)) },
    });
    mine.push(n.id);
  }
  theirs = (await db.notification.create({ data: { userId: f.journalist2.id, kind: "proposal.rejected", message: "Pas pour toi" } })).id;
});

describe("listing notifications", () => {
  it("shows a person their own, newest first, with the unread count", async () => {
    const page = await listNotifications(f.journalist);
    expect(page.items.map((n) => n.message)).toEqual(["Message 3", "Message 2", "Message 1"]);
    expect(page).toMatchObject({ total: 3, unreadCount: 3, page: 1, pageCount: 1 });
    expect(page.items[0]).toEqual({ id: mine[2], kind: "proposal.superseded", message: "Message 3", link: "/newsroom/desk/claims/x", readAt: null, createdAt: "2024-01-03T00:00:00.000Z" });
    expect((await listNotifications(f.journalist2)).items.map((n) => n.id)).toEqual([theirs]);
    expect((await listNotifications(f.editor)).items).toEqual([]);
  });

  it("counts a person's own unread ones for the header", async () => {
    expect(await countUnreadNotifications(f.journalist)).toBe(3);
    expect(await countUnreadNotifications(f.journalist2)).toBe(1);
    await markNotificationRead(f.journalist, { notificationId: mine[0]! });
    expect(await countUnreadNotifications(f.journalist)).toBe(2);
    expect(await countUnreadNotifications(f.editor)).toBe(0);
  });

  it("pages, and lists only unread ones on request", async () => {
    await markNotificationRead(f.journalist, { notificationId: mine[2]! });
    const unread = await listNotifications(f.journalist, { unreadOnly: "true" });
    expect(unread.items.map((n) => n.id)).toEqual([mine[1], mine[0]]);
    expect(unread).toMatchObject({ total: 2, unreadCount: 2 });
    const second = await listNotifications(f.journalist, { pageSize: 2, page: 2 });
    expect(second.items.map((n) => n.id)).toEqual([mine[0]]);
    expect(second).toMatchObject({ total: 3, pageCount: 2 });
  });

  it("is refused to anonymous visitors", async () => {
    await expect(listNotifications(f.anonymous)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("marking notifications read", () => {
  it("marks one, audits it, and does nothing the second time", async () => {
    const result = await markNotificationRead(f.journalist, { notificationId: mine[0]! });
    expect(result).toEqual({ marked: 1, unreadCount: 2 });
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine[0]! } })).readAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "notification.read", entityId: mine[0]!, actorId: f.journalist.id } })).toBe(1);
    const before = await db.auditLog.count();
    expect(await markNotificationRead(f.journalist, { notificationId: mine[0]! })).toEqual({ marked: 0, unreadCount: 2 });
    expect(await db.auditLog.count()).toBe(before);
  });

  it("marks all of the person's own, and nobody else's", async () => {
    expect(await markNotificationRead(f.journalist, { all: true })).toEqual({ marked: 3, unreadCount: 0 });
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs } })).readAt).toBeNull();
  });

  it("treats someone else's notification as not found, and writes nothing", async () => {
    await expectRefusedWithoutWrites(() => markNotificationRead(f.journalist, { notificationId: theirs }), { code: "NOT_FOUND" });
  });

  it("refuses an input naming neither one notification nor all, or both", async () => {
    await expectRefusedWithoutWrites(() => markNotificationRead(f.journalist, {}), { code: "INVALID_INPUT", fieldErrors: { notificationId: [expect.any(String)] } });
    await expectRefusedWithoutWrites(() => markNotificationRead(f.journalist, { notificationId: mine[0]!, all: "on" }), { code: "INVALID_INPUT" });
  });

  it("is refused to anonymous visitors", async () => {
    await expectRefusedWithoutWrites(() => markNotificationRead(f.anonymous, { all: true }), { code: "UNAUTHENTICATED" });
  });
});
