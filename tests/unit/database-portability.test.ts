// The pure parts of running on two databases: which database a URL means, how the PostgreSQL
// schema is rendered from the one definition, how names are ordered, and how a database's
// refusal is read (health's reasons, the retry on a lost race).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSchema } from "@/lib/cli/prisma-schema";
import { byText, compareText } from "@/lib/domain/collation";
import { databaseProviderOf, postgresDatabaseName } from "@/lib/env";
import { isWriteConflict, writeRefusal } from "@/lib/server/database/errors";

describe("DATABASE_URL", () => {
  it("picks the database from the scheme", () => {
    expect(databaseProviderOf("file:./data/dossier.db")).toBe("sqlite");
    expect(databaseProviderOf(":memory:")).toBe("sqlite");
    expect(databaseProviderOf("postgresql://u:p@db:5432/dossier")).toBe("postgresql");
    expect(databaseProviderOf("postgres://db/dossier")).toBe("postgresql");
    expect(databaseProviderOf("mysql://db/dossier")).toBeNull();
    expect(databaseProviderOf("./data/dossier.db")).toBeNull();
  });

  it("requires a PostgreSQL URL to name its database", () => {
    expect(postgresDatabaseName("postgresql://u:p@db:5432/dossier?sslmode=require")).toBe("dossier");
    expect(postgresDatabaseName("postgresql://u:p@db:5432/")).toBeNull();
    expect(postgresDatabaseName("postgresql://u:p@db:5432")).toBeNull();
  });
});

describe("the PostgreSQL schema, rendered from the one definition", () => {
  const definition = fs.readFileSync("prisma/schema.prisma", "utf8");
  const rendered = renderSchema(definition, "postgresql");

  it("changes only the provider, the placeholder URL and the client's folder", () => {
    expect(rendered).toContain('provider = "postgresql"');
    expect(rendered).toContain('output     = "../../lib/generated/prisma-postgresql"');
    expect(rendered).not.toContain("file:./placeholder.db");
    const strip = (s: string) =>
      s
        .split("\n")
        .filter((l) => !/^\s*(provider|url|output)\s*=/.test(l) && !l.startsWith("// GENERATED"))
        .join("\n");
    expect(strip(rendered)).toBe(strip(definition));
    expect(renderSchema(definition, "sqlite")).toBe(definition);
  });

  it("refuses a definition it cannot render faithfully, rather than guess", () => {
    expect(() => renderSchema(definition.replace('provider = "sqlite"', 'provider = "mysql"'), "postgresql")).toThrow(/datasource provider/);
  });
});

describe("French collation order", () => {
  it("ignores case and accents first, counts numbers as numbers", () => {
    const names = ["Zoé", "émile", "Éric", "alice", "Adèle", "Œdipe", "Ève", "Dossier 10", "Dossier 9", "eve"];
    expect([...names].sort(compareText)).toEqual(["Adèle", "alice", "Dossier 9", "Dossier 10", "émile", "Éric", "eve", "Ève", "Œdipe", "Zoé"]);
    expect([{ n: "b" }, { n: "A" }].sort(byText((x) => x.n)).map((x) => x.n)).toEqual(["A", "b"]);
  });

  it("is a total order: different strings never compare equal", () => {
    expect(compareText("e\u0301", "é")).not.toBe(0);
    expect(compareText("same", "same")).toBe(0);
  });
});

describe("reading a database's refusal", () => {
  // The shapes the drivers and Prisma actually produce (seen in tests/integration/failed-commit).
  const sqlite = (code: string, message: string) => Object.assign(new Error(message), { code });
  const viaAdapter = (cause: Record<string, unknown>) =>
    Object.assign(new Error("Invalid invocation"), { code: "P2010", meta: { driverAdapterError: Object.assign(new Error(String(cause.kind)), { cause }) } });

  it("names read-only, disk full, disk errors and locks", () => {
    expect(writeRefusal(sqlite("SQLITE_READONLY", "attempt to write a readonly database"))).toBe("read-only");
    expect(writeRefusal(viaAdapter({ kind: "postgres", code: "25006", message: "cannot execute INSERT in a read-only transaction" }))).toBe("read-only");
    expect(writeRefusal(sqlite("SQLITE_FULL", "database or disk is full"))).toBe("disk-full");
    expect(writeRefusal(viaAdapter({ kind: "postgres", code: "53100", message: "could not extend file: No space left on device" }))).toBe("disk-full");
    expect(writeRefusal(sqlite("SQLITE_IOERR_WRITE", "disk I/O error"))).toBe("disk-error");
    expect(writeRefusal(viaAdapter({ kind: "SocketTimeout", originalCode: "SQLITE_BUSY", originalMessage: "database is locked" }))).toBe("locked");
    expect(writeRefusal(viaAdapter({ kind: "postgres", code: "55P03", message: "canceling statement due to lock timeout" }))).toBe("locked");
    expect(writeRefusal(new Error("Unique constraint failed"))).toBeNull();
  });

  it("recognises a transaction lost to a concurrent one, and nothing else", () => {
    expect(isWriteConflict(Object.assign(new Error("write conflict"), { code: "P2034" }))).toBe(true);
    expect(isWriteConflict(viaAdapter({ kind: "TransactionWriteConflict" }))).toBe(true);
    expect(isWriteConflict(viaAdapter({ kind: "postgres", code: "40P01", message: "deadlock detected" }))).toBe(true);
    expect(isWriteConflict(viaAdapter({ kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isWriteConflict(new Error("CONFLICT"))).toBe(false);
  });
});
