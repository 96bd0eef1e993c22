// Runs the Prisma CLI from node_modules with the project's config (offline, adapter mode).
import { spawnSync } from "node:child_process";
import path from "node:path";

const prismaBin = path.join(process.cwd(), "node_modules", "prisma", "build", "index.js");

export function runPrisma(args: string[], extraEnv: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [prismaBin, ...args], {
    encoding: "utf8",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", ...extraEnv },
  });
  return { status: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}
