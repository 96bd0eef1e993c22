// The page and data cache shared by every instance through Redis (docs/decisions/041): what Next
// caches — rendered reader pages, route responses, `unstable_cache` data — and when a tag was
// last revalidated. An instance keeps a copy of what it read in memory and checks it on every
// request against the tags' revalidation marks in Redis (one round trip), so a verdict changed
// through any instance is what every instance serves on the next request.
//
// Freshness uses a counter in Redis, not clocks: revalidating tags increments `epoch` and marks
// each tag with the new value; an entry remembers the epoch read before it was rendered. An entry
// is current while none of its tags has a mark above that. (Clocks of several machines disagree;
// and a page whose render began before a revalidation must not count as newer than it.)
//
// When Redis does not answer, nothing is served from memory (it could be superseded): every
// request renders from the database, and a revalidation is retried until Redis takes it.
import { randomUUID } from "node:crypto";
import type Redis from "ioredis";

export interface CacheEntry {
  /** What Next stored: its shape is Next's (APP_PAGE, APP_ROUTE, FETCH…), kept as is. */
  value: unknown;
  lastModified: number;
  cacheControl?: unknown;
}

interface Stored extends CacheEntry {
  tags: string[];
  epoch: number;
  generation: string;
}

export interface RedisCacheStoreOptions {
  redis: Redis;
  /** Installation prefix (REDIS_KEY_PREFIX): tags and the epoch live here, shared by every build. */
  prefix: string;
  /** Build id: rendered pages belong to one build (its scripts and styles), so they are keyed by it. */
  buildId: string;
  /** Memory kept for copies of entries, in bytes. */
  maxMemory?: number;
  /** Entries expire from Redis after this long without being written again (seconds). */
  ttlSeconds?: number;
  log?: (message: string, error?: unknown) => void;
}

const GENERATION = "generation";
const EPOCH = "epoch";
const tagField = (tag: string) => `t:${tag}`;

// Atomically: next epoch, every tag marked with it, the generation created if Redis lost it.
const REVALIDATE = `
local e = redis.call('HINCRBY', KEYS[1], '${EPOCH}', 1)
redis.call('HSETNX', KEYS[1], '${GENERATION}', ARGV[1])
for i = 2, #ARGV do redis.call('HSET', KEYS[1], 't:' .. ARGV[i], e) end
return e`;

export class RedisCacheStore {
  private readonly redis: Redis;
  private readonly metaKey: string;
  private readonly entryPrefix: string;
  private readonly maxMemory: number;
  private readonly ttlSeconds: number;
  private readonly log: (message: string, error?: unknown) => void;
  /** Local copies, least recently used first (a Map keeps insertion order). */
  private readonly local = new Map<string, { stored: Stored; size: number }>();
  private localSize = 0;
  /** The epoch read when a key missed: the render that follows started no earlier than this. */
  private readonly pendingEpoch = new Map<string, number>();
  private readonly unsentRevalidations = new Set<string>();
  private retryTimer: NodeJS.Timeout | null = null;
  private lastLog = 0;

  constructor(options: RedisCacheStoreOptions) {
    this.redis = options.redis;
    this.metaKey = `${options.prefix}:meta`;
    this.entryPrefix = `${options.prefix}:${options.buildId}:e:`;
    this.maxMemory = options.maxMemory ?? 64 * 1024 * 1024;
    this.ttlSeconds = options.ttlSeconds ?? 14 * 24 * 3600;
    const log = options.log ?? ((message, error) => console.error(`[cache] ${message}`, error instanceof Error ? error.message : (error ?? "")));
    // One line per ten seconds of trouble, not one per request.
    this.log = (message, error) => {
      if (Date.now() - this.lastLog < 10_000) return;
      this.lastLog = Date.now();
      log(message, error);
    };
  }

  /** Waits for the first connection (briefly); afterwards a lost Redis fails at once. */
  private async connected(): Promise<void> {
    if (this.redis.status === "ready") return;
    if (!["wait", "connecting", "connect"].includes(this.redis.status)) throw new Error(`Redis is ${this.redis.status}`);
    if (this.redis.status === "wait") void this.redis.connect().catch(() => undefined);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("Redis is not answering")), 2000);
      this.redis.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** The entry, or null when there is none, it is superseded, or Redis cannot say. `tags`: the caller's tags (data cache). */
  async get(key: string, tags: readonly string[] = []): Promise<CacheEntry | null> {
    try {
      await this.connected();
      const copy = this.local.get(key);
      if (copy) {
        if (await this.isCurrent(copy.stored, tags)) {
          this.touch(key, copy);
          return copy.stored;
        }
        this.forget(key);
      }
      const [[, raw], [, meta]] = (await this.redis
        .multi()
        .getBuffer(this.entryPrefix + key)
        .hmget(this.metaKey, GENERATION, EPOCH)
        .exec()) as [[unknown, Buffer | null], [unknown, (string | null)[]]];
      const [generation, epoch] = meta;
      if (raw) {
        const stored = deserialize(raw.toString("utf8")) as Stored;
        if (stored.generation === generation && (await this.isCurrent(stored, tags))) {
          this.remember(key, stored, raw.length);
          return stored;
        }
      }
      this.notePending(key, Number(epoch ?? 0));
      return null;
    } catch (error) {
      this.log(`Redis did not answer a read (${key}): rendering from the database.`, error);
      return null;
    }
  }

  async set(key: string, entry: { value: unknown; cacheControl?: unknown }, tags: readonly string[]): Promise<void> {
    try {
      await this.connected();
      const meta = await this.redis.hmget(this.metaKey, GENERATION, EPOCH);
      let generation = meta[0];
      if (!generation) {
        await this.redis.hsetnx(this.metaKey, GENERATION, randomUUID());
        generation = (await this.redis.hget(this.metaKey, GENERATION))!;
      }
      const current = Number(meta[1] ?? 0);
      const epoch = Math.min(this.pendingEpoch.get(key) ?? current, current);
      this.pendingEpoch.delete(key);
      const stored: Stored = { value: entry.value, cacheControl: entry.cacheControl, lastModified: Date.now(), tags: [...new Set(tags)], epoch, generation };
      const raw = serialize(stored);
      await this.redis.set(this.entryPrefix + key, raw, "EX", this.ttlSeconds);
      this.remember(key, stored, Buffer.byteLength(raw));
    } catch (error) {
      this.log(`Redis did not take a cache write (${key}): the next request renders it again.`, error);
    }
  }

  /** Marks the tags revalidated for every instance. Never throws: unsent marks are retried. */
  async revalidateTags(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    for (const key of [...this.local.keys()]) {
      const copy = this.local.get(key)!;
      if (copy.stored.tags.some((t) => tags.includes(t))) this.forget(key);
    }
    for (const tag of tags) this.unsentRevalidations.add(tag);
    await this.flushRevalidations();
  }

  /** For tests and shutdown. */
  async close(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async flushRevalidations(): Promise<void> {
    const tags = [...this.unsentRevalidations];
    if (tags.length === 0) return;
    try {
      await this.connected();
      await this.redis.eval(REVALIDATE, 1, this.metaKey, randomUUID(), ...tags);
      for (const tag of tags) this.unsentRevalidations.delete(tag);
    } catch (error) {
      this.log(`Redis did not take a revalidation of ${tags.join(", ")}: retrying every second; until then other instances may serve the previous version.`, error);
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = null;
        void this.flushRevalidations();
      }, 1000);
      this.retryTimer.unref?.();
    }
  }

  private async isCurrent(stored: Stored, extraTags: readonly string[]): Promise<boolean> {
    const tags = [...new Set([...stored.tags, ...extraTags])];
    // Tags this instance could not announce yet: its own copies of them are never current.
    if (tags.some((t) => this.unsentRevalidations.has(t))) return false;
    const values = await this.redis.hmget(this.metaKey, GENERATION, ...tags.map(tagField));
    if (values[0] !== stored.generation) return false;
    return values.slice(1).every((v) => v === null || Number(v) <= stored.epoch);
  }

  private notePending(key: string, epoch: number) {
    const before = this.pendingEpoch.get(key);
    this.pendingEpoch.set(key, before === undefined ? epoch : Math.min(before, epoch));
    if (this.pendingEpoch.size > 10_000) this.pendingEpoch.delete(this.pendingEpoch.keys().next().value!);
  }

  private remember(key: string, stored: Stored, size: number) {
    this.forget(key);
    if (size > this.maxMemory / 4) return;
    this.local.set(key, { stored, size });
    this.localSize += size;
    for (const [oldest, copy] of this.local) {
      if (this.localSize <= this.maxMemory) break;
      this.local.delete(oldest);
      this.localSize -= copy.size;
    }
  }

  private touch(key: string, copy: { stored: Stored; size: number }) {
    this.local.delete(key);
    this.local.set(key, copy);
  }

  private forget(key: string) {
    const copy = this.local.get(key);
    if (!copy) return;
    this.local.delete(key);
    this.localSize -= copy.size;
  }
}

// Next's entries hold Buffers (page flight data, route bodies) and Maps (segment data): JSON with
// both spelled out, so any instance reads back exactly what another stored.
export function serialize(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    if (Buffer.isBuffer(raw)) return { $b: raw.toString("base64") };
    if (raw instanceof Uint8Array) return { $b: Buffer.from(raw).toString("base64") };
    if (raw instanceof Map) return { $m: [...raw.entries()] };
    return v;
  });
}

export function deserialize(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o.$b === "string" && Object.keys(o).length === 1) return Buffer.from(o.$b, "base64");
      if (Array.isArray(o.$m) && Object.keys(o).length === 1) return new Map(o.$m as [unknown, unknown][]);
    }
    return v;
  });
}
