import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgetCachedData } from "@/lib/cli/build-if-needed";

describe("forgetCachedData (run before every build)", () => {
  let root: string;
  const file = (...parts: string[]) => path.join(root, ".next", ...parts);
  const put = (...parts: string[]) => {
    fs.mkdirSync(path.dirname(file(...parts)), { recursive: true });
    fs.writeFileSync(file(...parts), "x");
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-build-"));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("drops the dossiers cached for the previous database, in the build's and the dev server's cache", () => {
    put("cache", "fetch-cache", "reader-list-entry");
    put("dev", "cache", "fetch-cache", "reader-dossier-entry");
    forgetCachedData(root);
    expect(fs.existsSync(file("cache", "fetch-cache"))).toBe(false);
    expect(fs.existsSync(file("dev", "cache", "fetch-cache"))).toBe(false);
  });

  it("keeps the compiler's cache and the build itself", () => {
    put("cache", "fetch-cache", "entry");
    put("cache", "turbopack", "chunk");
    put("BUILD_ID");
    forgetCachedData(root);
    expect(fs.existsSync(file("cache", "turbopack", "chunk"))).toBe(true);
    expect(fs.existsSync(file("BUILD_ID"))).toBe(true);
  });

  it("does nothing on a first start, when there is no cache yet", () => {
    expect(() => forgetCachedData(root)).not.toThrow();
  });
});
