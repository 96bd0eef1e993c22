// Applies committed migrations to the configured database (idempotent).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { env } from "@/lib/env";
import { runPrisma } from "./prisma-cli";

export function migrate(): void {
  const file = env.DATABASE_URL.replace(/^file:/, "");
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const result = runPrisma(["migrate", "deploy"]);
  if (result.status !== 0) {
    throw new Error(`Applying database migrations failed:\n${result.stderr || result.stdout}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  migrate();
  console.log(`Database ${env.DATABASE_URL} is up to date.`);
}
