// Proof that a capture existed (RFC 3161 timestamps, against an authority started here) and
// storage that scales (the same storage interface on a local folder and on an S3-compatible
// server, s3rver, started here): what a capture's hash means only holds if both work.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { archiveSource } from "@/lib/server/archive/archive-source";
import { claimNextJob, runArchiveJob } from "@/lib/server/archive/run-archive-job";
import { readToken, verifyToken } from "@/lib/server/capture/timestamp";
import { createSource } from "@/lib/server/sources/create-source";
import { keyForHash, readFile, sha256Hex, storeFile, replaceStorage, type Storage } from "@/lib/server/storage";
import { localStorage } from "@/lib/server/storage/local";
import { s3Storage } from "@/lib/server/storage/s3";
import { listKeys, scratchStorage, startFixtureServer, testSettings, type FixtureServer } from "../support/archive";
import { startFakeTsa, type FakeTsa } from "../support/tsa";
import { db, resetDatabase } from "../support/db";
import { demoActors, dossierWithArticle, type Actors } from "../support/newsroom";

let server: FixtureServer;
let tsa: FakeTsa;
const scratch = scratchStorage("proof");
let actors: Actors;
let dossierId: string;

beforeAll(async () => {
  server = await startFixtureServer();
  tsa = await startFakeTsa();
});
afterAll(async () => {
  await server.close();
  await tsa.close();
  scratch.reset();
});
beforeEach(async () => {
  await resetDatabase();
  scratch.reset();
  replaceStorage(scratch.storage);
  tsa.mode = "ok";
  actors = await demoActors();
  dossierId = (await dossierWithArticle(actors.journalist)).id;
});

async function captureWithTsa() {
  const { source } = await createSource(actors.journalist, {
    dossierId, kind: "web-page", title: "Gazette", url: server.url("/page"), publisher: null, author: null, date: null, accessedAt: null,
    reliability: "medium", confidential: false, publicDescription: null, identity: null, notes: null,
  });
  const { job } = await archiveSource(actors.journalist, { dossierId, sourceId: source.id });
  await claimNextJob();
  expect(await runArchiveJob(job.id, testSettings({ timestampAuthorityUrl: tsa.url }))).toBe("succeeded");
  const { captureId } = await db.archiveJob.findUniqueOrThrow({ where: { id: job.id } });
  return db.capture.findUniqueOrThrow({ where: { id: captureId! } });
}

describe("trusted timestamps (RFC 3161)", () => {
  it("timestamps the capture's SHA-256 and keeps a token that verifies for that hash only", async () => {
    const capture = await captureWithTsa();
    expect(tsa.requests).toBe(1);
    expect(capture.timestampError).toBeNull();
    expect(capture.timestampAuthority).toBe(tsa.url);
    const token = new Uint8Array(Buffer.from(capture.timestampToken!, "base64"));
    const warc = (await readFile(capture.sha256))!;
    const genTime = await verifyToken(token, warc);
    expect(genTime.toISOString()).toBe(capture.timestampAt!.toISOString());
    expect(Math.abs(genTime.getTime() - capture.capturedAt.getTime())).toBeLessThan(60_000);
    const { tstInfo } = readToken(token);
    expect(Buffer.from(tstInfo.messageImprint.hashedMessage.getValue()).toString("hex")).toBe(capture.sha256);
    await expect(verifyToken(token, new TextEncoder().encode("another file"))).rejects.toThrow(/another hash/);
  });

  it("refuses a token for another hash, and a refusal, but keeps the capture and says why", async () => {
    tsa.mode = "wrong-hash";
    const wrong = await captureWithTsa();
    expect(wrong.timestampToken).toBeNull();
    expect(wrong.timestampError).toMatch(/another hash/);
    tsa.mode = "refuse";
    await resetDatabase();
    actors = await demoActors();
    dossierId = (await dossierWithArticle(actors.journalist)).id;
    const refused = await captureWithTsa();
    expect(refused.timestampToken).toBeNull();
    expect(refused.timestampError).toMatch(/refused the request \(status 2: badRequest\)/);
  });
});

/** The storage contract, for any backend. */
async function contract(storage: Storage) {
  const a = new TextEncoder().encode("first file");
  const b = new Uint8Array([0, 255, 1, 254]);
  const stored = await storeFile(a, "text/plain", storage);
  expect(stored).toEqual({ sha256: sha256Hex(a), size: a.byteLength });
  await storeFile(a, "text/plain", storage); // twice: harmless, same key
  await storeFile(b, "application/octet-stream", storage);
  expect(await storage.has(keyForHash(sha256Hex(a)))).toBe(true);
  expect(await storage.has(keyForHash("f".repeat(64)))).toBe(false);
  expect(Buffer.from((await readFile(sha256Hex(a), storage))!).toString()).toBe("first file");
  expect(await readFile("f".repeat(64), storage)).toBeNull();
  // Everything can be listed and read back: what a backup needs.
  const listed: { key: string; size: number }[] = [];
  for await (const o of storage.list()) listed.push(o);
  expect(listed.sort((x, y) => x.key.localeCompare(y.key))).toEqual(
    [
      { key: keyForHash(sha256Hex(a)), size: a.byteLength },
      { key: keyForHash(sha256Hex(b)), size: b.byteLength },
    ].sort((x, y) => x.key.localeCompare(y.key)),
  );
  // Keys come from hashes only: a path is refused.
  await expect(storage.get("../../etc/passwd")).rejects.toThrow(/Not a storage key/);
}

describe("storage", () => {
  it("works on a local folder, never leaving half a file under a key", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-local-"));
    try {
      const storage = localStorage(dir);
      await contract(storage);
      expect(fs.readdirSync(path.join(dir, ".incoming"))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("detects a corrupted file", async () => {
    const bytes = new TextEncoder().encode("evidence");
    const { sha256 } = await storeFile(bytes, "text/plain", scratch.storage);
    const file = path.join(scratch.dir, ...keyForHash(sha256).split("/"));
    fs.writeFileSync(file, "tampered");
    await expect(readFile(sha256, scratch.storage)).rejects.toThrow(/does not match its hash/);
  });

  it("works on S3-compatible storage (s3rver)", async () => {
    const { default: S3rver } = await import("s3rver");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-s3rver-"));
    const s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "dossier-test", configs: [] }] });
    const { port } = await s3.run();
    try {
      const storage = s3Storage({ bucket: "dossier-test", region: "us-east-1", endpoint: `http://127.0.0.1:${port}`, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true, prefix: "dossier/" });
      expect(storage.kind).toBe("s3");
      await contract(storage);
      // And a real capture goes there.
      replaceStorage(storage);
      const capture = await captureWithTsa();
      expect(await listKeys(storage)).toContain(keyForHash(capture.sha256));
      expect(sha256Hex((await readFile(capture.sha256, storage))!)).toBe(capture.sha256);
    } finally {
      await s3.close();
      fs.rmSync(dir, { recursive: true, force: true });
      replaceStorage(scratch.storage);
    }
  });
});
