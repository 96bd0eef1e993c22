// Decides whether `npm start` must run `next build`: when there is no build, or when the sources,
// the dependencies or the database (whose pages the build cached) differ from the last build's.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "content", "prisma/schema.prisma", "package-lock.json", "next.config.ts", "tsconfig.json", "proxy.ts", "instrumentation.ts"];
const STAMP = path.join(".next", "dossier-build.json");

function addTree(hash: ReturnType<typeof createHash>, p: string) {
  if (!fs.existsSync(p)) return;
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (name === "generated" || name.startsWith(".")) continue;
      addTree(hash, path.join(p, name));
    }
  } else {
    hash.update(p).update("\0").update(fs.readFileSync(p)).update("\0");
  }
}

export function buildFingerprint(dataIdentity: string): string {
  const hash = createHash("sha256").update(dataIdentity);
  for (const input of INPUTS) addTree(hash, input);
  return hash.digest("hex");
}

export function needsBuild(fingerprint: string): boolean {
  if (!fs.existsSync(path.join(".next", "BUILD_ID")) || !fs.existsSync(STAMP)) return true;
  try {
    return (JSON.parse(fs.readFileSync(STAMP, "utf8")) as { fingerprint?: string }).fingerprint !== fingerprint;
  } catch {
    return true;
  }
}

/**
 * Forgets the data Next cached for the previous build (`unstable_cache` entries live in
 * .next/cache/fetch-cache and survive `next build`). Without this a build for another database, or
 * after an import made while the site was down, would prerender and serve the old dossiers.
 * The compiler's cache (.next/cache/turbopack) is kept: it only holds compiled code.
 */
export function forgetCachedData(root = "."): void {
  // `next build`'s cache, and `next dev`'s (Next 16 keeps the dev server's output in .next/dev).
  for (const dir of [path.join(".next", "cache"), path.join(".next", "dev", "cache")]) {
    fs.rmSync(path.join(root, dir, "fetch-cache"), { recursive: true, force: true });
  }
}

export function recordBuild(fingerprint: string): void {
  fs.writeFileSync(STAMP, JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
}

// Outside .next: `next build` empties that folder.
const LOCK = ".dossier-build.lock";

/**
 * Builds when needed, once even when several instances start together from one folder: the first
 * takes a lock (a directory: creating it is atomic), the others wait for it and find the build
 * done. A lock older than 15 minutes is a crashed build's, and is taken over. False if the build failed.
 */
export function ensureBuild(fingerprint: string, announce: () => void): boolean {
  if (!needsBuild(fingerprint)) return true;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 15 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    if (!needsBuild(fingerprint)) return true;
    announce();
    forgetCachedData();
    const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" } });
    if (build.status !== 0) {
      console.error("✖ The build failed (see above).");
      return false;
    }
    recordBuild(fingerprint);
    return true;
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
