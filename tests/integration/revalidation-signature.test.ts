// The signed request `npm run import` sends to a running server to refresh its reader pages.
import { beforeEach, describe, expect, it } from "vitest";
import { signRevalidation, verifyRevalidation } from "@/lib/server/cache/revalidation-signature";
import { contentEpoch, markPageCacheStale } from "@/lib/server/setup/settings";
import { resetDatabase } from "../support/db";

beforeEach(resetDatabase);

describe("revalidation signature", () => {
  const request = { slugs: ["mistral-ai"], issuedAt: Date.now() };
  const body = JSON.stringify(request);

  it("accepts a request signed with the installation's secret", async () => {
    await expect(verifyRevalidation(body, await signRevalidation(body), request)).resolves.toBeUndefined();
  });

  it("refuses a missing or forged signature, and a body changed after signing", async () => {
    await expect(verifyRevalidation(body, null, request)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(verifyRevalidation(body, "forged", request)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const tampered = JSON.stringify({ ...request, slugs: ["other"] });
    await expect(verifyRevalidation(tampered, await signRevalidation(body), { ...request, slugs: ["other"] })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses a replayed request older than five minutes", async () => {
    const old = { slugs: [], issuedAt: Date.now() - 6 * 60 * 1000 };
    const oldBody = JSON.stringify(old);
    await expect(verifyRevalidation(oldBody, await signRevalidation(oldBody), old)).rejects.toMatchObject({ message: "This request has expired." });
  });
});

describe("page cache epoch", () => {
  it("changes when data changed with no server to tell, so the next start rebuilds", async () => {
    const before = await contentEpoch();
    await markPageCacheStale();
    const after = await contentEpoch();
    expect(after).not.toBe(before);
    expect(await contentEpoch()).toBe(after);
  });
});
