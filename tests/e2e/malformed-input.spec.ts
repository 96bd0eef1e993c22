// Issue 10, item 5, against the real server: every malformed input is a 400/404 (413 for a body
// over the limit) with a clear message, never a 500 — percent-encoding errors in every dynamic
// route (read from app/, so a new route cannot escape), an article within its 400,000-character
// limit but over Next's default 1 MB body limit, one over the limit, lone surrogates in JSON.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

/** Every page and route handler with a dynamic segment, as public URL templates. */
function dynamicRoutes(): { template: string; methods: string[] }[] {
  const out: { template: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name === "page.tsx" || entry.name === "route.ts") {
        const segments = path.relative("app", dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
        if (!segments.some((s) => s.startsWith("["))) continue;
        const methods = entry.name === "page.tsx" ? ["GET"] : ["GET", "POST", "DELETE"].filter((m) => new RegExp(`export (async )?function ${m}\\b|export const ${m}\\b|\\b${m}\\b.*=`).test(fs.readFileSync(p, "utf8")));
        // Reader pages live under an internal [locale] the proxy adds: test the public URL and the internal one.
        if (segments[0] === "[locale]") {
          if (segments.length > 1) out.push({ template: `/${segments.slice(1).join("/")}`, methods });
          out.push({ template: `/fr/${segments.slice(1).join("/")}`, methods });
        } else out.push({ template: `/${segments.join("/")}`, methods });
      }
    }
  };
  walk("app");
  return out;
}

const VALID: Record<string, string> = { slug: "mistral-ai" };
const ESCAPES = ["%C3%28", "%ff", "%E2%82", "%"];

test("every dynamic route answers a malformed percent-encoding with 400 and a sentence, never 500", async ({ request }) => {
  const routes = dynamicRoutes();
  // The routes of the report are among them.
  for (const t of ["/dossiers/[slug]", "/dossiers/[slug]/claims/[id]", "/api/dossiers/[slug]", "/api/dossiers/[slug]/claimreview", "/newsroom/dossiers/[slug]/claims/[claimId]", "/api/auth/[...all]", "/[...rest]"]) {
    expect(routes.map((r) => r.template)).toContain(t);
  }
  const failures: string[] = [];
  let checked = 0;
  for (const { template, methods } of routes) {
    const params = [...template.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[0]);
    for (const target of params) {
      for (const escape of ESCAPES) {
        const url = template.replace(/\[(?:\.\.\.)?(\w+)\]/g, (whole, name: string) => (whole === target ? `bad${escape}` : (VALID[name] ?? "x")));
        for (const method of methods) {
          const response = await request.fetch(url, { method, maxRedirects: 0, headers: { "content-type": "application/json" }, data: method === "GET" ? undefined : "{}" });
          checked++;
          const body = await response.text();
          const clear = url.startsWith("/api/") ? /"message":"This address is not valid/.test(body) : /not valid|n’est pas valide/.test(body);
          if (![400, 404].includes(response.status()) || !clear) failures.push(`${method} ${url}: ${response.status()} ${body.slice(0, 120)}`);
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(100);
  expect(failures).toEqual([]);
});

test("paths without a route, and Next's own files, are answered the same way", async ({ request }) => {
  for (const url of ["/%ff", "/newsroom/%C3%28", "/_next/static/%ff", "/favicon.ico%ff", "/api/%ff"]) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(400);
  }
  // A well-formed escape is an ordinary address: a 404 for a dossier that does not exist.
  expect((await request.get("/api/dossiers/%E2%82%AC")).status()).toBe(404);
});

test.describe("the article editor and large articles", () => {
  test.describe.configure({ timeout: 240_000 });

  test("saves an article within its limit however many bytes it takes, and says “too long” with the limit beyond it", async ({ page, login }) => {
    await login({ role: "journalist" });
    await page.goto("/newsroom/dossiers/new");
    await page.getByLabel("Title (required)").fill("A very long article");
    await page.getByLabel("Language of the content (required)").selectOption("en");
    await page.getByRole("button", { name: "Create the dossier" }).click();
    await expect(page).toHaveURL(/\/article$/);
    const editor = page.getByLabel("Article (Markdown)");

    // 400,000 characters of "€": 1.2 MB of UTF-8 on the wire, over Next's default 1 MB limit.
    const longest = "€".repeat(400_000);
    expect(longest.length).toBe(400_000);
    await editor.fill(longest);
    await page.getByRole("button", { name: "Save article" }).click();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Saved as revision 1." })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText("This page could not be shown")).toHaveCount(0);

    await editor.fill(`${longest}€`);
    await page.getByRole("button", { name: "Save article" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("The article must be at most 400,000 characters: it has 400,001.");
    await expect(editor).toBeVisible();
    await expect(page.getByText("This page could not be shown")).toHaveCount(0);

    // Any form: a request larger than the server accepts is refused before it is sent, with the
    // limit, and what was typed stays (the field's own limit is far below: 1,000 characters).
    await page.goto(page.url().replace(/\/article$/, ""));
    const summary = page.getByRole("form", { name: "Dossier details" }).getByLabel("Summary");
    // The schema's limit is on the control (decision 107), so a browser stops typing there; a
    // value set otherwise (a script, an old browser) still meets both checks below.
    await expect(summary).toHaveAttribute("maxlength", "1000");
    const setValue = (value: string) => summary.evaluate((el, v) => ((el as HTMLTextAreaElement).value = v), value);
    await setValue("x".repeat(3_000_000));
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("form", { name: "Dossier details" }).locator("..").getByRole("alert")).toContainText("This is too large to send: 3 MB, and the server accepts at most 2.7 MB.");
    await expect(page.getByText("This page could not be shown")).toHaveCount(0);
    await setValue("x".repeat(1001));
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(summary).toHaveAccessibleDescription(/Summary must be at most 1000 characters/);
  });
});

test("a lone surrogate in a JSON payload is refused with the field named, in the newsroom's API and at sign-in", async ({ page, login, request }) => {
  await login({ role: "journalist" });
  await page.goto("/newsroom/dossiers/mistral-ai");
  const dossierId = await page.locator('input[name="dossierId"]').first().inputValue();
  const draft = await page.request.post(`/api/newsroom/dossiers/${dossierId}/draft`, { headers: { "content-type": "application/json" }, data: '{"body":"broken \\ud800 text","baseVersion":1}' });
  expect(draft.status()).toBe(400);
  expect(await draft.json()).toMatchObject({ error: { code: "INVALID_INPUT", fieldErrors: { body: [expect.stringMatching(/^The article contains a broken character/)] } } });

  const origin = new URL(page.url()).origin;
  const signIn = await request.post("/api/auth/sign-in/email", { headers: { "content-type": "application/json", origin }, data: '{"email":"journalist\\ud800@example.com","password":"dossier-demo"}' });
  expect(signIn.status()).toBe(400);
  expect(((await signIn.json()) as { message: string }).message).toMatch(/email.*broken character/);
});
