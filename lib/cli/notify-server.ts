// After `npm run import` changed data, tell a running server to expire its cached reader pages.
// When no server answers, the page cache is marked stale so the next `npm start` rebuilds.
import { publicUrl } from "@/lib/env";
import { signRevalidation } from "@/lib/server/cache/revalidation-signature";
import { markPageCacheStale } from "@/lib/server/setup/settings";

export type NotifyOutcome = "revalidated" | "marked-stale";

/** Where the running server is told to refresh: PUBLIC_URL's (or localhost:PORT's) revalidation route. */
export const revalidationAddress = (): string => new URL("/api/internal/revalidate", publicUrl()).toString();

export async function notifyServer(slugs: string[]): Promise<NotifyOutcome> {
  const body = JSON.stringify({ slugs, issuedAt: Date.now() });
  try {
    const res = await fetch(revalidationAddress(), {
      method: "POST",
      headers: { "content-type": "application/json", "x-dossier-signature": await signRevalidation(body) },
      body,
      signal: AbortSignal.timeout(5000),
    });
    if (res.status === 204) return "revalidated";
    console.warn(`The server at ${revalidationAddress()} refused to refresh its pages (HTTP ${res.status}).`);
  } catch {
    // No server running (or not reachable): fall through.
  }
  await markPageCacheStale();
  return "marked-stale";
}
