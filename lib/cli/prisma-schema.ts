// One model definition, one schema per database (docs/decisions/020). `prisma/schema.prisma` is
// the definition everybody edits; it targets SQLite, the default. Prisma cannot target two
// providers from one schema, so the PostgreSQL schema is rendered from it (provider, placeholder
// URL and client output changed, nothing else) into prisma/postgresql/schema.prisma, which is
// build output like the generated clients. Each provider has its own migration folder and its own
// snapshot of the definition as of its last migration.
import fs from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "@/lib/env";

export interface ProviderLayout {
  provider: DatabaseProvider;
  label: string;
  /** The schema the Prisma CLI reads for this provider. */
  schema: string;
  migrations: string;
  /** The definition as of this provider's last migration (what the next migration starts from). */
  snapshot: string;
  /** A URL the CLI accepts for commands that never connect (generate, migrate diff of two files). */
  offlineUrl: string;
}

export const DEFINITION = path.join("prisma", "schema.prisma");

export const LAYOUTS: Record<DatabaseProvider, ProviderLayout> = {
  sqlite: {
    provider: "sqlite",
    label: "SQLite",
    schema: DEFINITION,
    migrations: path.join("prisma", "migrations"),
    snapshot: path.join("prisma", "migrations", "schema.snapshot.prisma"),
    offlineUrl: ":memory:",
  },
  postgresql: {
    provider: "postgresql",
    label: "PostgreSQL",
    schema: path.join("prisma", "postgresql", "schema.prisma"),
    migrations: path.join("prisma", "postgresql", "migrations"),
    snapshot: path.join("prisma", "postgresql", "migrations", "schema.snapshot.prisma"),
    offlineUrl: "postgresql://offline@localhost:1/offline",
  },
};

export const PROVIDERS = Object.keys(LAYOUTS) as DatabaseProvider[];

const GENERATED_HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:generate`: do not edit, edit the definition.\n";

function replaceOnce(source: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = source.match(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"));
  if (matches?.length !== 1) {
    throw new Error(`prisma/schema.prisma: expected exactly one ${what} to render the PostgreSQL schema, found ${matches?.length ?? 0}.`);
  }
  return source.replace(pattern, replacement);
}

/** The definition as the given provider's schema. SQLite's is the definition itself. */
export function renderSchema(definition: string, provider: DatabaseProvider): string {
  if (provider === "sqlite") return definition;
  let out = replaceOnce(definition, /(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'datasource provider = "sqlite"');
  out = replaceOnce(out, /(datasource\s+db\s*\{[^}]*?url\s*=\s*)"file:[^"]*"/, `$1"${LAYOUTS.postgresql.offlineUrl}"`, 'datasource url = "file:…"');
  // Output paths are relative to the schema file, which sits one folder deeper.
  out = replaceOnce(out, /(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-postgresql"', 'generator output = "../lib/generated/prisma"');
  return GENERATED_HEADER + out;
}

/** Writes prisma/postgresql/schema.prisma from the definition; returns its path. */
export function writeRenderedSchemas(root = "."): void {
  const definition = fs.readFileSync(path.join(root, DEFINITION), "utf8");
  const target = path.join(root, LAYOUTS.postgresql.schema);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const rendered = renderSchema(definition, "postgresql");
  if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== rendered) fs.writeFileSync(target, rendered);
}

/** A provider's rendering of any definition file (e.g. a snapshot), written to a scratch path. */
export function renderFileTo(definitionFile: string, provider: DatabaseProvider, target: string): string {
  fs.writeFileSync(target, renderSchema(fs.readFileSync(definitionFile, "utf8"), provider));
  return target;
}
