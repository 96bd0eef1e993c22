import "server-only";
// Lets `npm run import`, which runs outside the web server, ask it to expire reader pages.
// The request is signed with the installation's secret (HMAC-SHA256), which only processes with
// access to the configuration or the database know; it can expire caches, nothing more.
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import { env } from "@/lib/env";
import type { RevalidateRequest } from "@/lib/schemas/revalidate";
import { storedAuthSecret } from "../setup/settings";

const MAX_AGE_MS = 5 * 60 * 1000;

async function key(): Promise<string> {
  return `revalidate:${env.AUTH_SECRET ?? (await storedAuthSecret())}`;
}

export async function signRevalidation(body: string): Promise<string> {
  return createHmac("sha256", await key()).update(body).digest("base64url");
}

/** Throws UNAUTHENTICATED unless `signature` signs `rawBody` and the request is recent. */
export async function verifyRevalidation(rawBody: string, signature: string | null, parsed: RevalidateRequest, now = Date.now()): Promise<void> {
  const expected = Buffer.from(await signRevalidation(rawBody));
  const given = Buffer.from(signature ?? "");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError("UNAUTHENTICATED", "Invalid signature.");
  }
  if (Math.abs(now - parsed.issuedAt) > MAX_AGE_MS) throw new AppError("UNAUTHENTICATED", "This request has expired.");
}
