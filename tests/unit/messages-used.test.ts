// Every interface string of the catalogs (lib/i18n/catalogs) is used: a key no page or component reads is a
// translation kept up to date for nothing. A key counts as used when a source file that reads its
// section also reads the key (`.key`, or `key` destructured), so it catches keys named nowhere.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(entry.name) ? [p] : [];
  });
}

describe("UI messages", () => {
  const sources = ["app", "components", "lib"]
    .flatMap(sourceFiles)
    .filter((f) => f !== path.join("lib", "i18n", "messages.ts") && !f.startsWith(path.join("lib", "i18n", "catalogs")))
    .map((f) => fs.readFileSync(f, "utf8"));

  it("are each read somewhere", () => {
    const unused = Object.entries(messages("en")).flatMap(([section, keys]) => {
      const readers = sources.filter((s) => new RegExp(`\\.${section}\\b|\\["${section}"\\]`).test(s));
      return Object.keys(keys)
        .filter((key) => !readers.some((s) => new RegExp(`\\.${key}\\b|[{,]\\s*${key}\\b(?!\\()`).test(s)))
        .map((key) => `${section}.${key}`);
    });
    expect(unused).toEqual([]);
  });
});
