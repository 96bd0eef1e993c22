// Readers at scale (issue 14), for `npm run bench -- --only=scale`, each figure against a baseline
// of the same run (docs/benchmarks.md):
//   (a) the sample dossier page through the app, (b) through nginx's proxy cache in front of it,
//   (c) from the static edition served by nginx — each against the ceiling: the same bytes from a
//   minimal Node file server, 50 connections, requests/s and p99 latency;
//   (d) a verdict change: the first request to every instance after it, and nginx's refresh;
//   (e) HTML and JavaScript bytes (gzip) of the dossier page, before (plain `next start`) and after.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { missingServices, PORTS, scratch, startInstance, startNginx, startRedis, stop } from "../support/services";

type Row = { bench: string; baseline: string; measured: string; ratio: string };
const fmt = (n: number, digits = 1) => n.toLocaleString("en-GB", { maximumFractionDigits: digits });
const kB = (bytes: number) => `${fmt(bytes / 1000, 1)} kB`;
const SLUG = "mistral-ai";
const PAGE = `/fr/dossiers/${SLUG}`;

interface Load {
  rps: number;
  p99: number;
}

/** 50 connections, 8 s: wrk when installed (it costs the servers less CPU than a Node client), else autocannon. */
async function load(url: string): Promise<Load> {
  const wrk = spawnSync("sh", ["-c", "command -v wrk"], { encoding: "utf8" }).stdout.trim();
  if (wrk) {
    const out = spawnSync(wrk, ["-t2", "-c50", "-d8s", "--timeout", "10s", "--latency", url], { encoding: "utf8" }).stdout;
    if (/Non-2xx/.test(out)) throw new Error(`${url}: errors under load\n${out}`);
    if (/Socket errors/.test(out)) console.warn(`${url}: ${/Socket errors.*/.exec(out)![0]}`);
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
    const p99m = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
    const p99 = p99m ? Number(p99m[1]) * (p99m[2] === "us" ? 0.001 : p99m[2] === "s" ? 1000 : 1) : NaN;
    return { rps, p99 };
  }
  const result = await autocannon({ url, connections: 50, duration: 8 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/** The ceiling: a Node server that does nothing but send these bytes. */
async function startCeiling(body: Buffer, port: number): Promise<ChildProcess> {
  const dir = scratch("ceiling");
  fs.writeFileSync(path.join(dir, "page.html"), body);
  const code = `const http=require("http"),fs=require("fs");const b=fs.readFileSync(${JSON.stringify(path.join(dir, "page.html"))});http.createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html; charset=utf-8","content-length":b.length});s.end(b)}).listen(${port},"127.0.0.1")`;
  const child = spawn(process.execPath, ["-e", code], { detached: true, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("the ceiling server did not start");
}

function startApp(port: number, env: Record<string, string>): Promise<ChildProcess> {
  // `npm start`: migrations, the sample, the build for this database, then the server.
  const child = spawn("npm", ["start"], { env: { ...process.env, ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 400_000;
    const poll = async () => {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return resolve(child);
      } catch {
        // not yet
      }
      if (child.exitCode !== null || Date.now() > deadline) return reject(new Error(`npm start failed:\n${log}`));
      setTimeout(poll, 500);
    };
    void poll();
  });
}

async function bytes(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

async function jsBytes(origin: string, html: string): Promise<{ raw: number; gzip: number; files: number }> {
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const b = await bytes(new URL(src, origin).toString());
    raw += b.length;
    gzip += gzipSync(b).length;
  }
  return { raw, gzip, files: srcs.length };
}

/** (a)'s throughput, for the comparison with plain `next start`. */
let appRps = 0;
const verdictIn = (html: string) => /class="claim-verdict__badge"><span class="verdict[^"]*" data-verdict="([a-z-]+)"/.exec(html)?.[1];

export async function benchScale(rows: Row[]): Promise<void> {
  const missing = missingServices();
  if (missing) {
    console.warn(`▸ scale benchmark skipped: ${missing}`);
    return;
  }
  const dir = scratch("bench-scale");
  const db = `file:${path.join(dir, "scale.db")}`;
  const staticDir = path.join(dir, "static");
  const running: ChildProcess[] = [];
  try {
    running.push(await startRedis());
    const shared = {
      DATABASE_URL: db,
      REDIS_URL: `redis://127.0.0.1:${PORTS.redis}`,
      REDIS_KEY_PREFIX: `bench-${Date.now()}`,
      PURGE_URL: `http://127.0.0.1:${PORTS.nginx}/.dossier/purge`,
      TRUSTED_PROXIES: "loopback",
    };
    running.push(await startApp(PORTS.appA, { ...shared, STATIC_DIR: staticDir }));
    running.push(await startInstance(PORTS.appB, shared));
    running.push(
      await startNginx("bench-proxy", "dossier-proxy.conf", [
        ["server 127.0.0.1:3001;", `server 127.0.0.1:${PORTS.appA};`],
        ["server 127.0.0.1:3002;", `server 127.0.0.1:${PORTS.appB};`],
        ["listen 8080;", `listen ${PORTS.nginx};`],
        ["/var/cache/nginx/dossier", path.join(scratch("bench-nginx-cache"), "cache")],
      ], PORTS.nginx),
    );
    const written = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/static.ts", staticDir], { encoding: "utf8", env: { ...process.env, DATABASE_URL: db } });
    if (written.status !== 0) throw new Error(`npm run static failed:\n${written.stdout}${written.stderr}`);
    running.push(await startNginx("bench-static", "dossier-static.conf", [["listen 8081;", `listen ${PORTS.nginxStatic};`], ["/srv/dossier/static", staticDir]], PORTS.nginxStatic));

    const app = `http://127.0.0.1:${PORTS.appA}${PAGE}`;
    const proxied = `http://127.0.0.1:${PORTS.nginx}${PAGE}`;
    const edition = `http://127.0.0.1:${PORTS.nginxStatic}${PAGE}`;
    for (const url of [app, app, proxied, proxied, edition]) await bytes(url); // render, cache, warm nginx
    const page = await bytes(app);
    const ceilingServer = await startCeiling(page, PORTS.ceiling);
    running.push(ceilingServer);
    const ceiling = await load(`http://127.0.0.1:${PORTS.ceiling}/`);
    stop(ceilingServer);
    const describe = (l: Load) => `${fmt(l.rps, 0)} req/s, p99 ${fmt(l.p99, 1)} ms`;
    const base = `minimal Node server, same ${kB(page.length)}: ${describe(ceiling)}`;
    appRps = 0;
    for (const [label, url] of [
      ["(a) the sample dossier page through the app (cached), 50 connections", app],
      ["(b) through nginx's proxy cache in front of two instances", proxied],
      ["(c) from the static edition, served by nginx", edition],
    ] as const) {
      const measured = await load(url);
      if (url === app) appRps = measured.rps;
      rows.push({ bench: label, baseline: base, measured: describe(measured), ratio: `${fmt(measured.rps / ceiling.rps, 3)}× the ceiling (p99 ${fmt(measured.p99 / ceiling.p99, 1)}×)` });
    }

    // (d) A verdict change through instance A: what each instance serves on its first request after.
    const claimPath = (id: string) => `/fr/dossiers/${SLUG}/claims/${id}`;
    const started = performance.now();
    const change = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/bench/change-verdict.ts", SLUG], { encoding: "utf8", env: { ...process.env, DATABASE_URL: db, PORT: String(PORTS.appA) } });
    if (change.status !== 0) throw new Error(`the verdict change failed:\n${change.stdout}${change.stderr}`);
    const changedAt = performance.now();
    const { claimId, outcome } = JSON.parse(change.stdout.trim().split("\n").at(-1)!) as { claimId: string; outcome: string };
    if (outcome !== "revalidated") throw new Error(`instance A was not told of the change (${outcome})`);
    const firstA = verdictIn((await bytes(`http://127.0.0.1:${PORTS.appA}${claimPath(claimId)}`)).toString());
    const firstB = verdictIn((await bytes(`http://127.0.0.1:${PORTS.appB}${claimPath(claimId)}`)).toString());
    let nginxMs = NaN;
    for (let i = 0; i < 600; i++) {
      if (verdictIn((await bytes(`http://127.0.0.1:${PORTS.nginx}${claimPath(claimId)}`)).toString()) === "partly-true") {
        nginxMs = performance.now() - changedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const single = await (async () => {
      const t = performance.now();
      await bytes(`http://127.0.0.1:${PORTS.appB}${claimPath(claimId)}`);
      return performance.now() - t;
    })();
    rows.push({
      bench: "(d) a verdict change through instance A (use case + refresh request), then one request to each instance",
      baseline: `the change itself: ${fmt(changedAt - started, 0)} ms (a process start included)`,
      measured: `first request after it: A ${firstA}, B ${firstB}; nginx's copy refreshed by the purge hook ${fmt(nginxMs, 0)} ms after the change`,
      ratio: firstA === "partly-true" && firstB === "partly-true" ? `next request on every instance; nginx after ${fmt(nginxMs / single, 0)}× one page request` : "STALE",
    });

    // (e) Bytes: what plain `next start` sends for the same build and database, against ours.
    const plain = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "--port", String(PORTS.appC)], { env: { ...process.env, DATABASE_URL: db, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, detached: true, stdio: "ignore" });
    running.push(plain);
    let before: Buffer | null = null;
    for (let i = 0; i < 200 && !before; i++) {
      try {
        await bytes(`http://127.0.0.1:${PORTS.appC}${PAGE}`);
        before = await bytes(`http://127.0.0.1:${PORTS.appC}${PAGE}`);
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    if (!before) throw new Error("plain next start did not answer");
    const after = await bytes(app);
    const jsBefore = await jsBytes(`http://127.0.0.1:${PORTS.appC}`, before.toString());
    const jsAfter = await jsBytes(`http://127.0.0.1:${PORTS.appA}`, after.toString());
    const plainLoad = await load(`http://127.0.0.1:${PORTS.appC}${PAGE}`);
    rows.push({
      bench: "(a′) the same page from plain `next start` (before: with its client runtime and flight data)",
      baseline: base,
      measured: `${describe(plainLoad)} (${kB(before.length)})`,
      ratio: `${fmt(plainLoad.rps / ceiling.rps, 3)}× the ceiling; (a) is ${fmt(appRps / plainLoad.rps, 2)}× this`,
    });
    rows.push({
      bench: "(e) HTML of the sample dossier page (gzip)",
      baseline: `plain next start: ${kB(gzipSync(before).length)} (${kB(before.length)} raw)`,
      measured: `${kB(gzipSync(after).length)} (${kB(after.length)} raw)`,
      ratio: `${fmt(gzipSync(after).length / gzipSync(before).length, 2)}×`,
    });
    rows.push({
      bench: "(e) JavaScript of the sample dossier page (gzip)",
      baseline: `plain next start: ${kB(jsBefore.gzip)} in ${jsBefore.files} files`,
      measured: `${kB(jsAfter.gzip)} in ${jsAfter.files} files`,
      ratio: jsBefore.gzip ? `${fmt(jsAfter.gzip / jsBefore.gzip, 2)}×` : "—",
    });
  } finally {
    for (const child of running.reverse()) stop(child);
  }
}
