import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "../db";

async function getOrCreate(key: string, make: () => string): Promise<string> {
  const found = await db.setting.findUnique({ where: { key }, select: { value: true } });
  if (found) return found.value;
  const value = make();
  await db.setting.upsert({ where: { key }, create: { key, value }, update: {} });
  return (await db.setting.findUniqueOrThrow({ where: { key }, select: { value: true } })).value;
}

/** Identifies this database: the page cache built against another database must not be served. */
export const installId = () => getOrCreate("install.id", () => randomUUID());

/** Session-signing secret, generated once per database when AUTH_SECRET is not set. */
export const storedAuthSecret = () => getOrCreate("auth.secret", () => randomBytes(32).toString("base64url"));

/**
 * Changes whenever data changed outside the web server and the running server (if any) could not
 * be told: `npm start` then rebuilds, so no cached page from before the change is served.
 */
export const contentEpoch = () => getOrCreate("content.epoch", () => "0");

export async function markPageCacheStale(): Promise<void> {
  const value = randomUUID();
  await db.setting.upsert({ where: { key: "content.epoch" }, create: { key: "content.epoch", value }, update: { value } });
}
