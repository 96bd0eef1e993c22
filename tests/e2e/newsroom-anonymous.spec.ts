// A visitor who is not signed in reaches nothing of the newsroom: every newsroom page sends them
// to /login (and leaks no data on the way), every server action of the app refuses them, and the
// newsroom API answers 401. A signed-in journalist is refused what their role does not allow.
import fs from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { fill, newsroomRoutes, SAMPLE, sampleParams } from "./newsroom-routes";

const SLUG = SAMPLE;
const SECRETS = ["carnet de la rédaction", "Contacts pris en septembre 2023"];

async function anonymousContext(baseURL: string | undefined): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

test("every newsroom page sends an anonymous visitor to /login and reveals nothing", async ({ page, baseURL }) => {
  const params = await sampleParams(page);
  const anonymous = await anonymousContext(baseURL);
  const routes = newsroomRoutes();
  expect(routes.length).toBeGreaterThan(15);
  for (const route of routes) {
    const url = fill(route, params);
    const response = await anonymous.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(307);
    expect(response.headers().location, url).toMatch(/^\/login\?next=/);
    // The app router's own data requests (RSC) are refused the same way.
    const rsc = await anonymous.get(url, { maxRedirects: 0, headers: { RSC: "1" } });
    const body = await rsc.text();
    for (const secret of SECRETS) expect(body, url).not.toContain(secret);
    expect(body, url).not.toContain("Jeanne Journaliste");
  }
  await anonymous.dispose();
});

test("every server action refuses an anonymous caller", async ({ baseURL }) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const actions = Object.entries(manifest.node);
  expect(actions.length).toBeGreaterThan(20);
  const anonymous = await anonymousContext(baseURL);
  for (const [id, action] of actions) {
    const name = `${action.filename}#${action.exportedName}`;
    const response = await anonymous.post("/newsroom", {
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify([null, {}]),
      maxRedirects: 0,
    });
    const body = await response.text();
    if (action.exportedName === "signOutAction") {
      // Signing out without a session just leads to the sign-in page.
      expect(response.headers()["x-action-redirect"] ?? body, name).toContain("/login");
    } else if (action.exportedName === "acceptInvitationAction" || action.exportedName === "resetPasswordAction") {
      // The actions meant for people who cannot sign in: their link's token is the authorisation.
      expect(body, name).toContain('"code":"INVALID_INPUT"');
    } else {
      expect(body, name).toContain('"code":"UNAUTHENTICATED"');
    }
  }
  await anonymous.dispose();
});

test("a journalist's own save, replayed without their session, changes nothing", async ({ page, baseURL }) => {
  await signIn(page, "journalist");
  await page.goto(`/newsroom/dossiers/${SLUG}`);
  const form = page.getByRole("form", { name: "Dossier details" });
  const title = await form.getByLabel("Title (required)").inputValue();
  // Capture the real server-action request the form sends, and keep it from reaching the server.
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await page.route(`**/newsroom/dossiers/${SLUG}`, async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer()! };
      await route.abort();
      return;
    }
    await route.continue();
  });
  await form.getByLabel("Title (required)").fill("Hijacked title");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect.poll(() => captured).not.toBeNull();
  const { cookie: _cookie, ...headers } = captured!.headers;

  const anonymous = await anonymousContext(baseURL);
  const replay = await anonymous.post(captured!.url, { headers, data: captured!.body, maxRedirects: 0 });
  expect(await replay.text()).toContain('"code":"UNAUTHENTICATED"');
  await anonymous.dispose();

  await page.unroute(`**/newsroom/dossiers/${SLUG}`);
  await page.reload();
  await expect(page.getByRole("form", { name: "Dossier details" }).getByLabel("Title (required)")).toHaveValue(title);
  await expect(page.locator("body")).not.toContainText("Hijacked title");
});

test("the newsroom API refuses anonymous callers and changes nothing", async ({ page, baseURL }) => {
  const params = await sampleParams(page);
  const anonymous = await anonymousContext(baseURL);
  const base = `/api/newsroom/dossiers/${params.dossierId}`;
  const calls = [
    anonymous.post(`${base}/draft`, { data: { body: "Anonymous draft", baseVersion: 1 } }),
    anonymous.delete(`${base}/draft`),
    anonymous.post(`${base}/presence`),
    anonymous.delete(`${base}/presence`),
    anonymous.get("/api/newsroom/notifications/unread"),
    // The record (issue 15): a source's captures, uploads, stored files.
    anonymous.get(`${base}/sources/x/archive`),
    anonymous.post(`${base}/documents`, { multipart: { sourceId: "x", file: { name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") } } }),
    anonymous.get("/api/newsroom/files/document/x/original"),
  ];
  for (const response of await Promise.all(calls)) {
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  }
  const session = await anonymous.get("/api/auth/get-session");
  expect(await session.text()).toBe("null");
  await anonymous.dispose();

  // The journalist's editor shows no draft from anyone else.
  await page.goto(`/newsroom/dossiers/${SLUG}/article`);
  await expect(page.getByLabel("Article (Markdown)")).not.toHaveValue(/Anonymous draft/);
});

test("a signed-in journalist is refused what the role does not allow, by action as by page", async ({ page }) => {
  await signIn(page, "journalist");
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string }> };
  const invite = Object.entries(manifest.node).find(([, a]) => a.exportedName === "inviteUserAction")![0];
  const response = await page.request.post("/newsroom", {
    headers: { "Next-Action": invite, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([null, { email: "intruder@example.com", role: "admin" }]),
  });
  expect(await response.text()).toContain('"code":"FORBIDDEN"');
  await page.goto("/newsroom/users");
  await expect(page.locator("body")).not.toContainText("intruder@example.com");
});
