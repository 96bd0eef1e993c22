// Next 16's cache handler (next.config.ts `cacheHandler`, used when REDIS_URL is set): the
// incremental cache of pages, route responses and `unstable_cache` data, over Redis through
// RedisCacheStore (docs/decisions/041). Next builds one handler per request; the Redis client and
// the store are shared by the process.
import fs from "node:fs";
import path from "node:path";
import Redis from "ioredis";
import { env } from "@/lib/env";
import { RedisCacheStore } from "./redis-cache-store";

const CACHE_TAGS_HEADER = "x-next-cache-tags";

interface HandlerContext {
  serverDistDir?: string;
}
interface GetContext {
  kind?: string;
  tags?: string[];
  softTags?: string[];
}
interface SetContext {
  tags?: string[];
  cacheControl?: unknown;
}

const shared = globalThis as unknown as { dossierCacheStore?: RedisCacheStore };

function store(ctx: HandlerContext): RedisCacheStore {
  if (shared.dossierCacheStore) return shared.dossierCacheStore;
  if (!env.REDIS_URL) throw new Error("The Redis cache handler needs REDIS_URL.");
  const buildId = ctx.serverDistDir ? fs.readFileSync(path.join(ctx.serverDistDir, "..", "BUILD_ID"), "utf8").trim() : "development";
  const redis = new Redis(env.REDIS_URL, {
    // Fail fast rather than queue: a request that cannot reach Redis renders from the database.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    connectionName: "dossier-cache",
  });
  let reported = false;
  redis.on("error", (error: Error) => {
    if (!reported) console.error(`[cache] Redis at ${new URL(env.REDIS_URL!).host}: ${error.message} (pages render from the database until it answers)`);
    reported = true;
  });
  redis.on("ready", () => {
    if (reported) console.log("[cache] Redis answers again.");
    reported = false;
  });
  shared.dossierCacheStore = new RedisCacheStore({ redis, prefix: env.REDIS_KEY_PREFIX, buildId });
  return shared.dossierCacheStore;
}

function tagsOfValue(value: unknown): string[] {
  const headers = (value as { headers?: Record<string, unknown> } | null)?.headers;
  const header = headers?.[CACHE_TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

export default class RedisCacheHandler {
  private readonly store: RedisCacheStore;

  constructor(ctx: HandlerContext) {
    this.store = store(ctx);
  }

  async get(key: string, ctx: GetContext = {}) {
    // Data entries name their tags on every read (the page's implicit tags included); pages and
    // routes carry theirs in the stored headers, which the store checks too.
    const tags = ctx.kind === "FETCH" ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : [];
    return this.store.get(key, tags);
  }

  async set(key: string, data: unknown, ctx: SetContext = {}) {
    if (data === null || data === undefined) return;
    const tags = [...(ctx.tags ?? []), ...tagsOfValue(data)];
    await this.store.set(key, { value: data, cacheControl: ctx.cacheControl }, tags);
  }

  async revalidateTag(tags: string | string[], _durations?: { expire?: number }) {
    // Every revalidation expires at once (the reader must never get a superseded verdict), so a
    // "stale for a while" profile is treated as "expired now".
    await this.store.revalidateTags(typeof tags === "string" ? [tags] : tags);
  }

  resetRequestCache() {}
}
