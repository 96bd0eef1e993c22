// `npm run db:generate` (also run by postinstall): renders the PostgreSQL schema from the one
// definition, then generates a Prisma client per provider (lib/generated/prisma for SQLite,
// lib/generated/prisma-postgresql for PostgreSQL). lib/server/db.ts picks one from DATABASE_URL.
import { PROVIDERS, LAYOUTS, writeRenderedSchemas } from "./prisma-schema";
import { runPrismaFor } from "./prisma-cli";

writeRenderedSchemas();
for (const provider of PROVIDERS) {
  const run = runPrismaFor(provider, ["generate"]);
  if (run.status !== 0) {
    console.error(`Generating the ${LAYOUTS[provider].label} client failed:\n${run.stderr}${run.stdout}`);
    process.exit(1);
  }
  console.log(`Generated the ${LAYOUTS[provider].label} client from ${LAYOUTS[provider].schema}.`);
}
