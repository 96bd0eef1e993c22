// Helpers for the record's integration tests: capture settings for the fixture site
// (fixture-site.ts), and a scratch storage.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CaptureSettings } from "@/lib/server/capture/settings";
import { localStorage } from "@/lib/server/storage/local";
import { replaceStorage, type Storage } from "@/lib/server/storage";

/** Settings for captures of the fixture server: localhost allowed, small limits, no browser. */
export function testSettings(overrides: Partial<CaptureSettings> = {}): CaptureSettings {
  return {
    timeoutMs: 3000,
    maxBytes: 1_000_000,
    render: "off",
    browserPath: null,
    allowPrivateHosts: ["127.0.0.1"],
    userAgent: "DossierTest/1.0",
    maxSubresources: 20,
    timestampAuthorityUrl: null,
    internetArchive: { enabled: false, endpoint: "http://127.0.0.1:9", accessKey: null, secretKey: null, pollMs: 10, maxPolls: 5 },
    ...overrides,
  };
}

export const systemChromium = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((p) => fs.existsSync(p)) ?? null;

/** A scratch local storage for this test file, installed as the application's storage. */
export function scratchStorage(name: string): { storage: Storage; dir: string; reset: () => void } {
  const dir = path.join(os.tmpdir(), `dossier-${name}-${process.pid}`);
  const storage = localStorage(dir);
  replaceStorage(storage);
  return { storage, dir, reset: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function listKeys(storage: Storage): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of storage.list()) keys.push(o.key);
  return keys.sort();
}


export { ARTICLE_HTML, PAGE_BODY, PNG, makePdf, startFixtureServer, type FixtureServer } from "./fixture-site";
