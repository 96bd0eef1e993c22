// `npm start`: migrate the database, fill it on first run, build if needed, serve on PORT.
// `npm run dev` does the same with Next's dev server and no build.
import { spawn } from "node:child_process";
import path from "node:path";
import { formatContentError } from "@/lib/content/load-dossier-folder";
import { env, publicUrl } from "@/lib/env";
import { db } from "@/lib/server/db";
import { ensureSearchIndex } from "@/lib/server/search/search-index";
import { bootstrap } from "@/lib/server/setup/bootstrap";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/server/setup/demo-users";
import { buildFingerprint, ensureBuild, forgetCachedData } from "./build-if-needed";
import { migrate, redact } from "./migrate";

const dev = process.argv.includes("--dev");
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function step(label: string) {
  console.log(`▸ ${label}`);
}

step(`Database: ${redact(env.DATABASE_URL)}`);
await migrate();
const report = await bootstrap();
// Creates the search index on a database that has none (indexing everything once), so the first search is quick.
await ensureSearchIndex();
await db.$disconnect();

if (report.imported) {
  for (const w of report.imported.warnings) console.warn(`  ${formatContentError(w)}`);
  if (report.imported.ok) {
    for (const s of report.imported.imported) step(`Imported dossier "${s.slug}" (${s.counts.claims} claims, ${s.counts.sources} sources)`);
  } else {
    console.error(`✖ The content in ${env.CONTENT_DIR} is invalid; nothing was imported:`);
    for (const e of report.imported.errors) console.error(`  ${formatContentError(e)}`);
  }
}
if (env.DEMO_MODE) {
  console.warn(
    `⚠ Demo mode is on: ${DEMO_USERS.map((u) => u.email).join(", ")} can sign in with the password "${DEMO_PASSWORD}".\n` +
      "  Set DEMO_MODE=off for a real newsroom (this disables the demo accounts).",
  );
} else if (report.demoUsersDisabled > 0) {
  step(`Demo mode is off: disabled ${report.demoUsersDisabled} demo account(s).`);
}

if (dev) {
  // The dev server has no build to tie its cache to a database: start it with an empty one.
  forgetCachedData();
} else {
  const fingerprint = buildFingerprint(`${report.installId}:${report.contentEpoch}`);
  if (!ensureBuild(fingerprint, () => step("Building the site (first start, new content or code changed, ≈ 30 s)…"))) process.exit(1);
}

step(`Serving Dossier on ${publicUrl()}`);
// Next's handler behind our own server (lib/cli/serve.ts): headers, reader HTML, client addresses.
// Not under this process's react-server condition: Next renders with the full React itself.
const server = spawn(process.execPath, ["--import", "tsx", path.join("lib", "cli", "serve.ts"), ...(dev ? ["--dev"] : [])], {
  stdio: "inherit",
  env: { ...childEnv, NODE_ENV: dev ? "development" : "production" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
