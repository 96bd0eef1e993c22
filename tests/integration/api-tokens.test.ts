// Personal API tokens and the REST API (/api/v1, issue 16 item 5) through the real route handlers
// against the real database (SQLite and PostgreSQL): a token acts as its owner with the owner's
// role as it is now, never more; a read token never writes; expired, revoked and deactivated
// owners' tokens are refused with 401; a journalist's token never carries a confidential source's
// title, identity or notes, and is refused an editor's decision; bad input gets field errors and
// writes nothing; the limit per token answers 429. The OpenAPI document lists every route file.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ unstable_cache: (fn: () => unknown) => fn, revalidateTag: vi.fn(), revalidatePath: vi.fn() }));

const { publicUrl, env } = await import("@/lib/env");
const { createApiToken } = await import("../support/use-cases");
const { listApiTokens } = await import("@/lib/server/api-tokens/list-api-tokens");
const { listAllApiTokens } = await import("@/lib/server/api-tokens/list-all-api-tokens");
const { revokeApiToken } = await import("../support/use-cases");
const { actorFromHeaders } = await import("@/lib/server/auth/get-actor");
const { actorFromBearer } = await import("@/lib/server/auth/api-token-actor");
const { createClaim } = await import("@/lib/server/claims/create-claim");
const { createSource } = await import("@/lib/server/sources/create-source");
const { createEvidence } = await import("@/lib/server/evidence/create-evidence");
const { setUserActive } = await import("@/lib/server/users/set-user-active");
const { setUserRole } = await import("@/lib/server/users/set-user-role");
const { API_V1_OPERATIONS } = await import("@/lib/http/api-v1-operations");
const openApiRoute = (await import("@/app/api/openapi.json/route")).GET;
const { db, resetDatabase } = await import("../support/db");
const { demoActors, dossierWithArticle, selectionOf, tableCounts } = await import("../support/newsroom");
const { Validator } = await import("@seriousme/openapi-schema-validator");

type Actors = Awaited<ReturnType<typeof demoActors>>;
type UserActor = Actors["journalist"];

const SECRETS = ["Ana Secret", "Met twice", "Former accountant"];

// ── The route files, from the filesystem: what the API serves is what the document must list ──
const V1_DIR = path.join("app", "api", "v1");
function routeFiles(dir = V1_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}
/** app/api/v1/dossiers/[dossierId]/route.ts → /api/v1/dossiers/{dossierId} */
const templateOf = (file: string) => "/" + path.dirname(file).split(path.sep).slice(1).join("/").replace(/\[(\w+)\]/g, "{$1}");
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES = await Promise.all(
  routeFiles().map(async (file) => {
    const template = templateOf(file);
    const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Partial<Record<Method, Handler>>;
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, "([^/]+)")}$`);
    return { file, template, mod, names, pattern };
  }),
);

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } };
  text: string;
}

/** One request to /api/v1 through its route handler, as an integration would send it. */
async function api(method: Method, url: string, options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const route = ROUTES.find((r) => r.pattern.test(url));
  if (!route) throw new Error(`No route file for ${url}`);
  const handler = route.mod[method];
  if (!handler) throw new Error(`${url} has no ${method}`);
  const values = route.pattern.exec(url)!.slice(1);
  const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(values[i]!)]));
  const headers: Record<string, string> = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await handler(
    new Request(`${publicUrl()}${url}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) }),
    { params: Promise.resolve(params) },
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {}, text };
}

const op = (id: string) => API_V1_OPERATIONS.find((o) => o.id === id)!;
/** The response's data matches the schema the OpenAPI document publishes for it. */
const dataOf = (answer: Answer, operationId: string) => {
  expect(answer.status, answer.text).toBeLessThan(300);
  return op(operationId).response.parse(answer.body.data);
};

const tokenFor = async (actor: UserActor, scope: "read" | "write", name = `${actor.role} ${scope}`) => (await createApiToken(actor, { name, scope })).secret;

let a: Actors;
let dossierId: string;
let claimId: string;
let claimVersion: number;
let sourceId: string;

beforeEach(async () => {
  await resetDatabase();
  a = await demoActors();
  const d = await dossierWithArticle(a.journalist);
  dossierId = d.id;
  const { claim } = await createClaim(a.journalist, { dossierId, selection: await selectionOf(d.id, "awarded the harbour contract to Nordmarine"), text: "The council awarded the contract to Nordmarine.", hedged: false });
  claimId = claim.id;
  claimVersion = claim.version;
  const { source } = await createSource(a.journalist, {
    dossierId, kind: "person", title: "Former accountant", url: null, publisher: null, author: null, date: null, accessedAt: null,
    reliability: "medium", confidential: true, publicDescription: "A former employee", identity: "Ana Secret", notes: "Met twice",
  });
  sourceId = source.id;
  await createEvidence(a.journalist, { dossierId, claimId, sourceId, stance: "supports", excerpt: "We paid nothing", note: null });
});

describe("personal API tokens", () => {
  it("are shown once, stored hashed with a recognisable prefix, listed with their scope, expiry and last use", async () => {
    const before = Date.now();
    const { secret, token } = await createApiToken(a.journalist, { name: "Spreadsheet sync", scope: "read" });
    expect(secret).toMatch(/^dsr_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: "Spreadsheet sync", scope: "read", state: "active", lastUsedAt: null, revokedAt: null, start: secret.slice(0, 8) });
    // 90 days unless said otherwise.
    expect(Date.parse(token.expiresAt) - before).toBeGreaterThanOrEqual(90 * 86_400_000 - 5_000);
    expect(Date.parse(token.expiresAt) - before).toBeLessThanOrEqual(90 * 86_400_000 + 5_000);
    // The secret is nowhere in the database: not in the token's row, not in the audit log.
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(JSON.stringify(row)).not.toContain(secret.slice(8));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.auditLog.findMany())).not.toContain(secret.slice(8));
    // The list never carries it either; the first use is recorded.
    expect(JSON.stringify(await listApiTokens(a.journalist))).not.toContain(secret.slice(8));
    expect((await api("GET", "/api/v1/dossiers", { token: secret })).status).toBe(200);
    const [listed] = await listApiTokens(a.journalist);
    expect(listed!.lastUsedAt).not.toBeNull();
    // At most one write a minute per token: a second request leaves it as it was.
    await api("GET", "/api/v1/dossiers", { token: secret });
    expect((await listApiTokens(a.journalist))[0]!.lastUsedAt).toBe(listed!.lastUsedAt);
    expect(await listApiTokens(a.editor)).toEqual([]);
  });

  it("need an expiry of at most a year, and a name and a scope: field errors, nothing written", async () => {
    const before = await tableCounts();
    await expect(createApiToken(a.journalist, { name: "", scope: "admin" as "read", expiresInDays: 400 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { name: [expect.any(String)], scope: [expect.any(String)], expiresInDays: ["A token lives at most 365 days."] },
    });
    expect(await tableCounts()).toEqual(before);
    const { token } = await createApiToken(a.journalist, { name: "Yearly", scope: "write", expiresInDays: 365 });
    expect(Date.parse(token.expiresAt) - Date.now()).toBeGreaterThan(364 * 86_400_000);
  });

  it("an expired token, a revoked one and a deactivated owner's are refused with 401 and a clear message", async () => {
    const expired = await createApiToken(a.journalist, { name: "Old", scope: "read" });
    await db.apiToken.update({ where: { id: expired.token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const answer = await api("GET", "/api/v1/dossiers", { token: expired.secret });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("expired") });
    expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await listApiTokens(a.journalist))[0]!.state).toBe("expired");

    const revoked = await createApiToken(a.journalist, { name: "To revoke", scope: "write" });
    expect((await api("GET", "/api/v1/dossiers", { token: revoked.secret })).status).toBe(200);
    expect(await revokeApiToken(a.journalist, { tokenId: revoked.token.id })).toMatchObject({ state: "revoked", revokedAt: expect.any(String) });
    const afterRevoke = await api("GET", "/api/v1/dossiers", { token: revoked.secret });
    expect([afterRevoke.status, afterRevoke.body.error?.message]).toEqual([401, "This API token was revoked."]);

    // A colleague whose account is deactivated: their token stops at once.
    const colleague = await db.user.create({ data: { email: "leaver@example.com", name: "Leaver", role: "editor" }, select: { id: true } });
    const leaver: UserActor = { kind: "user", id: colleague.id, email: "leaver@example.com", name: "Leaver", role: "editor" };
    const leaversToken = await tokenFor(leaver, "write");
    expect((await api("GET", "/api/v1/dossiers", { token: leaversToken })).status).toBe(200);
    await setUserActive(a.admin, { userId: colleague.id, active: false });
    const refused = await api("GET", "/api/v1/dossiers", { token: leaversToken });
    expect([refused.status, refused.body.error?.message]).toEqual([401, expect.stringContaining("deactivated")]);
  });

  it("no token, an unknown one or a malformed header get 401 JSON, never a 500; a session cookie does not open /api/v1", async () => {
    for (const token of [null, "dsr_unknownunknownunknownunknownunknownunknown", "not-a-dossier-token"]) {
      const answer = await api("GET", "/api/v1/dossiers", { token });
      expect(answer.status, String(token)).toBe(401);
      expect(answer.body.error?.code).toBe("UNAUTHENTICATED");
    }
    expect((await api("GET", "/api/v1/dossiers", { headers: { authorization: "Basic Zm9vOmJhcg==" } })).status).toBe(401);
    const { signInRequest } = await import("../support/auth");
    const { cookie } = await signInRequest("admin@example.com", "dossier-demo");
    expect(cookie).toBeTruthy();
    expect((await api("GET", "/api/v1/dossiers", { headers: { cookie: cookie! } })).status).toBe(401);
  });

  it("work only for /api/v1: pages and server actions, which read the session, see an anonymous visitor", async () => {
    const secret = await tokenFor(a.admin, "write");
    expect(await actorFromHeaders(new Headers({ authorization: `Bearer ${secret}` }))).toEqual({ kind: "anonymous" });
    // And a token cannot manage tokens, even its owner's: that is done signed in, in the newsroom.
    const actor = await actorFromBearer(new Headers({ authorization: `Bearer ${secret}` }));
    expect(actor).toMatchObject({ kind: "user", id: a.admin.id, role: "admin", token: { scope: "write" } });
    await expect(createApiToken(actor, { name: "Minted by a token", scope: "write" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listApiTokens(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The scope is the use cases' own check too (requirePermission), not only the route's.
    const reader = await actorFromBearer(new Headers({ authorization: `Bearer ${await tokenFor(a.admin, "read")}` }));
    const before = await tableCounts();
    await expect(createClaim(reader, { dossierId, selection: await selectionOf(dossierId, "The mayor declined to comment."), text: "The mayor declined.", hedged: false })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("read-only") });
    await expect(createSource(reader, { dossierId, kind: "document", title: "Minutes", url: null, publisher: null, author: null, date: null, accessedAt: null, reliability: "high", confidential: false, publicDescription: null, identity: null, notes: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await tableCounts()).toEqual(before);
  });

  it("a member revokes only their own; an admin lists and revokes everyone's", async () => {
    const journalists = await createApiToken(a.journalist, { name: "Journalist's", scope: "read" });
    const editors = await createApiToken(a.editor, { name: "Editor's", scope: "write" });
    await expect(revokeApiToken(a.journalist, { tokenId: editors.token.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listAllApiTokens(a.editor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const all = await listAllApiTokens(a.admin);
    expect(all.map((t) => [t.name, t.owner.email]).sort()).toEqual([["Editor's", "editor@example.com"], ["Journalist's", "journalist@example.com"]]);
    await revokeApiToken(a.admin, { tokenId: journalists.token.id });
    expect((await api("GET", "/api/v1/dossiers", { token: journalists.secret })).status).toBe(401);
    expect((await api("GET", "/api/v1/dossiers", { token: editors.secret })).status).toBe(200);
  });
});

describe("the REST API, /api/v1", () => {
  it("reads dossiers, claims, sources and proposals, in the shapes the OpenAPI document publishes, never cached", async () => {
    const token = await tokenFor(a.journalist, "read");
    const list = dataOf(await api("GET", "/api/v1/dossiers", { token }), "listDossiers") as { id: string; title: string }[];
    expect(list.map((d) => d.title)).toEqual(["The harbour contract"]);
    const answer = await api("GET", `/api/v1/dossiers/${dossierId}`, { token });
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("ratelimit-limit")).toBe(String(env.API_RATE_LIMIT));
    const workspace = dataOf(answer, "getDossier") as { dossier: { id: string }; claims: unknown[] };
    expect(workspace.dossier.id).toBe(dossierId);
    expect(dataOf(await api("GET", `/api/v1/dossiers/${dossierId}/claims`, { token }), "listClaims")).toEqual([expect.objectContaining({ id: claimId, evidenceCount: 1 })]);
    expect(dataOf(await api("GET", `/api/v1/dossiers/${dossierId}/sources`, { token }), "listSources")).toEqual([expect.objectContaining({ id: sourceId, label: "A former employee", withheld: true })]);
    expect(dataOf(await api("GET", `/api/v1/claims/${claimId}/proposals`, { token }), "listProposals")).toMatchObject({ proposals: [], pendingProposal: null });
    // Unknown ids: 404.
    for (const url of ["/api/v1/dossiers/nope", "/api/v1/dossiers/nope/claims", "/api/v1/claims/nope/proposals"]) {
      const missing = await api("GET", url, { token });
      expect([url, missing.status, missing.body.error?.code]).toEqual([url, 404, "NOT_FOUND"]);
    }
  });

  it("writes claims, sources, evidence and proposals with a write token, through the newsroom's use cases", async () => {
    const token = await tokenFor(a.journalist, "write");
    const claim = dataOf(
      await api("POST", `/api/v1/dossiers/${dossierId}/claims`, {
        token,
        body: { text: "The mayor declined to comment.", selection: { exact: "The mayor declined to comment.", prefix: "", suffix: "", start: 0, end: 30 } },
      }),
      "createClaim",
    ) as { id: string; version: number; authorName: string; anchorStatus: string };
    expect(claim).toMatchObject({ authorName: a.journalist.name, anchorStatus: "anchored" });
    const updated = dataOf(await api("PATCH", `/api/v1/dossiers/${dossierId}/claims/${claim.id}`, { token, body: { version: claim.version, text: "The mayor did not comment.", hedged: true } }), "updateClaim");
    expect(updated).toMatchObject({ text: "The mayor did not comment.", hedged: true });
    // An outdated version is a conflict, as in the newsroom.
    expect((await api("PATCH", `/api/v1/dossiers/${dossierId}/claims/${claim.id}`, { token, body: { version: claim.version, text: "Again.", hedged: false } })).status).toBe(409);

    const source = dataOf(
      await api("POST", `/api/v1/dossiers/${dossierId}/sources`, { token, body: { kind: "document", title: "Council minutes", url: "https://example.org/minutes", reliability: "high" } }),
      "createSource",
    ) as { id: string; version: number };
    const changed = dataOf(
      await api("PATCH", `/api/v1/dossiers/${dossierId}/sources/${source.id}`, { token, body: { version: source.version, kind: "document", title: "Council minutes, March", url: "https://example.org/minutes", reliability: "high" } }),
      "updateSource",
    );
    expect(changed).toMatchObject({ title: "Council minutes, March" });
    const evidence = dataOf(
      await api("POST", `/api/v1/dossiers/${dossierId}/claims/${claim.id}/evidence`, { token, body: { sourceId: source.id, stance: "supports", excerpt: "No comment was given." } }),
      "createEvidence",
    ) as { id: string };
    const proposed = dataOf(
      await api("POST", `/api/v1/claims/${claim.id}/proposals`, { token, body: { version: (updated as { version: number }).version, verdict: "verified", rationale: "The minutes say so.", evidenceIds: [evidence.id] } }),
      "proposeVerdict",
    ) as { proposal: { status: string; proposedBy: { id: string } } };
    expect(proposed.proposal).toMatchObject({ status: "pending", proposedBy: { id: a.journalist.id } });
    // Audited as the owner's, like the same change made in the newsroom, and marked as made with the token.
    const tokenRow = await db.apiToken.findFirstOrThrow({ where: { userId: a.journalist.id }, select: { id: true } });
    const audit = await db.auditLog.findMany({ where: { entityId: { in: [claim.id, source.id, evidence.id] } }, select: { action: true, actorId: true, actorLabel: true } });
    expect(audit.filter((e) => e.actorId === a.journalist.id && e.actorLabel === `api-token:${tokenRow.id}`).map((e) => e.action).sort()).toEqual(["claim.create", "claim.update", "evidence.create", "source.create", "source.update"]);
    const { listDossierAudit } = await import("@/lib/server/dossiers/list-dossier-audit");
    const slug = (await db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { slug: true } })).slug;
    expect((await listDossierAudit(a.editor, slug)).entries.find((e) => e.action === "claim.create" && e.entityId === claim.id)!.actor).toBe(`${a.journalist.name} (${a.journalist.email}), with an API token`);
  });

  it("a read token is refused every write with 403 and nothing is written, whatever its owner's role", async () => {
    const token = await tokenFor(a.admin, "read");
    await api("GET", "/api/v1/dossiers", { token }); // its last use and its rate-limit window exist
    const before = await tableCounts();
    const writes: [Method, string, unknown][] = [
      ["POST", `/api/v1/dossiers/${dossierId}/claims`, { text: "A claim.", selection: { exact: "The mayor declined to comment.", start: 0, end: 30 } }],
      ["PATCH", `/api/v1/dossiers/${dossierId}/claims/${claimId}`, { version: claimVersion, text: "Changed.", hedged: false }],
      ["POST", `/api/v1/dossiers/${dossierId}/sources`, { kind: "document", title: "Minutes", reliability: "high" }],
      ["POST", `/api/v1/dossiers/${dossierId}/claims/${claimId}/evidence`, { sourceId, stance: "supports", excerpt: "x" }],
      ["POST", `/api/v1/claims/${claimId}/proposals`, { version: claimVersion, verdict: "unverifiable", rationale: "r", evidenceIds: [] }],
      ["PUT", `/api/v1/claims/${claimId}/verdict`, { version: claimVersion, verdict: "unverifiable", rationale: "r", evidenceIds: [] }],
    ];
    for (const [method, url, body] of writes) {
      const answer = await api(method, url, { token, body });
      expect([method, url, answer.status, answer.body.error?.message]).toEqual([method, url, 403, expect.stringContaining("read-only")]);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("a journalist's token is refused an editor's action (setting a verdict, deciding a proposal) with 403; an editor's token may", async () => {
    const journalist = await tokenFor(a.journalist, "write");
    const editor = await tokenFor(a.editor, "write");
    const { proposal } = dataOf(
      await api("POST", `/api/v1/claims/${claimId}/proposals`, { token: journalist, body: { version: claimVersion, verdict: "unverifiable", rationale: "Nobody confirms it.", evidenceIds: [] } }),
      "proposeVerdict",
    ) as { proposal: { id: string }; claim: { version: number } };
    const claimNow = (await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;
    const before = await tableCounts();
    const verdict = await api("PUT", `/api/v1/claims/${claimId}/verdict`, { token: journalist, body: { version: claimNow, verdict: "unverifiable", rationale: "Mine.", evidenceIds: [] } });
    expect([verdict.status, verdict.body.error?.code]).toEqual([403, "FORBIDDEN"]);
    const decision = await api("POST", `/api/v1/proposals/${proposal.id}/decision`, { token: journalist, body: { decision: "accept", claimVersion: claimNow } });
    expect([decision.status, decision.body.error?.code]).toEqual([403, "FORBIDDEN"]);
    expect(await tableCounts()).toEqual(before);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { verdict: true } })).toEqual({ verdict: null });

    const accepted = dataOf(await api("POST", `/api/v1/proposals/${proposal.id}/decision`, { token: editor, body: { decision: "accept", claimVersion: claimNow } }), "decideProposal");
    expect(accepted).toMatchObject({ decision: "accept", proposal: { status: "accepted" }, claim: { verdict: "unverifiable" } });
    const set = dataOf(
      await api("PUT", `/api/v1/claims/${claimId}/verdict`, { token: editor, body: { version: (accepted as { claim: { version: number } }).claim.version, verdict: "unverifiable", rationale: "Still nobody confirms it.", evidenceIds: [] } }),
      "setVerdict",
    );
    expect(set).toMatchObject({ claim: { verdict: "unverifiable", verdictRationale: "Still nobody confirms it." } });
  });

  it("a demoted owner's token does only what the owner may do now", async () => {
    const user = await db.user.create({ data: { email: "deputy@example.com", name: "Deputy", role: "editor" }, select: { id: true } });
    const deputy: UserActor = { kind: "user", id: user.id, email: "deputy@example.com", name: "Deputy", role: "editor" };
    const token = await tokenFor(deputy, "write");
    expect((await api("GET", `/api/v1/dossiers/${dossierId}/sources`, { token })).text).toContain("Ana Secret");
    await setUserRole(a.admin, { userId: user.id, role: "journalist" });
    const now = await api("GET", `/api/v1/dossiers/${dossierId}/sources`, { token });
    expect(now.status).toBe(200);
    for (const secret of SECRETS) expect(now.text).not.toContain(secret);
    expect((await api("PUT", `/api/v1/claims/${claimId}/verdict`, { token, body: { version: claimVersion, verdict: "unverifiable", rationale: "r", evidenceIds: [] } })).status).toBe(403);
  });

  it("never gives a journalist's token a confidential source's title, identity or notes; an editor's token has them", async () => {
    const journalist = await tokenFor(a.journalist, "write");
    const evidence = await api("POST", `/api/v1/dossiers/${dossierId}/claims/${claimId}/evidence`, { token: journalist, body: { sourceId, stance: "context", excerpt: "Context." } });
    expect(evidence.status).toBe(201);
    const answers = [
      evidence,
      await api("GET", "/api/v1/dossiers", { token: journalist }),
      await api("GET", `/api/v1/dossiers/${dossierId}`, { token: journalist }),
      await api("GET", `/api/v1/dossiers/${dossierId}/claims`, { token: journalist }),
      await api("GET", `/api/v1/dossiers/${dossierId}/sources`, { token: journalist }),
      await api("GET", `/api/v1/claims/${claimId}/proposals`, { token: journalist }),
      // Writing the source back (empty identity/notes keep what is stored) answers without them too.
      await api("PATCH", `/api/v1/dossiers/${dossierId}/sources/${sourceId}`, {
        token: journalist,
        body: { version: 1, kind: "person", title: "", reliability: "medium", confidential: true, publicDescription: "A former employee, now elsewhere" },
      }),
    ];
    for (const answer of answers) {
      expect(answer.status, answer.text).toBeLessThan(300);
      for (const secret of SECRETS) expect(answer.text).not.toContain(secret);
    }
    expect(await db.source.findUniqueOrThrow({ where: { id: sourceId }, select: { title: true, identity: true, notes: true } })).toEqual({ title: "Former accountant", identity: "Ana Secret", notes: "Met twice" });
    const editor = await api("GET", `/api/v1/dossiers/${dossierId}`, { token: await tokenFor(a.editor, "read") });
    for (const secret of SECRETS) expect(editor.text).toContain(secret);
  });

  it("bad input gets 400 with a message per field and writes nothing", async () => {
    const token = await tokenFor(a.journalist, "write");
    await api("GET", "/api/v1/dossiers", { token });
    const before = await tableCounts();
    const claim = await api("POST", `/api/v1/dossiers/${dossierId}/claims`, { token, body: { text: "", selection: { exact: "" } } });
    expect(claim.status).toBe(400);
    expect(claim.body.error).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { text: [expect.any(String)], "selection.exact": [expect.any(String)] } });
    const source = await api("POST", `/api/v1/dossiers/${dossierId}/sources`, { token, body: { kind: "rumour", title: "x", reliability: "high", confidential: true } });
    expect(source.status).toBe(400);
    expect(Object.keys(source.body.error!.fieldErrors!).sort()).toEqual(["kind"]);
    const notJson = await api("POST", `/api/v1/dossiers/${dossierId}/sources`, { token, headers: { "content-type": "text/plain" } });
    expect(notJson.status).toBe(400);
    const array = await api("POST", `/api/v1/dossiers/${dossierId}/sources`, { token, body: [1, 2] });
    expect(array.status).toBe(400);
    const proposal = await api("POST", `/api/v1/proposals/x/decision`, { token, body: { decision: "maybe" } });
    expect(proposal.status).toBe(400);
    // Not in the saved article: the newsroom's rule, with the field named.
    const elsewhere = await api("POST", `/api/v1/dossiers/${dossierId}/claims`, { token, body: { text: "Invented.", selection: { exact: "words nobody wrote", start: 0, end: 18 } } });
    expect([elsewhere.status, Object.keys(elsewhere.body.error?.fieldErrors ?? {})]).toEqual([422, ["selection"]]);
    expect(await tableCounts()).toEqual(before);
  });

  it("limits each token to API_RATE_LIMIT requests a minute, counted in the database: 429 with Retry-After", async () => {
    const { secret, token } = await createApiToken(a.journalist, { name: "Busy", scope: "read" });
    const other = await tokenFor(a.journalist, "read", "Quiet");
    expect((await api("GET", "/api/v1/dossiers", { token: secret })).headers.get("ratelimit-remaining")).toBe(String(env.API_RATE_LIMIT - 1));
    // As if the rest of the minute's budget had been spent (by this instance or another).
    await db.rateLimit.update({ where: { key: `api-token:${token.id}` }, data: { count: env.API_RATE_LIMIT } });
    const limited = await api("GET", "/api/v1/dossiers", { token: secret });
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Another token of the same owner has its own budget; the next window starts afresh.
    expect((await api("GET", "/api/v1/dossiers", { token: other })).status).toBe(200);
    await db.rateLimit.update({ where: { key: `api-token:${token.id}` }, data: { lastRequest: BigInt(Date.now() - 61_000) } });
    expect((await api("GET", "/api/v1/dossiers", { token: secret })).status).toBe(200);
  });
});

describe("the OpenAPI document, /api/openapi.json", () => {
  it("is valid OpenAPI 3.1 and lists every /api/v1 route file and method, with the bearer scheme", async () => {
    const response = await openApiRoute();
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown; responses: Record<string, unknown> }>>; components: { securitySchemes: unknown } };
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.components.securitySchemes).toEqual({ bearerToken: expect.objectContaining({ type: "http", scheme: "bearer" }) });

    expect(ROUTES.length).toBeGreaterThanOrEqual(10);
    const served = ROUTES.flatMap((r) => METHODS.filter((m) => r.mod[m]).map((m) => `${m} ${r.template}`)).sort();
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    expect(documented).toEqual(served);
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, o] of Object.entries(ops)) {
        expect(o.security, `${m} ${p}`).toEqual([{ bearerToken: [] }]);
        expect(Object.keys(o.responses), `${m} ${p}`).toEqual(expect.arrayContaining(["401", "403", "429"]));
        if (m !== "get") expect(o.requestBody, `${m} ${p}`).toBeDefined();
      }
    }
    // The request body is the newsroom's schema, without the ids the URL carries.
    const body = (doc.paths["/api/v1/dossiers/{dossierId}/claims"]!.post!.requestBody as { content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } } }).content["application/json"].schema;
    expect(Object.keys(body.properties).sort()).toEqual(["hedged", "selection", "text"]);
    expect(body.required).not.toContain("dossierId");
  });
});
