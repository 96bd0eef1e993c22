// revalidateReaderPages must reach every cached reader page and API response built from a
// dossier: they are all built from data loaded through lib/http/reader-cache.ts with its tags.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

const revalidateTag = vi.fn();
vi.mock("next/cache", () => ({ revalidateTag, revalidatePath: vi.fn(), unstable_cache: vi.fn() }));
const after = vi.fn();
vi.mock("next/server", () => ({ after }));

const { revalidateAfter, revalidateReaderPages, revalidateAllReaderPages, readerDossierTag, READER_LIST_TAG, READER_TAG } = await import("@/lib/http/revalidate");

beforeEach(() => {
  revalidateTag.mockClear();
  after.mockClear();
});

describe("revalidateReaderPages", () => {
  it("expires the dossier's tag and the lists at once (the next reader sees the change)", () => {
    revalidateReaderPages("mistral-ai");
    expect(revalidateTag.mock.calls).toEqual([
      [READER_LIST_TAG, { expire: 0 }],
      [readerDossierTag("mistral-ai"), { expire: 0 }],
    ]);
  });

  it("only expires the lists when no slug is given", () => {
    revalidateReaderPages(null);
    expect(revalidateTag.mock.calls).toEqual([[READER_LIST_TAG, { expire: 0 }]]);
  });

  it("can expire the whole public site", () => {
    revalidateAllReaderPages();
    expect(revalidateTag.mock.calls).toEqual([[READER_TAG, { expire: 0 }]]);
  });
});

describe("revalidateAfter (server actions and newsroom API routes)", () => {
  it("expires the pages of the published dossier a use case names, and nothing for a draft's change", () => {
    revalidateAfter({ claim: {}, readerSlug: "mistral-ai" });
    expect(revalidateTag.mock.calls).toEqual([
      [READER_LIST_TAG, { expire: 0 }],
      [readerDossierTag("mistral-ai"), { expire: 0 }],
    ]);
    revalidateTag.mockClear();
    for (const result of [{ readerSlug: null }, { savedAt: "2026-01-01" }, null, "done"]) revalidateAfter(result);
    expect(revalidateTag).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
  });

  it("expires a publication's pages again once renders in flight have settled (they may hold the previous version)", async () => {
    vi.useFakeTimers();
    try {
      revalidateAfter({ publicationEventId: "p1", readerSlug: "mistral-ai" });
      expect(revalidateTag).toHaveBeenCalledTimes(2);
      expect(after).toHaveBeenCalledTimes(1);
      const later = (after.mock.calls[0]![0] as () => Promise<void>)();
      await vi.advanceTimersByTimeAsync(5000);
      await later;
      expect(revalidateTag.mock.calls.slice(2)).toEqual([
        [READER_LIST_TAG, { expire: 0 }],
        [readerDossierTag("mistral-ai"), { expire: 0 }],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("every reader route loads its data through the tagged cache", () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [path.join(dir, e.name)] : []));
  const routes = [...files(path.join("app", "(reader)")), ...files(path.join("app", "api", "dossiers"))].filter((f) => /(page|route)\.tsx?$/.test(f));

  it("finds the routes", () => {
    expect(routes.length).toBeGreaterThanOrEqual(7);
  });

  it.each(routes)("%s reads no data except through lib/http (tagged, revalidated)", (file) => {
    const source = fs.readFileSync(file, "utf8");
    // Reading a use case directly would build a page no revalidation reaches.
    expect(source).not.toMatch(/from "@\/lib\/server\/reader\/(get-published-dossier|list-published-dossiers)"/);
    expect(source).not.toMatch(/\b(cookies|headers)\(\)/);
  });
});
