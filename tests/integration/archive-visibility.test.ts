// Who sees the record (issue 15): journalists archive and read every capture in the newsroom;
// readers see only what an editor chose to show, for a public source of a published dossier;
// a confidential source's captures and documents are never public, never listed and never sent
// to the Internet Archive (tested against a fake Save Page Now started here).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { archiveSource } from "@/lib/server/archive/archive-source";
import { getSourceArchive } from "@/lib/server/archive/get-source-archive";
import { claimNextJob, runArchiveJob } from "@/lib/server/archive/run-archive-job";
import { setReaderCopy } from "@/lib/server/archive/set-reader-copy";
import { uploadDocument } from "@/lib/server/archive/upload-document";
import type { CaptureSettings } from "@/lib/server/capture/settings";
import { getPendingChanges } from "../support/use-cases";
import { publishDossier } from "../support/use-cases";
import { getPublicArchive } from "@/lib/server/reader/get-public-archive";
import { getPublicCapture } from "@/lib/server/reader/get-public-capture";
import { getPublishedDossier } from "@/lib/server/reader/get-published-dossier";
import { publicDossierJson } from "@/lib/server/reader/public-json";
import { readPublicFile } from "@/lib/server/reader/read-public-file";
import { createSource } from "@/lib/server/sources/create-source";
import { updateSource } from "@/lib/server/sources/update-source";
import { UploadDocumentSchema } from "@/lib/schemas/archive";
import { parseInput } from "@/lib/schemas/parse";
import { makePdf, scratchStorage, startFixtureServer, testSettings, type FixtureServer } from "../support/archive";
import { db, resetDatabase } from "../support/db";
import { demoActors, dossierWithArticle, type Actors } from "../support/newsroom";

let server: FixtureServer;
const scratch = scratchStorage("visibility");
let spn: { url: string; requests: { method: string; path: string; body: string; auth: string | null }[]; close: () => Promise<void> };
let actors: Actors;
let dossier: { id: string; slug: string; version: number };

/** A fake Save Page Now 2: a job per submission, successful at the first status poll. */
async function startFakeSavePageNow() {
  const requests: { method: string; path: string; body: string; auth: string | null }[] = [];
  const s = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", body, auth: req.headers.authorization ?? null });
      res.setHeader("Content-Type", "application/json");
      if (req.method === "POST" && req.url === "/save") return res.end(JSON.stringify({ url: new URLSearchParams(body).get("url"), job_id: "spn2-abc" }));
      if (req.url === "/save/status/spn2-abc") {
        const submitted = new URLSearchParams(requests.find((r) => r.method === "POST")!.body).get("url");
        return res.end(JSON.stringify({ status: "success", timestamp: "20230912093000", original_url: submitted }));
      }
      res.statusCode = 404;
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, requests, close: () => new Promise<void>((r) => s.close(() => r())) };
}

const withArchive = (): CaptureSettings =>
  testSettings({ internetArchive: { enabled: true, endpoint: spn.url, accessKey: "key", secretKey: "secret", pollMs: 10, maxPolls: 5 } });

beforeAll(async () => {
  server = await startFixtureServer();
  spn = await startFakeSavePageNow();
});
afterAll(async () => {
  await server.close();
  await spn.close();
  scratch.reset();
});
beforeEach(async () => {
  await resetDatabase();
  scratch.reset();
  spn.requests.length = 0;
  actors = await demoActors();
  const d = await dossierWithArticle(actors.journalist);
  dossier = { id: d.id, slug: d.slug, version: d.version };
});

async function source(confidential: boolean, title = confidential ? "Ana's private blog" : "Harbour Gazette") {
  const { source: s } = await createSource(actors.journalist, {
    dossierId: dossier.id, kind: "web-page", title, url: server.url("/page"), publisher: null, author: null, date: null, accessedAt: null,
    reliability: "medium", confidential, publicDescription: confidential ? "A person close to the company" : null, identity: confidential ? "Ana Secret" : null, notes: null,
  });
  return s.id;
}

async function capture(sourceId: string, settings = testSettings()) {
  const { job } = await archiveSource(actors.journalist, { dossierId: dossier.id, sourceId });
  await claimNextJob();
  await runArchiveJob(job.id, settings);
  return (await db.archiveJob.findUniqueOrThrow({ where: { id: job.id } })).captureId!;
}

async function publish() {
  const claims = await db.claim.findMany({ where: { dossierId: dossier.id }, select: { id: true } });
  const current = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { version: true, status: true } });
  // Already published: an update, published once the editor has reviewed the pending changes.
  const reviewed = current.status === "published" ? { reviewedHash: (await getPendingChanges(actors.editor, { dossierId: dossier.id })).workingHash, note: "Sources ajoutées." } : {};
  await publishDossier(actors.editor, { dossierId: dossier.id, version: current.version, ...reviewed, overrideReason: claims.length ? "Test." : null, acknowledgedClaimIds: claims.map((c) => c.id) });
}

describe("readers see only what an editor chose, for public sources of published dossiers", () => {
  it("shows nothing until an editor chooses the capture, then its date and SHA-256", async () => {
    const sourceId = await source(false);
    const captureId = await capture(sourceId);
    await publish();
    expect(await getPublicArchive(dossier.slug)).toEqual({});
    await expect(getPublicCapture(dossier.slug, captureId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readPublicFile({ kind: "capture", id: captureId, file: "warc" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const shown = await setReaderCopy(actors.editor, { dossierId: dossier.id, kind: "capture", recordId: captureId, shown: true });
    expect(shown.readerSlug).toBe(dossier.slug);
    const row = await db.capture.findUniqueOrThrow({ where: { id: captureId } });
    expect(await getPublicArchive(dossier.slug)).toEqual({
      [sourceId]: [{ kind: "capture", id: captureId, at: row.capturedAt.toISOString(), sha256: row.sha256, label: server.url("/page"), mediaType: "text/html", hasScreenshot: false }],
    });
    const copy = await getPublicCapture(dossier.slug, captureId);
    expect(copy).toMatchObject({ sha256: row.sha256, finalUrl: server.url("/page"), httpStatus: 200, sourceTitle: "Harbour Gazette", sourceNumber: 1 });
    expect(copy.text).toContain("awarded the harbour contract");
    const file = await readPublicFile({ kind: "capture", id: captureId, file: "warc" });
    expect(file.mediaType).toBe("application/warc");
    expect(file.inline).toBe(false);
  });

  it("shows nothing of a draft dossier", async () => {
    const captureId = await capture(await source(false));
    await setReaderCopy(actors.editor, { dossierId: dossier.id, kind: "capture", recordId: captureId, shown: true });
    expect(await getPublicArchive(dossier.slug)).toEqual({});
    await expect(readPublicFile({ kind: "capture", id: captureId, file: "warc" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps one archived copy per source: choosing another replaces it", async () => {
    const sourceId = await source(false);
    const first = await capture(sourceId);
    const second = await capture(sourceId);
    await publish();
    await setReaderCopy(actors.editor, { dossierId: dossier.id, kind: "capture", recordId: first, shown: true });
    await setReaderCopy(actors.editor, { dossierId: dossier.id, kind: "capture", recordId: second, shown: true });
    expect((await getPublicArchive(dossier.slug))[sourceId]!.map((c) => c.id)).toEqual([second]);
  });

  it("follows the published version: a source added or renamed since shows only once an editor publishes it", async () => {
    await publish();
    const sourceId = await source(false);
    const captureId = await capture(sourceId);
    await setReaderCopy(actors.editor, { dossierId: dossier.id, kind: "capture", recordId: captureId, shown: true });
    // The source is only in the working copy: readers do not know it yet.
    expect(await getPublicArchive(dossier.slug)).toEqual({});
    await expect(getPublicCapture(dossier.slug, captureId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readPublicFile({ kind: "capture", id: captureId, file: "warc" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await publish();
    expect(Object.keys(await getPublicArchive(dossier.slug))).toEqual([sourceId]);
    // Renamed in the newsroom: readers keep the title they were shown until the next publication.
    const s = await db.source.findUniqueOrThrow({ where: { id: sourceId } });
    await updateSource(actors.journalist, { ...s, kind: "web-page", reliability: "medium", dossierId: dossier.id, sourceId, title: "Renamed in the newsroom", version: s.version });
    expect((await getPublicCapture(dossier.slug, captureId)).sourceTitle).toBe("Harbour Gazette");
    expect((await readPublicFile({ kind: "capture", id: captureId, file: "warc" })).mediaType).toBe("application/warc");
  });

  it("lets only editors and admins choose what readers see", async () => {
    const captureId = await capture(await source(false));
    await expect(setReaderCopy(actors.journalist, { dossierId: dossier.id, kind: "capture", recordId: captureId, shown: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setReaderCopy(actors.anonymous, { dossierId: dossier.id, kind: "capture", recordId: captureId, shown: true })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await db.capture.findUniqueOrThrow({ where: { id: captureId } })).readerCopyAt).toBeNull();
    await setReaderCopy(actors.admin, { dossierId: dossier.id, kind: "capture", recordId: captureId, shown: true });
  });
});

describe("confidential sources", () => {
  it("are captured for the newsroom, never offered to readers, never sent to the Internet Archive", async () => {
    const sourceId = await source(true);
    const captureId = await capture(sourceId, withArchive());
    expect(spn.requests).toEqual([]);
    const row = await db.capture.findUniqueOrThrow({ where: { id: captureId } });
    expect(row.internetArchiveUrl).toBeNull();
    // The newsroom reads it (journalists too: it is what the address they see shows)…
    const newsroom = await getSourceArchive(actors.journalist, { dossierId: dossier.id, sourceId });
    expect(newsroom.captures.map((c) => c.id)).toEqual([captureId]);
    expect(newsroom.can.chooseReaderCopy).toBe(false);
    expect(newsroom.features.internetArchive).toBe(false);
    // …but it is never shown to readers.
    await expect(setReaderCopy(actors.editor, { dossierId: dossier.id, kind: "capture", recordId: captureId, shown: true })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    const document = await uploadDocument(actors.journalist, parseInput(UploadDocumentSchema, { dossierId: dossier.id, sourceId, filename: "Ana-Secret-statement.pdf", bytes: new Uint8Array(makePdf([["I was there."]])) }));
    await expect(setReaderCopy(actors.editor, { dossierId: dossier.id, kind: "document", recordId: document.document.id, shown: true })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    await publish();
    expect(await getPublicArchive(dossier.slug)).toEqual({});
    await expect(getPublicCapture(dossier.slug, captureId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readPublicFile({ kind: "capture", id: captureId, file: "warc" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readPublicFile({ kind: "document", id: document.document.id, file: "original" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Nothing about it in what readers get: not the address, the file name, the hash.
    const everything = JSON.stringify(publicDossierJson(await getPublishedDossier(dossier.slug)));
    for (const secret of [row.sha256, "Ana-Secret", server.url("/page"), captureId]) expect(everything).not.toContain(secret);
  });

  it("disappear from readers when a public source becomes confidential", async () => {
    const sourceId = await source(false);
    const captureId = await capture(sourceId);
    await publish();
    await setReaderCopy(actors.editor, { dossierId: dossier.id, kind: "capture", recordId: captureId, shown: true });
    expect(Object.keys(await getPublicArchive(dossier.slug))).toEqual([sourceId]);
    const s = await db.source.findUniqueOrThrow({ where: { id: sourceId } });
    await updateSource(actors.journalist, { ...s, kind: "web-page", reliability: "medium", dossierId: dossier.id, sourceId, confidential: true, publicDescription: "A local website", version: s.version });
    expect(await getPublicArchive(dossier.slug)).toEqual({});
    await expect(getPublicCapture(dossier.slug, captureId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readPublicFile({ kind: "capture", id: captureId, file: "warc" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("Internet Archive (Save Page Now, off by default)", () => {
  it("submits a public source's address and keeps the Archive's copy", async () => {
    const captureId = await capture(await source(false), withArchive());
    expect(spn.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /save", "GET /save/status/spn2-abc"]);
    expect(spn.requests[0]!.auth).toBe("LOW key:secret");
    expect(new URLSearchParams(spn.requests[0]!.body).get("url")).toBe(server.url("/page"));
    expect((await db.capture.findUniqueOrThrow({ where: { id: captureId } })).internetArchiveUrl).toBe(`https://web.archive.org/web/20230912093000/${server.url("/page")}`);
  });

  it("submits nothing when it is off", async () => {
    await capture(await source(false));
    expect(spn.requests).toEqual([]);
  });

  it("keeps the capture when the Archive fails, and says why", async () => {
    const captureId = await capture(await source(false), testSettings({ internetArchive: { enabled: true, endpoint: "http://127.0.0.1:9", accessKey: "k", secretKey: "s", pollMs: 10, maxPolls: 2 } }));
    const row = await db.capture.findUniqueOrThrow({ where: { id: captureId } });
    expect(row.internetArchiveUrl).toBeNull();
    expect(row.internetArchiveError).toBeTruthy();
  });
});
