// The shared page cache (lib/cache/redis-cache-store.ts) against a real Redis: two stores are two
// instances (each with its own memory), one Redis between them.
import type { ChildProcess } from "node:child_process";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deserialize, RedisCacheStore, serialize } from "@/lib/cache/redis-cache-store";
import { binaries, PORTS, startRedis, stop } from "../support/services";

// Its own port on each database's run: npm test runs the SQLite and PostgreSQL projects side by side.
const port = PORTS.redis + (process.env.DATABASE_URL?.startsWith("postgres") ? 2 : 1);
const missing = binaries.redis ? null : "redis-server is not installed (Debian: apt-get install redis-server)";
if (missing && process.env.CI) throw new Error(`CI must run the shared-cache tests: ${missing}`);

describe.skipIf(missing !== null)("the shared cache", () => {
  let server: ChildProcess;
  const clients: Redis[] = [];
  const instance = (prefix: string) => {
    const redis = new Redis(`redis://127.0.0.1:${port}`);
    clients.push(redis);
    return new RedisCacheStore({ redis, prefix, buildId: "build-1", log: () => undefined });
  };
  const page = (verdict: string) => ({ value: { kind: "APP_PAGE", html: `<p data-verdict="${verdict}">`, rscData: Buffer.from("flight"), headers: { "x-next-cache-tags": "reader,reader:dossier:x" } } });

  beforeAll(async () => {
    server = await startRedis(port);
  }, 30_000);
  afterAll(() => {
    for (const c of clients) c.disconnect();
    stop(server);
  });

  it("serves what one instance cached from every instance, Buffers included", async () => {
    const [a, b] = [instance("t1"), instance("t1")];
    expect(await b.get("/fr/dossiers/x")).toBeNull();
    await a.set("/fr/dossiers/x", page("verified"), ["reader", "reader:dossier:x"]);
    const read = (await b.get("/fr/dossiers/x")) as { value: { html: string; rscData: Buffer } } | null;
    expect(read?.value.html).toContain("verified");
    expect(Buffer.isBuffer(read?.value.rscData) && read.value.rscData.toString()).toBe("flight");
  });

  it("drops every instance's copy when any instance revalidates one of its tags, on the next read", async () => {
    const [a, b] = [instance("t2"), instance("t2")];
    await a.set("/fr/dossiers/x", page("verified"), ["reader", "reader:dossier:x"]);
    expect(await b.get("/fr/dossiers/x")).not.toBeNull(); // B now holds a copy in memory
    await a.revalidateTags(["reader:dossier:x"]);
    expect(await b.get("/fr/dossiers/x")).toBeNull();
    expect(await a.get("/fr/dossiers/x")).toBeNull();
    // Other dossiers' pages are untouched.
    await a.set("/fr/dossiers/y", page("false"), ["reader", "reader:dossier:y"]);
    await a.revalidateTags(["reader:dossier:x"]);
    expect(await b.get("/fr/dossiers/y")).not.toBeNull();
  });

  it("does not count a page whose render began before a revalidation as current", async () => {
    const [a, b] = [instance("t3"), instance("t3")];
    expect(await a.get("/fr/dossiers/x")).toBeNull(); // A starts rendering with the old data…
    await b.revalidateTags(["reader:dossier:x"]); // …a verdict changes meanwhile…
    await a.set("/fr/dossiers/x", page("verified"), ["reader", "reader:dossier:x"]); // …A stores what it rendered
    expect(await b.get("/fr/dossiers/x")).toBeNull();
    expect(await a.get("/fr/dossiers/x")).toBeNull();
  });

  it("checks a data entry against the tags its reader names (the page's soft tags too)", async () => {
    const [a, b] = [instance("t4"), instance("t4")];
    await a.set("data-key", { value: { kind: "FETCH", data: { body: "{}" } } }, ["reader:dossier:x"]);
    expect(await b.get("data-key", ["reader:dossier:x", "_N_T_/fr/dossiers/x"])).not.toBeNull();
    await a.revalidateTags(["_N_T_/fr/dossiers/x"]);
    expect(await b.get("data-key", ["reader:dossier:x", "_N_T_/fr/dossiers/x"])).toBeNull();
  });

  it("renders from the database rather than trust memory when Redis is gone", async () => {
    const redis = new Redis(`redis://127.0.0.1:${port}`, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    clients.push(redis);
    const store = new RedisCacheStore({ redis, prefix: "t5", buildId: "build-1", log: () => undefined });
    await store.set("/fr", page("verified"), ["reader"]);
    expect(await store.get("/fr")).not.toBeNull();
    redis.disconnect();
    expect(await store.get("/fr")).toBeNull();
    await store.close();
  });

  it("keeps Next's Buffers and Maps through serialisation", () => {
    const value = { a: Buffer.from([0, 255, 7]), m: new Map([["/seg", Buffer.from("s")]]), n: 1 };
    const back = deserialize(serialize(value)) as typeof value;
    expect([...back.a]).toEqual([0, 255, 7]);
    expect(back.m.get("/seg")?.toString()).toBe("s");
    expect(back.n).toBe(1);
  });
});
