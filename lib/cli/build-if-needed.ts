// Decides whether `npm start` must run `next build`: when there is no build, or when the sources,
// the dependencies or the database (whose pages the build cached) differ from the last build's.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "content", "prisma/schema.prisma", "package-lock.json", "next.config.ts", "tsconfig.json", "proxy.ts"];
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

export function recordBuild(fingerprint: string): void {
  fs.writeFileSync(STAMP, JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
}
