// Discussions on claims and sources (issue 12.4, docs/decisions/110): threads, replies, @mentions
// that notify the person mentioned (and nobody else), resolving and reopening, role by role, the
// audit log — and never a word of it in anything a reader, a feed, a webhook or an export gets.
import { beforeEach, describe, expect, it } from "vitest";
import { findComment } from "@/lib/server/comments/find-comment";
import { listComments } from "@/lib/server/comments/list-comments";
import { postComment, resolveThread } from "../support/use-cases";
import { exportDossier } from "@/lib/server/export/export-dossier";
import { timelineJs } from "@/lib/server/feeds/timeline-js";
import { updateFeed } from "@/lib/server/feeds/update-feed";
import { verdictFeed } from "@/lib/server/feeds/verdict-feed";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { getPublishedVersion } from "@/lib/server/reader/get-published-dossier";
import { listPublishedDossiers } from "@/lib/server/reader/list-published-dossiers";
import { dossierClaimReviews, publicDossierJson } from "@/lib/server/reader/public-json";
import { rebuildSearchIndex } from "@/lib/server/search/search-index";
import { searchNewsroom } from "@/lib/server/search/search-newsroom";
import { searchPublished } from "@/lib/server/search/search-published";
import { createWebhookEndpoint } from "../support/use-cases";
import { WEBHOOK_EVENTS } from "@/lib/domain/webhooks";
import { db, resetDatabase } from "../support/db";
import { seedDesk, type DeskFixture } from "../support/desk";
import { tableCounts } from "../support/newsroom";
import { publishedAfterChanges } from "../support/reader";

let f: DeskFixture;
let claimId: string;
let publicSourceId: string | null;
let confidentialSourceId: string;

beforeEach(async () => {
  await resetDatabase();
  f = await seedDesk();
  claimId = f.claims.creation.id;
  const sources = await db.source.findMany({ where: { dossierId: f.published.id }, select: { id: true, confidential: true } });
  confidentialSourceId = sources.find((s) => s.confidential)!.id;
  publicSourceId = sources.find((s) => !s.confidential)?.id ?? null;
});

/** Every row of every table, to prove that a refused call wrote nothing at all. */
async function everything() {
  return { counts: await tableCounts(), comments: await db.comment.findMany({ orderBy: { id: "asc" } }), threads: await db.commentThread.findMany({ orderBy: { id: "asc" } }) };
}

async function refusedWithoutWrites(run: () => Promise<unknown>, expected: Record<string, unknown>) {
  const before = await everything();
  await expect(run()).rejects.toMatchObject(expected);
  expect(await everything()).toEqual(before);
}

const onClaim = (body: string) => ({ targetType: "claim" as const, targetId: claimId, body });

describe("posting and replying", () => {
  it("starts a thread on a claim, takes replies in order, and shows them to every role", async () => {
    const first = await postComment(f.journalist, onClaim("Is the founding date from the registry?"));
    const reply = await postComment(f.editor, { threadId: first.threadId, body: "Yes, the extract is attached." });
    const again = await postComment(f.journalist, { threadId: first.threadId, body: "Thanks." });
    expect(reply.threadId).toBe(first.threadId);
    for (const actor of [f.journalist, f.editor, f.admin]) {
      const view = await listComments(actor, { targetType: "claim", targetId: claimId });
      expect(view.threads).toHaveLength(1);
      expect(view.threads[0]!.comments.map((c) => [c.id, c.authorName, c.body])).toEqual([
        [first.commentId, "Julie Journaliste", "Is the founding date from the registry?"],
        [reply.commentId, "Edith Éditrice", "Yes, the extract is attached."],
        [again.commentId, "Julie Journaliste", "Thanks."],
      ]);
      expect(view.canWrite).toBe(true);
    }
    // A second thread is its own.
    await postComment(f.editor2, onClaim("Separate point: the wording."));
    expect((await listComments(f.admin, { targetType: "claim", targetId: claimId })).threads.map((t) => t.comments.length)).toEqual([3, 1]);
  });

  it("audits every comment with its text, author and thread", async () => {
    const { commentId, threadId } = await postComment(f.journalist, onClaim("Check with the registry."));
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityType: "comment", entityId: commentId } });
    expect(entry).toMatchObject({ action: "comment.posted", actorId: f.journalist.id, dossierId: f.published.id, dossierSlug: "mini" });
    expect(JSON.parse(entry.after!)).toMatchObject({ threadId, claimId, body: "Check with the registry.", reply: false, mentioned: [] });
  });

  it("keeps the text as written, trimmed at the ends, within its limit", async () => {
    const body = "Line one\n\n  indented line two";
    const { commentId } = await postComment(f.journalist, onClaim(`  ${body}\n`));
    expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).body).toBe(body);
    await expect(postComment(f.journalist, onClaim("x".repeat(5000)))).resolves.toBeDefined();
  });
});

describe("mentions", () => {
  it("notifies the member mentioned, only them, with a link to the comment", async () => {
    const { commentId, mentioned, notificationIds } = await postComment(f.journalist, onClaim("@Edith Éditrice can you confirm the date? (not @Edith Éditrices, not journalist@desk.test)"));
    expect(mentioned).toEqual([{ id: f.editor.id, name: "Edith Éditrice" }]);
    expect(notificationIds).toHaveLength(1);
    const rows = await db.notification.findMany({ select: { userId: true, kind: true, link: true, message: true } });
    expect(rows).toEqual([{ userId: f.editor.id, kind: "comment.mention", link: `/newsroom/comments/${commentId}`, message: expect.stringContaining("Julie Journaliste mentioned you") }]);
    expect((await listNotifications(f.editor)).items.map((n) => n.link)).toEqual([`/newsroom/comments/${commentId}`]);
    for (const other of [f.journalist, f.journalist2, f.editor2, f.admin]) expect((await listNotifications(other)).total).toBe(0);
    // The link leads to the claim's page in its dossier.
    expect(await findComment(f.editor, { commentId })).toEqual({ commentId, dossierSlug: "mini", targetType: "claim", targetId: claimId });
  });

  it("matches names whatever their case, each person once, the longest name first, never the author", async () => {
    await db.user.create({ data: { email: "edith2@desk.test", name: "Edith", role: "journalist" } });
    const { mentioned } = await postComment(f.journalist, onClaim("@edith éditrice and @EDITH ÉDITRICE again, @Jules Reporter, and me: @Julie Journaliste"));
    expect(mentioned.map((m) => m.name)).toEqual(["Edith Éditrice", "Jules Reporter"]);
    expect((await db.notification.findMany({ select: { userId: true } })).map((n) => n.userId).sort()).toEqual([f.editor.id, f.journalist2.id].sort());
  });

  it("never notifies a deactivated member", async () => {
    await db.user.update({ where: { id: f.editor2.id }, data: { disabledAt: new Date() } });
    expect((await postComment(f.journalist, onClaim("@Emile Rédacteur?"))).mentioned).toEqual([]);
    expect(await db.notification.count()).toBe(0);
  });

  it("on a confidential source, notifies only members who may read its identity", async () => {
    const { mentioned } = await postComment(f.editor, { targetType: "source", targetId: confidentialSourceId, body: "@Julie Journaliste @Emile Rédacteur: is she still reachable?" });
    expect(mentioned.map((m) => m.name)).toEqual(["Emile Rédacteur"]);
    const [n] = await db.notification.findMany({ select: { userId: true, message: true } });
    expect(n!.userId).toBe(f.editor2.id);
    // The notification names the source as readers would, not by its title.
    const source = await db.source.findUniqueOrThrow({ where: { id: confidentialSourceId }, select: { title: true, identity: true, publicDescription: true } });
    expect(n!.message).toContain(source.publicDescription!);
    expect(n!.message).not.toContain(source.title);
  });
});

describe("resolving", () => {
  it("resolves and reopens a thread, keeping every comment, audited, and refuses replies while resolved", async () => {
    const { threadId } = await postComment(f.journalist, onClaim("Date?"));
    await postComment(f.editor, { threadId, body: "Confirmed." });
    expect(await resolveThread(f.editor, { threadId, resolved: true })).toEqual({ threadId, resolved: true, changed: true });
    let view = await listComments(f.journalist, { targetType: "claim", targetId: claimId });
    expect(view.threads[0]).toMatchObject({ resolvedByName: "Edith Éditrice", resolvedAt: expect.any(String) });
    expect(view.threads[0]!.comments).toHaveLength(2);
    // Resolving again changes nothing and records nothing.
    expect(await resolveThread(f.admin, { threadId, resolved: true })).toMatchObject({ changed: false });
    await refusedWithoutWrites(() => postComment(f.journalist, { threadId, body: "One more thing" }), { code: "CONFLICT" });
    expect(await resolveThread(f.journalist, { threadId, resolved: false })).toMatchObject({ resolved: false, changed: true });
    view = await listComments(f.journalist, { targetType: "claim", targetId: claimId });
    expect(view.threads[0]).toMatchObject({ resolvedAt: null, resolvedByName: null });
    await postComment(f.journalist, { threadId, body: "One more thing" });
    const actions = await db.auditLog.findMany({ where: { action: { startsWith: "comment." } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true, actorId: true } });
    expect(actions.map((a) => a.action)).toEqual(["comment.posted", "comment.posted", "comment.resolved", "comment.reopened", "comment.posted"]);
    expect(actions[2]!.actorId).toBe(f.editor.id);
  });
});

describe("who may discuss what", () => {
  it("refuses anonymous visitors everything, writing nothing", async () => {
    const { threadId, commentId } = await postComment(f.journalist, onClaim("Date?"));
    await refusedWithoutWrites(() => postComment(f.anonymous, onClaim("Hello")), { code: "UNAUTHENTICATED" });
    await refusedWithoutWrites(() => postComment(f.anonymous, { threadId, body: "Hello" }), { code: "UNAUTHENTICATED" });
    await refusedWithoutWrites(() => resolveThread(f.anonymous, { threadId, resolved: true }), { code: "UNAUTHENTICATED" });
    await expect(listComments(f.anonymous, { targetType: "claim", targetId: claimId })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(findComment(f.anonymous, { commentId })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses the system actors (a comment is a person's) and read-only API tokens", async () => {
    await refusedWithoutWrites(() => postComment(f.system, onClaim("Imported?")), { code: "FORBIDDEN" });
    await refusedWithoutWrites(() => postComment({ ...f.editor, token: { id: "t", scope: "read" } }, onClaim("Read token")), { code: "FORBIDDEN" });
  });

  it("keeps a confidential source's discussion to editors and admins", async () => {
    const { threadId, commentId } = await postComment(f.editor, { targetType: "source", targetId: confidentialSourceId, body: "She asked not to be called before Friday." });
    await postComment(f.admin, { threadId, body: "Noted." });
    expect((await listComments(f.admin, { targetType: "source", targetId: confidentialSourceId })).threads[0]!.comments).toHaveLength(2);
    for (const journalist of [f.journalist, f.journalist2]) {
      await expect(listComments(journalist, { targetType: "source", targetId: confidentialSourceId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(findComment(journalist, { commentId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await refusedWithoutWrites(() => postComment(journalist, { targetType: "source", targetId: confidentialSourceId, body: "Who is she?" }), { code: "FORBIDDEN" });
      await refusedWithoutWrites(() => postComment(journalist, { threadId, body: "Who is she?" }), { code: "FORBIDDEN" });
      await refusedWithoutWrites(() => resolveThread(journalist, { threadId, resolved: true }), { code: "FORBIDDEN" });
    }
    // Discussions are not in the newsroom's search either (only the pages show them).
    await rebuildSearchIndex();
    for (const actor of [f.journalist, f.editor]) expect((await searchNewsroom(actor, { q: "Friday" })).results).toEqual([]);
  });

  it("lets every member discuss a public source", async () => {
    if (!publicSourceId) throw new Error("the mini fixture has no public source");
    const { threadId } = await postComment(f.journalist, { targetType: "source", targetId: publicSourceId, body: "The page moved." });
    await postComment(f.editor, { threadId, body: "Archived it." });
    expect((await listComments(f.journalist2, { targetType: "source", targetId: publicSourceId })).threads[0]!.comments).toHaveLength(2);
  });

  it("answers not found for a claim, a source, a thread or a comment that does not exist", async () => {
    await refusedWithoutWrites(() => postComment(f.journalist, { targetType: "claim", targetId: "nope", body: "Hello" }), { code: "NOT_FOUND" });
    await refusedWithoutWrites(() => postComment(f.journalist, { targetType: "source", targetId: "nope", body: "Hello" }), { code: "NOT_FOUND" });
    await refusedWithoutWrites(() => postComment(f.journalist, { threadId: "nope", body: "Hello" }), { code: "NOT_FOUND" });
    await refusedWithoutWrites(() => resolveThread(f.journalist, { threadId: "nope", resolved: true }), { code: "NOT_FOUND" });
    await expect(findComment(f.journalist, { commentId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("bad input", () => {
  it.each([
    ["an empty comment", onClaim("   "), "body"],
    ["a comment over 5,000 characters", onClaim("x".repeat(5001)), "body"],
    ["a NUL character", onClaim("Before\u0000after"), "body"],
    ["a lone surrogate", onClaim("Half an emoji \uD83D"), "body"],
    ["no subject and no thread", { body: "Floating" }, "threadId"],
    ["both a subject and a thread", { ...onClaim("Both"), threadId: "x" }, "threadId"],
    ["an unknown kind of subject", { targetType: "quote", targetId: "x", body: "Quote?" }, "targetType"],
  ])("refuses %s, naming the field, and writes nothing", async (_what, input, field) => {
    const before = await everything();
    const error = await postComment(f.journalist, input as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { [field]: [expect.any(String)] } });
    expect(await everything()).toEqual(before);
  });

  it("refuses a resolve without its state", async () => {
    const { threadId } = await postComment(f.journalist, onClaim("Date?"));
    await refusedWithoutWrites(() => resolveThread(f.journalist, { threadId } as never), { code: "INVALID_INPUT" });
  });
});

describe("never public", () => {
  const SECRET = "Zorglub-internal-remark";

  it("never puts a comment in reader pages, public JSON, feeds, reader search, webhooks or the dossier export", async () => {
    await createWebhookEndpoint(f.admin, { url: "https://hooks.example.org/dossier", events: [...WEBHOOK_EVENTS] });
    const deliveriesBefore = await db.webhookDelivery.count();
    const { threadId } = await postComment(f.journalist, onClaim(`${SECRET} on the claim, @Edith Éditrice`));
    await postComment(f.editor, { threadId, body: `${SECRET} reply` });
    await resolveThread(f.editor, { threadId, resolved: true });
    await postComment(f.editor, { targetType: "source", targetId: confidentialSourceId, body: `${SECRET} on the confidential source` });
    if (publicSourceId) await postComment(f.journalist, { targetType: "source", targetId: publicSourceId, body: `${SECRET} on the public source` });
    // No webhook event for a comment.
    expect(await db.webhookDelivery.count()).toBe(deliveriesBefore);

    const dossier = await publishedAfterChanges("mini");
    const claimText = (await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { text: true } })).text;
    const list = await listPublishedDossiers();
    await rebuildSearchIndex();
    const reader = JSON.stringify([
      dossier,
      publicDossierJson(dossier),
      dossierClaimReviews(dossier),
      await getPublishedVersion("mini", dossier.version),
      list,
      verdictFeed([dossier], null),
      verdictFeed([dossier], dossier),
      updateFeed([dossier], dossier),
      timelineJs(dossier),
      (await searchPublished({ q: "Zorglub" }, "fr")).results,
      (await searchPublished({ q: "Zorglub" }, "en")).results,
    ]);
    // What readers get does hold the claim the comments are about…
    expect(reader).toContain(claimText);
    // …and none of the discussion.
    expect(reader).not.toContain(SECRET);

    const { files } = await exportDossier(f.editor, { dossierId: f.published.id, includeConfidential: true, includeFiles: false });
    const exported = files.map((file) => (typeof file.content === "string" ? file.content : new TextDecoder().decode(file.content))).join("\n");
    expect(exported).toContain(claimText);
    expect(exported).not.toContain(SECRET);

    // The newsroom keeps every word.
    expect(await db.comment.count({ where: { body: { contains: SECRET } } })).toBe(publicSourceId ? 4 : 3);
  });
});
