// `npm run static -- <dir>`: writes the static edition of every published dossier to <dir>
// (docs/static-edition.md). It starts a private server on a free local port (building first if the
// build is missing or out of date, as `npm start` would), reads the reader routes from it, and stops it.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db";
import { bootstrap } from "@/lib/server/setup/bootstrap";
import { writeWholeEdition } from "@/lib/static/edition";
import { buildFingerprint, ensureBuild } from "./build-if-needed";
import { migrate } from "./migrate";

const dir = process.argv[2];
if (!dir) {
  console.error("Usage: npm run static -- <folder>   (the folder the static edition is written to)");
  process.exit(2);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function startPrivateServer(port: number): Promise<ChildProcess> {
  // Without Redis, the page cache in .next is only known to be current by the server that wrote
  // it: this one reads nothing from it and renders every page afresh.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...(env.REDIS_URL ? {} : { PAGE_CACHE: "none" }) };
  // Its pages are only read: it must not write an edition or call the purge hook itself.
  delete childEnv.STATIC_DIR;
  delete childEnv.PURGE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", path.join("lib", "cli", "serve.ts")], { env: childEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the private server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

migrate();
const report = await bootstrap();
await db.$disconnect();
if (!ensureBuild(buildFingerprint(`${report.installId}:${report.contentEpoch}`), () => console.log("▸ Building the site first (≈ 30 s)…"))) process.exit(1);

const port = await freePort();
const server = await startPrivateServer(port);
try {
  const target = path.resolve(dir);
  const result = await writeWholeEdition({ origin: `http://127.0.0.1:${port}`, dir: target, defaultLocale: env.DEFAULT_LOCALE });
  console.log(`▸ Static edition in ${target}: ${result.written.length} dossier(s) written${result.written.length ? ` (${result.written.join(", ")})` : ""}${result.removed.length ? `, removed: ${result.removed.join(", ")}` : ""}.`);
} catch (error) {
  console.error("✖ The static edition could not be written:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  process.kill(-server.pid!, "SIGTERM");
}
