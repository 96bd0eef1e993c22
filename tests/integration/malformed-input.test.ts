// Issue 10, item 5: malformed input is a 4xx with a clear message, never a 500 — here through the
// real route handlers (the newsroom's JSON autosave and Better Auth's sign-in) against the real
// database: lone surrogates and NUL bytes in JSON, bodies over the limit, and nothing written.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { REQUEST_BODY_MAX_BYTES } from "@/lib/schemas/limits";
import { signInRequest } from "../support/auth";
import { db, resetDatabase } from "../support/db";
import { demoActors, dossierWithArticle, type Actors } from "../support/newsroom";

const state = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor }));
vi.mock("@/lib/server/auth/get-actor", async (original) => ({ ...(await original<object>()), getActor: async () => state.actor }));

const { POST: saveDraftRoute } = await import("@/app/api/newsroom/dossiers/[dossierId]/draft/route");
const { POST: authRoute } = await import("@/app/api/auth/[...all]/route");
const { publicUrl } = await import("@/lib/env");

let actors: Actors;
let dossier: { id: string; version: number };
beforeAll(async () => {
  await resetDatabase();
  actors = await demoActors();
});
beforeEach(async () => {
  await db.articleDraft.deleteMany({});
  await db.dossier.deleteMany({});
  dossier = await dossierWithArticle(actors.journalist);
  state.actor = actors.journalist;
});

function draftRequest(body: string, headers: Record<string, string> = {}) {
  return saveDraftRoute(new Request(`${publicUrl()}/api/newsroom/dossiers/${dossier.id}/draft`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }), {
    params: Promise.resolve({ dossierId: dossier.id }),
  });
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } }).error;
}

describe("the newsroom's JSON autosave", () => {
  it("refuses a lone surrogate escape in the article with 400, naming the field, and stores nothing", async () => {
    const response = await draftRequest(`{"body":"Début \\ud800 fin","baseVersion":${dossier.version}}`);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { body: [expect.stringMatching(/^The article contains a broken character/)] } });
    expect(await db.articleDraft.count()).toBe(0);
  });

  it("refuses a NUL character the same way", async () => {
    const response = await draftRequest(JSON.stringify({ body: "Début \u0000 fin", baseVersion: dossier.version }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).fieldErrors).toEqual({ body: [expect.stringMatching(/^The article contains a NUL character \(U\+0000\)/)] });
    expect(await db.articleDraft.count()).toBe(0);
  });

  it("refuses a body over the limit as too large, saying the limit, without reading it", async () => {
    const declared = await draftRequest("{}", { "content-length": String(REQUEST_BODY_MAX_BYTES + 1) });
    expect(declared.status).toBe(413);
    expect(await errorOf(declared)).toMatchObject({ code: "TOO_LARGE", message: expect.stringMatching(/too large: the server accepts at most 2\.7 MB/) });
    // Without a Content-Length (a chunked upload): counted while reading.
    const body = JSON.stringify({ body: "x".repeat(REQUEST_BODY_MAX_BYTES), baseVersion: dossier.version });
    const streamed = await saveDraftRoute(
      new Request(`${publicUrl()}/api/newsroom/dossiers/${dossier.id}/draft`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: new Blob([body]).stream(),
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({ dossierId: dossier.id }) },
    );
    expect(streamed.status).toBe(413);
    expect(await db.articleDraft.count()).toBe(0);
  });

  it("accepts the longest article in multi-byte characters (it is within the limit on the wire)", async () => {
    const response = await draftRequest(JSON.stringify({ body: "€\n".repeat(200_000), baseVersion: dossier.version }));
    expect(response.status).toBe(200);
    expect(await db.articleDraft.count()).toBe(1);
  });

  it("says the article is too long, with the limit, when it is", async () => {
    const response = await draftRequest(JSON.stringify({ body: "x".repeat(400_001), baseVersion: dossier.version }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).fieldErrors).toEqual({ body: ["The article must be at most 400,000 characters."] });
  });

  it("refuses a body that is not JSON with 400", async () => {
    const response = await draftRequest("{not json");
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ message: "The request body must be JSON." });
  });
});

describe("sign-in (Better Auth's route)", () => {
  it("refuses a lone surrogate or a NUL in the email with 400, naming the field", async () => {
    for (const email of ["journalist\ud800@example.com", "journalist@example.com\u0000"]) {
      const response = await authRoute(
        new Request(`${publicUrl()}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: publicUrl(), "x-forwarded-for": "203.0.113.99" },
          body: JSON.stringify({ email, password: "dossier-demo" }),
        }),
      );
      expect(response.status, JSON.stringify(email)).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/^The field “email” contains a (broken|NUL) character/);
    }
    // The account is not locked or counted by those attempts: the right password still works.
    expect((await signInRequest("journalist@example.com", "dossier-demo")).status).toBe(200);
  });
});
