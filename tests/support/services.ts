// Redis, extra Dossier instances and nginx for the tests and benchmarks that need them
// (tests/e2e/scale.spec.ts, tests/bench/scale.ts). Each runs with its own config and data under
// tests/.tmp/, on ports derived from E2E_PORT, and is stopped by the caller. On a machine without
// Redis or nginx the callers skip with a clear message — except in CI (CI=1), which must not.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const base = Number(process.env.E2E_PORT ?? 3100);
/** Ports for this run: two instances next to E2E_PORT, nginx 5000 above it, Redis 3250 above it. */
export const PORTS = { appA: base + 1, appB: base + 2, appC: base + 3, nginx: base + 5000, nginxStatic: base + 5001, redis: base + 3250, ceiling: base + 5002 };

const NJS_MODULE = ["/usr/lib/nginx/modules/ngx_http_js_module.so", "/usr/share/nginx/modules/ngx_http_js_module.so"].find((p) => fs.existsSync(p));

function which(name: string, extra: string[] = []): string | null {
  for (const candidate of extra) if (fs.existsSync(candidate)) return candidate;
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

export const binaries = {
  redis: which("redis-server", ["/usr/bin/redis-server"]),
  nginx: which("nginx", ["/usr/sbin/nginx"]),
  njs: NJS_MODULE ?? null,
};

/** Why these tests cannot run here (null: they can). In CI a missing service is an error, not a skip. */
export function missingServices(): string | null {
  const missing = [!binaries.redis && "redis-server", !binaries.nginx && "nginx", !binaries.njs && "nginx's njs module (libnginx-mod-http-js)"].filter(Boolean);
  if (missing.length === 0) return null;
  const message = `needs ${missing.join(", ")} (Debian: apt-get install redis-server nginx libnginx-mod-http-js; .ci/run installs them)`;
  if (process.env.CI) throw new Error(`CI must run the multi-instance tests, but this machine lacks: ${message}`);
  return message;
}

export const scratch = (name: string) => {
  const dir = path.join(process.cwd(), "tests", ".tmp", `${name}-${base}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

function track(child: ChildProcess, label: string): ChildProcess & { log: () => string } {
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  return Object.assign(child, { log: () => `${label}:\n${log}` });
}

export function stop(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

async function waitFor(check: () => Promise<boolean>, child: ChildProcess & { log: () => string }, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`did not start:\n${child.log()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });

export async function startRedis(port = PORTS.redis): Promise<ChildProcess> {
  const dir = scratch("redis");
  const child = track(spawn(binaries.redis!, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], { detached: true, stdio: ["ignore", "pipe", "pipe"] }), "redis");
  await waitFor(() => portOpen(port), child, 20);
  return child;
}

/** A Dossier instance (lib/cli/serve.ts) on the existing build and database. */
export async function startInstance(port: number, env: Record<string, string>): Promise<ChildProcess & { log: () => string }> {
  const child = track(
    spawn(process.execPath, ["--import", "tsx", path.join("lib", "cli", "serve.ts")], {
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    }),
    `instance ${port}`,
  );
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok, child, 120);
  return child;
}

/**
 * nginx running one of docs/nginx's example configs, with the example's addresses and paths
 * replaced by this run's. Returns the process; its files live in a scratch folder.
 */
export async function startNginx(name: string, site: string, replacements: [string, string][], port: number): Promise<ChildProcess & { log: () => string }> {
  const dir = scratch(`nginx-${name}`);
  let conf = fs.readFileSync(path.join("docs", "nginx", site), "utf8");
  for (const [from, to] of [...replacements, ["/etc/nginx/dossier-purge.js", path.resolve("docs/nginx/dossier-purge.js")], ["/etc/nginx/dossier-security-headers.conf", path.resolve("docs/nginx/dossier-security-headers.conf")]] as [string, string][]) {
    conf = conf.replaceAll(from, to);
  }
  fs.writeFileSync(path.join(dir, "site.conf"), conf);
  const temp = (n: string) => path.join(dir, n);
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      process.getuid?.() === 0 ? "user root;" : "",
      "worker_processes 1;",
      "daemon off;",
      `pid ${temp("nginx.pid")};`,
      `error_log ${temp("error.log")} warn;`,
      `load_module ${binaries.njs};`,
      "events { worker_connections 1024; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  access_log off;",
      `  client_body_temp_path ${temp("body")}; proxy_temp_path ${temp("proxy")}; fastcgi_temp_path ${temp("fcgi")}; uwsgi_temp_path ${temp("uwsgi")}; scgi_temp_path ${temp("scgi")};`,
      `  include ${temp("site.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  const child = track(spawn(binaries.nginx!, ["-c", path.join(dir, "nginx.conf"), "-p", dir], { detached: true, stdio: ["ignore", "pipe", "pipe"] }), `nginx ${name}`);
  await waitFor(() => portOpen(port), child, 20);
  return child;
}
