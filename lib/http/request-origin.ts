// A state-changing request to a page (a server action, posted by a form or by Next's client) from
// another site: Next refuses it by throwing, which readers of the logs see as a 500. The server
// answers 403 before Next sees it (docs/decisions/043). The rule is Next's own: the Origin's host
// must be the host the request was sent to (or the one of PUBLIC_URL).

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function isForeignOriginWrite(request: { method?: string; headers: Record<string, string | string[] | undefined> }, publicOrigin: string): boolean {
  if (SAFE.has((request.method ?? "GET").toUpperCase())) return false;
  const origin = first(request.headers.origin);
  // Browsers send Origin with every cross-site POST; without one, Next decides (as it always has).
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage: not this site
  }
  const hosts = [first(request.headers["x-forwarded-host"]), first(request.headers.host), safeHost(publicOrigin)].filter(Boolean).map((h) => h!.toLowerCase());
  return !hosts.includes(originHost);
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(",")[0]?.trim() || undefined;

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
