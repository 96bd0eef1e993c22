// docs/decisions/001: lib/server is the only importer of Prisma; lib/domain stays pure.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components", "lib"];
const PRISMA = /from\s+["'](?:@prisma\/[^"']+|[^"']*generated\/prisma[^"']*|better-sqlite3|pg|@\/lib\/server\/db)["']/;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(entry.name) ? [p] : [];
  });
}

describe("architecture", () => {
  const files = ROOTS.flatMap(sourceFiles);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("imports Prisma and the database only from lib/server (and the CLI's migration tooling)", () => {
    const offenders = files.filter(
      (f) => !f.startsWith(path.join("lib", "server")) && !f.startsWith(path.join("lib", "cli")) && PRISMA.test(fs.readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("marks every data-layer module server-only", () => {
    const missing = files
      .filter((f) => f.startsWith(path.join("lib", "server")))
      .filter((f) => !fs.readFileSync(f, "utf8").includes('import "server-only"'));
    expect(missing).toEqual([]);
  });

  it("keeps lib/domain free of I/O and frameworks", () => {
    const impure = files
      .filter((f) => f.startsWith(path.join("lib", "domain")))
      .filter((f) => /from\s+["'](node:|fs|path|next|react|@\/lib\/server)/.test(fs.readFileSync(f, "utf8")));
    expect(impure).toEqual([]);
  });

  it("never erases a fact-check record: no code updates or deletes verdict history, and only delete-dossier deletes a dossier", () => {
    // VerdictChange is append-only (prisma/schema.prisma); a dossier with a record is archived,
    // never deleted (docs/decisions/030). Raw SQL would bypass this check: the data layer has none,
    // but for the search index's own tables (search_*, docs/decisions/080), derived from the rows.
    const server = files.filter((f) => f.startsWith(path.join("lib", "server")));
    const history = server.filter((f) => /verdictChange\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\s*\(/.test(fs.readFileSync(f, "utf8")));
    expect(history).toEqual([]);
    const dossierDeletes = server.filter((f) => /dossier\s*\.\s*(delete|deleteMany)\s*\(/.test(fs.readFileSync(f, "utf8")));
    expect(dossierDeletes).toEqual([path.join("lib", "server", "dossiers", "delete-dossier.ts")]);
    const rawSql = server.filter((f) => /\$(executeRaw|queryRaw)(Unsafe)?\s*[`(]/.test(fs.readFileSync(f, "utf8")) && /delete\s+from\s+(?!"?search_)/i.test(fs.readFileSync(f, "utf8")));
    expect(rawSql).toEqual([]);
  });

  it("reads configuration from process.env only in lib/env.ts", () => {
    // Forwarding the whole environment to a child process (`...process.env`) is not reading it.
    const readers = files.filter((f) => f !== path.join("lib", "env.ts") && /process\.env\s*(\.|\[)/.test(fs.readFileSync(f, "utf8")));
    expect(readers).toEqual([]);
  });
});
