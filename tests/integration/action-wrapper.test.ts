// The one wrapper every server action goes through (lib/http/action.ts): refuse anonymous callers
// before anything else, parse with the shared schema, map AppErrors to form results, log and
// hide unexpected errors, revalidate reader pages after a change to a published dossier.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/server/actor";

const state = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor }));
vi.mock("@/lib/server/auth/get-actor", () => ({ getActor: async () => state.actor }));
vi.mock("next/cache", () => ({ refresh: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${to};307;` });
  }),
  unstable_rethrow: (e: unknown) => {
    if (e instanceof Error && "digest" in e) throw e;
  },
}));

const { defineAction } = await import("@/lib/http/action");
const { revalidateTag, refresh } = await import("next/cache");

const Schema = z.object({ title: z.string().trim().min(1, "Title is required."), draft: z.preprocess((v) => v === "on", z.boolean()) });
const journalist: Actor = { kind: "user", id: "u1", role: "journalist", email: "j@example.com", name: "J" };

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append("$ACTION_ID_abc", "");
  return fd;
}

beforeEach(() => {
  vi.clearAllMocks();
  state.actor = { kind: "anonymous" };
});

describe("defineAction", () => {
  it("refuses an anonymous caller without parsing or running the use case", async () => {
    const run = vi.fn();
    const result = await defineAction(Schema, run)(null, form({ title: "" }));
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(result).not.toHaveProperty("fieldErrors");
    expect(run).not.toHaveBeenCalled();
  });

  it("returns field errors from the shared schema and writes nothing", async () => {
    state.actor = journalist;
    const run = vi.fn();
    const result = await defineAction(Schema, run)(null, form({ title: "  " }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { title: ["Title is required."] } });
    expect(run).not.toHaveBeenCalled();
  });

  it("gives back what was typed (never a password) only to a form sent without JavaScript, and never passes the marker on", async () => {
    state.actor = journalist;
    const run = vi.fn();
    const scriptless = await defineAction(Schema, run)(null, form({ title: " ", note: "kept", password: "secret", _echo: "1" }));
    expect(scriptless).toMatchObject({ ok: false, code: "INVALID_INPUT", submitted: { title: " ", note: "kept" } });
    expect(scriptless.ok ? null : scriptless.submitted).not.toHaveProperty("password");
    expect(scriptless.ok ? null : scriptless.submitted).not.toHaveProperty("_echo");
    const withScript = await defineAction(Schema, run)(null, form({ title: " ", note: "kept" }));
    expect(withScript).not.toHaveProperty("submitted");
    const strict = z.strictObject({ title: z.string() });
    const saved = vi.fn(async () => ({ readerSlug: null }));
    expect(await defineAction(strict, saved)(null, (() => { const fd = new FormData(); fd.append("title", "x"); fd.append("_echo", "1"); return fd; })())).toMatchObject({ ok: true });
  });

  it("passes the actor and the parsed input (React's own fields left out), and refreshes the page", async () => {
    state.actor = journalist;
    const run = vi.fn(async (_a: Actor, input: z.output<typeof Schema>) => ({ echoed: input, readerSlug: null }));
    const result = await defineAction(Schema, run)(null, form({ title: " Hello ", draft: "on" }));
    expect(run).toHaveBeenCalledWith(journalist, { title: "Hello", draft: true });
    expect(result).toEqual({ ok: true, data: { echoed: { title: "Hello", draft: true }, readerSlug: null } });
    expect(refresh).toHaveBeenCalled();
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("revalidates the reader pages of a published dossier it changed", async () => {
    state.actor = journalist;
    await defineAction(Schema, async () => ({ readerSlug: "mistral-ai" }))(null, { title: "x" });
    // The dossier's tag (every cached page and JSON built from it) and the dossier lists.
    expect(revalidateTag).toHaveBeenCalledWith("reader:dossier:mistral-ai", { expire: 0 });
    expect(revalidateTag).toHaveBeenCalledWith("reader:list", { expire: 0 });
  });

  it("maps a refusal to a coded result with the details a conflict needs", async () => {
    state.actor = journalist;
    const result = await defineAction(Schema, async () => {
      throw new AppError("CONFLICT", "Changed meanwhile.", { details: { current: { title: "Theirs" } } });
    })(null, { title: "Mine" });
    expect(result).toEqual({ ok: false, code: "CONFLICT", error: "Changed meanwhile.", fieldErrors: undefined, details: { current: { title: "Theirs" } } });
  });

  it("logs an unexpected error with its cause and tells the user nothing was saved", async () => {
    state.actor = journalist;
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const boom = new Error("disk full");
    const result = await defineAction(Schema, async () => {
      throw boom;
    })(null, { title: "x" });
    expect(result).toMatchObject({ ok: false, code: "INTERNAL", error: expect.stringContaining("nothing was saved") });
    expect(JSON.stringify(result)).not.toContain("disk full");
    expect(spy).toHaveBeenCalledWith("Server action failed", boom);
    spy.mockRestore();
  });

  it("navigates after success when asked to", async () => {
    state.actor = journalist;
    const action = defineAction(Schema, async () => ({ slug: "new-one" }), { redirectTo: (d) => `/newsroom/dossiers/${d.slug}` });
    await expect(action(null, { title: "x" })).rejects.toMatchObject({ digest: expect.stringContaining("/newsroom/dossiers/new-one") });
  });
});
