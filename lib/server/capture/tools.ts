import "server-only";
// The versions of the tools that made a capture or read a document, recorded with it. The
// dependencies are pinned to exact versions (package.json), so these are the versions installed.
import pkg from "@/package.json";

const deps = pkg.dependencies as Record<string, string>;

export function toolVersions(names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = { dossier: pkg.version };
  for (const name of names) if (deps[name]) out[name] = deps[name];
  return out;
}
