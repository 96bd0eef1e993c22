// Capturing web sources (issue 15): pages from a server this test starts on localhost — a redirect,
// a page that changes between two captures, a slow page, a huge one, responses that are not
// pages — through the real job queue, storage and database. Every failure stores nothing.
import { WARCParser } from "warcio";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { archiveSource } from "@/lib/server/archive/archive-source";
import { getCapture } from "@/lib/server/archive/get-capture";
import { getSourceArchive } from "@/lib/server/archive/get-source-archive";
import { checkClaimExcerpts } from "@/lib/server/archive/check-claim-excerpts";
import { claimNextJob, failInterruptedJobs, runArchiveJob } from "@/lib/server/archive/run-archive-job";
import type { CaptureSettings } from "@/lib/server/capture/settings";
import { createClaim } from "@/lib/server/claims/create-claim";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { createSource } from "@/lib/server/sources/create-source";
import { deleteSource } from "@/lib/server/sources/delete-source";
import { keyForHash, readFile, sha256Hex } from "@/lib/server/storage";
import { env } from "@/lib/env";
import { listKeys, scratchStorage, startFixtureServer, systemChromium, testSettings, type FixtureServer } from "../support/archive";
import { db, resetDatabase } from "../support/db";
import { demoActors, dossierWithArticle, selectionOf, type Actors } from "../support/newsroom";

let server: FixtureServer;
const scratch = scratchStorage("capture");
let actors: Actors;
let dossierId: string;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
  scratch.reset();
});
beforeEach(async () => {
  await resetDatabase();
  scratch.reset();
  actors = await demoActors();
  dossierId = (await dossierWithArticle(actors.journalist)).id;
});

async function sourceFor(url: string | null, confidential = false) {
  const { source } = await createSource(actors.journalist, {
    dossierId, kind: "web-page", title: "Harbour Gazette", url, publisher: null, author: null, date: null, accessedAt: null,
    reliability: "medium", confidential, publicDescription: confidential ? "A local website" : null, identity: null, notes: null,
  });
  return source.id;
}

/** "Archive now", then the worker's turn: the job claimed and run with these settings. */
async function archive(sourceId: string, settings: CaptureSettings = testSettings()) {
  const { job } = await archiveSource(actors.journalist, { dossierId, sourceId });
  expect(job.status).toBe("queued");
  const claimed = await claimNextJob();
  expect(claimed).toBe(job.id);
  const outcome = await runArchiveJob(job.id, settings);
  return { outcome, job: await db.archiveJob.findUniqueOrThrow({ where: { id: job.id } }) };
}

async function parseWarc(bytes: Uint8Array) {
  const parser = new WARCParser([bytes]);
  const records: { type: string; url: string | null; status: number | null; body: string; headers: Headers | Map<string, string> | null }[] = [];
  for await (const record of parser) {
    const body = new TextDecoder().decode(await record.readFully(false));
    records.push({ type: record.warcType ?? "", url: record.warcTargetURI ?? null, status: record.httpHeaders ? Number(record.httpHeaders.statusCode) : null, body, headers: null });
  }
  return records;
}

describe("capturing a page", () => {
  it("follows redirects and keeps the exchange as a WARC file, the readable text and the record, content-addressed", async () => {
    const sourceId = await sourceFor(server.url("/redirect"));
    const { outcome, job } = await archive(sourceId);
    expect(outcome).toBe("succeeded");
    expect(job).toMatchObject({ status: "succeeded", stage: "done", errorCode: null });
    const capture = await db.capture.findUniqueOrThrow({ where: { id: job.captureId! } });
    expect(capture).toMatchObject({ requestedUrl: server.url("/redirect"), finalUrl: server.url("/page"), httpStatus: 200, contentType: "text/html", pageTitle: "Nordmarine wins the harbour contract" });
    // The readable text: the article, not the menu or the footer, and no script ran.
    expect(capture.text).toContain("The city council awarded the harbour contract to Nordmarine");
    expect(capture.text).not.toContain("Harbour Gazette");
    expect(capture.text).not.toContain("script ran");
    // Content-addressed: the WARC is stored under its SHA-256, which is the capture's.
    const warc = await readFile(capture.sha256);
    expect(warc).not.toBeNull();
    expect(sha256Hex(warc!)).toBe(capture.sha256);
    expect(capture.warcSize).toBe(warc!.byteLength);
    expect(capture.textSha256).toBe(sha256Hex(new TextEncoder().encode(capture.text)));
    expect(await listKeys(scratch.storage)).toEqual([keyForHash(capture.sha256)]);
    // A standard WARC: warcinfo, then request/response pairs for each hop, then the text.
    const records = await parseWarc(warc!);
    expect(records[0]!.type).toBe("warcinfo");
    const responses = records.filter((r) => r.type === "response");
    expect(responses.map((r) => [r.url, r.status])).toEqual([
      [server.url("/redirect"), 302],
      [server.url("/moved"), 301],
      [server.url("/page"), 200],
    ]);
    expect(records.filter((r) => r.type === "request")).toHaveLength(3);
    expect(responses[2]!.body).toContain("<article><h1>Nordmarine wins the harbour contract</h1>");
    expect(records.find((r) => r.type === "conversion")!.body).toBe(capture.text);
    // Tool versions and capture time.
    expect(JSON.parse(capture.tools)).toMatchObject({ warcio: "2.4.11", "@mozilla/readability": "0.6.0", jsdom: "29.1.1" });
    expect(Math.abs(capture.capturedAt.getTime() - Date.now())).toBeLessThan(60_000);
    // Audited, on behalf of the journalist who asked.
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "capture.create" } });
    expect(audit.actorId).toBe(actors.journalist.id);
  });

  it("keeps both captures of a page that changed and shows what changed in the text", async () => {
    const sourceId = await sourceFor(server.url("/changing"));
    server.setChanging(`<!doctype html><title>Contract</title><article><p>The contract was worth 12 million euros, the council said in its statement on Monday evening.</p><p>Work starts in June.</p></article>`);
    const first = await archive(sourceId);
    server.setChanging(`<!doctype html><title>Contract</title><article><p>The contract was worth 15 million euros, the council said in its statement on Monday evening.</p><p>Work starts in June.</p></article>`);
    const second = await archive(sourceId);
    expect(first.outcome).toBe("succeeded");
    expect(second.outcome).toBe("succeeded");
    expect(second.job.captureId).not.toBe(first.job.captureId);
    const view = await getSourceArchive(actors.editor, { dossierId, sourceId });
    expect(view.captures.map((c) => c.id)).toEqual([second.job.captureId, first.job.captureId]);
    expect(view.captures[0]!.sha256).not.toBe(view.captures[1]!.sha256);
    const detail = await getCapture(actors.journalist, { dossierId, captureId: second.job.captureId! });
    expect(detail.previous?.id).toBe(first.job.captureId);
    expect(detail.previous?.diff.identical).toBe(false);
    const removed = detail.previous!.diff.rows.flatMap((r) => ("parts" in r && r.kind === "removed" ? r.parts.filter((p) => p.kind === "removed").map((p) => p.value) : []));
    const added = detail.previous!.diff.rows.flatMap((r) => ("parts" in r && r.kind === "added" ? r.parts.filter((p) => p.kind === "added").map((p) => p.value) : []));
    expect(removed.join("")).toContain("12");
    expect(added.join("")).toContain("15");
    // Two WARC files, both kept.
    expect(await listKeys(scratch.storage)).toHaveLength(2);
  });

  it("decodes compressed pages and other character sets, and captures a PDF page by page", async () => {
    const gz = await archive(await sourceFor(server.url("/gzip")));
    expect((await db.capture.findUniqueOrThrow({ where: { id: gz.job.captureId! } })).text).toContain("awarded the harbour contract");
    const latin = await archive(await sourceFor(server.url("/latin1")));
    expect((await db.capture.findUniqueOrThrow({ where: { id: latin.job.captureId! } })).text).toContain("attribué le contrat à Nordmarine en été");
    const pdf = await archive(await sourceFor(server.url("/report.pdf")));
    const capture = await db.capture.findUniqueOrThrow({ where: { id: pdf.job.captureId! } });
    expect(capture.contentType).toBe("application/pdf");
    expect(JSON.parse(capture.pageTexts!)).toEqual(["Annual report 2022", "Nordmarine paid no tax in 2022.\nSigned by the board."]);
  });

  it("keeps a page that answers 404: a removed page is evidence too", async () => {
    const { outcome, job } = await archive(await sourceFor(server.url("/gone")));
    expect(outcome).toBe("succeeded");
    expect((await db.capture.findUniqueOrThrow({ where: { id: job.captureId! } })).httpStatus).toBe(404);
  });

  it.skipIf(!systemChromium)("adds a screenshot taken in Chromium, with the page's images and styles fetched through the same guard and kept in the WARC", async () => {
    const { outcome, job } = await archive(await sourceFor(server.url("/page")), testSettings({ browserPath: systemChromium, render: "screenshot", timeoutMs: 60_000 }));
    expect(outcome).toBe("succeeded");
    const capture = await db.capture.findUniqueOrThrow({ where: { id: job.captureId! } });
    expect(capture.renderKind).toBe("screenshot");
    const png = await readFile(capture.renderSha256!);
    expect(Buffer.from(png!.subarray(1, 4)).toString()).toBe("PNG");
    expect(JSON.parse(capture.tools).browser).toMatch(/^Chromium \d+/);
    const records = await parseWarc((await readFile(capture.sha256))!);
    expect(records.filter((r) => r.type === "response").map((r) => r.url)).toEqual(expect.arrayContaining([server.url("/page"), server.url("/style.css"), server.url("/pixel.png")]));
    expect(records.some((r) => r.type === "resource" && r.url?.startsWith("urn:dossier:screenshot:"))).toBe(true);
    // Scripts never ran: the screenshot's page is the captured HTML with JavaScript off.
    expect(server.hits.get("/page")).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it("works without a browser: the capture says why it has no screenshot", async () => {
    const { job } = await archive(await sourceFor(server.url("/page")), testSettings({ browserPath: null, render: "screenshot" }));
    const capture = await db.capture.findUniqueOrThrow({ where: { id: job.captureId! } });
    expect(capture.renderKind).toBeNull();
    expect(JSON.parse(capture.tools).render).toBe("no browser installed");
  });
});

describe("failures are reported clearly and store nothing", () => {
  const cases: [string, string, string, RegExp, Partial<CaptureSettings>?][] = [
    ["a slow page", "/slow", "timeout", /took too long/, { timeoutMs: 500 }],
    ["a huge page (streamed)", "/huge", "too-large", /larger than captures allow/],
    ["a huge page (declared)", "/huge-declared", "too-large", /larger than captures allow/],
    ["a binary file", "/binary", "content-type", /application\/octet-stream/],
    ["a JSON response", "/data.json", "content-type", /application\/json/],
    ["a server error", "/error", "http-error", /HTTP 500/],
    ["a redirect loop", "/loop", "too-many-redirects", /redirects too many times/],
  ];
  for (const [what, path, code, message, settings] of cases) {
    it(`refuses ${what}`, async () => {
      const sourceId = await sourceFor(server.url(path));
      const { outcome, job } = await archive(sourceId, testSettings(settings));
      expect(outcome).toBe("failed");
      expect(job).toMatchObject({ status: "failed", errorCode: code, captureId: null });
      expect(job.error).toMatch(message);
      expect(await db.capture.count()).toBe(0);
      expect(await listKeys(scratch.storage)).toEqual([]);
      const view = await getSourceArchive(actors.journalist, { dossierId, sourceId });
      expect(view.jobs[0]).toMatchObject({ status: "failed", errorCode: code });
      expect(view.captures).toEqual([]);
    });
  }

  it("refuses an address nobody answers", async () => {
    const { job } = await archive(await sourceFor("http://127.0.0.1:9/closed"));
    expect(job).toMatchObject({ status: "failed", errorCode: "unreachable" });
    expect(await listKeys(scratch.storage)).toEqual([]);
  });

  it("marks a job left running by a stopped server as interrupted", async () => {
    const sourceId = await sourceFor(server.url("/page"));
    const { job } = await archiveSource(actors.journalist, { dossierId, sourceId });
    await claimNextJob();
    await db.archiveJob.update({ where: { id: job.id }, data: { heartbeatAt: new Date(Date.now() - 10 * 60_000) } });
    expect(await failInterruptedJobs()).toBe(1);
    expect(await db.archiveJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "failed", errorCode: "interrupted" });
    expect(await db.capture.count()).toBe(0);
  });
});

describe("server-side request forgery", () => {
  const internal = ["http://127.0.0.1:9/", "http://localhost:9/", "http://[::1]:9/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://2130706433/"];
  for (const url of internal) {
    it(`refuses ${url} unless that host is explicitly allowed`, async () => {
      const { job } = await archive(await sourceFor(url), testSettings({ allowPrivateHosts: [] }));
      expect(job).toMatchObject({ status: "failed", errorCode: "refused-address" });
      expect(await listKeys(scratch.storage)).toEqual([]);
    });
  }

  it("checks every redirect: an allowed host redirecting to an internal one is refused", async () => {
    // 127.0.0.1 is allowed (the test's own server); it redirects to localhost, which is not.
    const before = server.hits.get("/page") ?? 0;
    const { job } = await archive(await sourceFor(server.url("/to-localhost")), testSettings({ allowPrivateHosts: ["127.0.0.1"] }));
    expect(job).toMatchObject({ status: "failed", errorCode: "refused-address" });
    expect(await listKeys(scratch.storage)).toEqual([]);
    expect(server.hits.get("/page") ?? 0).toBe(before);
  });

  it("refuses a source without an address, and a second capture while one is under way", async () => {
    await expect(archiveSource(actors.journalist, { dossierId, sourceId: await sourceFor(null) })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    const sourceId = await sourceFor(server.url("/page"));
    await archiveSource(actors.journalist, { dossierId, sourceId });
    await expect(archiveSource(actors.journalist, { dossierId, sourceId })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
  });
});

describe("excerpts checked against the capture", () => {
  it("says in which capture an excerpt is found, or that it is not", async () => {
    const sourceId = await sourceFor(server.url("/page"));
    const { job } = await archive(sourceId);
    const { claim } = await createClaim(actors.journalist, { dossierId, selection: await selectionOf(dossierId, "awarded the harbour contract to Nordmarine"), text: "The council awarded the contract.", hedged: false });
    const found = await createEvidence(actors.journalist, { dossierId, claimId: claim.id, sourceId, stance: "supports", excerpt: "The company's chief executive said: \"Nous n'avons rien payé\"", note: null });
    const elided = await createEvidence(actors.journalist, { dossierId, claimId: claim.id, sourceId, stance: "context", excerpt: "awarded the harbour contract to Nordmarine […] drew three bids", note: null });
    const missing = await createEvidence(actors.journalist, { dossierId, claimId: claim.id, sourceId, stance: "contradicts", excerpt: "Nordmarine paid 3 million euros in tax", note: null });
    const checks = await checkClaimExcerpts(actors.editor, { dossierId, claimId: claim.id });
    expect(checks[found.evidence.id]).toMatchObject({ status: "found", match: { kind: "capture", id: job.captureId, page: null } });
    expect(checks[elided.evidence.id]).toMatchObject({ status: "found" });
    expect(checks[missing.evidence.id]).toEqual({ status: "not-found", searched: 1 });
  });

  it("keeps a source with captures from being deleted", async () => {
    const sourceId = await sourceFor(server.url("/page"));
    await archive(sourceId);
    await expect(deleteSource(actors.editor, { dossierId, sourceId })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    expect(await db.source.count({ where: { id: sourceId } })).toBe(1);
  });
});

describe("capturing on creation (CAPTURE_ON_CREATE)", () => {
  it("queues a capture when a journalist creates a source with an address, and only then", async () => {
    env.CAPTURE_ON_CREATE = true;
    try {
      const withUrl = await sourceFor(server.url("/page"));
      const withoutUrl = await sourceFor(null);
      expect(await db.archiveJob.findMany({ select: { sourceId: true, status: true, requestedById: true } })).toEqual([{ sourceId: withUrl, status: "queued", requestedById: actors.journalist.id }]);
      expect(withoutUrl).toBeTruthy();
      const jobId = (await claimNextJob())!;
      expect(await runArchiveJob(jobId, testSettings())).toBe("succeeded");
    } finally {
      env.CAPTURE_ON_CREATE = false;
    }
    await sourceFor(server.url("/page"));
    expect(await db.archiveJob.count()).toBe(1);
  });
});
