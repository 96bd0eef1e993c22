import "server-only";
// Is Dossier able to do its work? The database must answer AND accept a write: a database that
// has become read-only, is full, or is locked still answers reads, and /api/health used to say
// "ok" while every save failed. The probe writes one row (the `health.probe` setting) through the
// same client and transaction path as every save, so a stuck client shows as well as a stuck
// database. Probes are shared: concurrent requests await the one in flight, and a result serves
// for a second, so a monitor or a load balancer polling hard costs one small write a second.
//
// What callers learn (issue 14): anonymous callers only up/down; admins (signed in) and monitors
// holding HEALTH_TOKEN get the status, the database provider and the reason.
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { can, type Actor } from "./actor";
import { databaseErrorFacts, writeRefusal, type WriteRefusal } from "./database/errors";
import { db, provider } from "./db";

export type HealthStatus = "ok" | "degraded" | "down";
export type HealthReason = WriteRefusal | "unresponsive" | "unreachable" | "write-failed";

export interface Health {
  status: HealthStatus;
  database: {
    provider: typeof provider;
    status: HealthStatus;
    /** Why it is not ok. */
    reason?: HealthReason;
    /** What an operator should know (the database's own message, what to check). */
    detail?: string;
    /** How long the probe took (ms). */
    latencyMs: number;
    checkedAt: string;
  };
}

/** What an anonymous caller sees. */
export interface PublicHealth {
  status: "up" | "down";
}

/** A probe longer than this means the database is not accepting writes in any useful time. */
export const PROBE_TIMEOUT_MS = 3000;
const REUSE_MS = 1000;
const LOCK_WAIT_MS = 2000;

const ADVICE: Record<HealthReason, string> = {
  "read-only": "The database refuses writes: it is read-only (file permissions, a read-only disk or a PostgreSQL standby).",
  "disk-full": "The database refuses writes: its disk is full. Free some space; writes resume by themselves.",
  "disk-error": "The disk refused a write (over a quota or a file-size limit, or failing). Writes resume by themselves once it accepts them.",
  locked: "The database is locked by another writer (e.g. an import) and did not accept a write in time.",
  unresponsive: `The database did not accept a write within ${PROBE_TIMEOUT_MS / 1000} s.`,
  unreachable: "The database does not answer at all.",
  "write-failed": "The database answers but refused a write.",
};

let inFlight: Promise<Health> | null = null;
/** A probe that outlived its timeout: no new one starts until it settles (no pile-up on a stuck database). */
let overdue: Promise<unknown> | null = null;
let last: { at: number; health: Health } | null = null;

function degraded(status: HealthStatus, reason: HealthReason, started: number, error?: unknown): Health {
  const message = error === undefined ? "" : ` (${databaseErrorFacts(error).message.split("\n")[0]})`;
  return {
    status,
    database: { provider, status, reason, detail: ADVICE[reason] + message, latencyMs: Math.round(performance.now() - started), checkedAt: new Date().toISOString() },
  };
}

async function probe(): Promise<Health> {
  const started = performance.now();
  if (overdue) return degraded("degraded", provider === "sqlite" ? "locked" : "unresponsive", started);
  const write = (async () => {
    try {
      await db.$queryRaw`SELECT 1`;
    } catch (error) {
      return degraded("down", "unreachable", started, error);
    }
    try {
      const now = new Date().toISOString();
      const upsert = { where: { key: "health.probe" }, create: { key: "health.probe", value: now }, update: { value: now } };
      if (provider === "postgresql") {
        // A lock held elsewhere makes PostgreSQL say so (55P03) instead of leaving the probe waiting.
        await db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_WAIT_MS}ms'`);
          await tx.setting.upsert(upsert);
        });
      } else {
        await db.setting.upsert(upsert);
      }
    } catch (error) {
      return degraded("degraded", writeRefusal(error) ?? "write-failed", started, error);
    }
    return {
      status: "ok" as const,
      database: { provider, status: "ok" as const, latencyMs: Math.round(performance.now() - started), checkedAt: new Date().toISOString() },
    };
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Health>((resolve) => {
    timer = setTimeout(() => resolve(degraded("degraded", provider === "sqlite" ? "locked" : "unresponsive", started)), PROBE_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([write.then((health) => ({ health, late: false })), timeout.then((health) => ({ health, late: true }))]);
    if (result.late) {
      const settled = write.finally(() => {
        if (overdue === settled) overdue = null;
      });
      overdue = settled;
    }
    return result.health;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks that the database answers and accepts a write. `fresh` skips the one-second reuse
 * (tests, and a second look right after a repair).
 */
export async function checkHealth(options: { fresh?: boolean } = {}): Promise<Health> {
  if (!options.fresh && last && performance.now() - last.at < REUSE_MS) return last.health;
  inFlight ??= probe().then((health) => {
    last = { at: performance.now(), health };
    inFlight = null;
    if (health.status !== "ok") console.error(`Health check: ${health.status}, ${health.database.reason}: ${health.database.detail}`);
    return health;
  });
  return inFlight;
}

function tokenMatches(given: string | null): boolean {
  const expected = env.HEALTH_TOKEN;
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * /api/health's answer: the full report for an admin or a caller presenting HEALTH_TOKEN
 * (`Authorization: Bearer …`), up/down for everybody else. Degraded is "up": readers are still
 * served (reader pages come from the cache); only writes fail.
 */
export async function healthFor(actor: Actor, bearerToken: string | null): Promise<{ body: Health | PublicHealth; httpStatus: number }> {
  const health = await checkHealth();
  const httpStatus = health.status === "down" ? 503 : 200;
  const detailed = (actor.kind === "user" && can(actor, "system:health")) || tokenMatches(bearerToken);
  return { body: detailed ? health : { status: health.status === "down" ? "down" : "up" }, httpStatus };
}
