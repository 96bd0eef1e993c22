import { fixtureCopy, importFolder } from "./support";
import { expect, test } from "@playwright/test";
import { E2E_HEALTH_TOKEN, E2E_PROVIDER } from "./database";
import { test as signedIn } from "./fixtures";

test("the health endpoint tells anonymous callers up or down, and a monitor with the token why", async ({ request }) => {
  const anonymous = await request.get("/api/health");
  expect(anonymous.status()).toBe(200);
  expect(anonymous.headers()["cache-control"]).toBe("no-store");
  // Nothing else: no provider, no counts (it once said how many unpublished dossiers existed).
  expect(await anonymous.json()).toEqual({ status: "up" });

  const wrongToken = await request.get("/api/health", { headers: { authorization: "Bearer not-the-token-at-all" } });
  expect(await wrongToken.json()).toEqual({ status: "up" });

  const monitor = await request.get("/api/health", { headers: { authorization: `Bearer ${E2E_HEALTH_TOKEN}` } });
  expect(monitor.status()).toBe(200);
  const body = await monitor.json();
  expect(body).toMatchObject({ status: "ok", database: { status: "ok", provider: E2E_PROVIDER } });
  expect(JSON.stringify(body)).not.toMatch(/dossiers/);
});

test("a reader finds the sample dossier from the home page", async ({ page }) => {
  await page.goto("/");
  const link = page.getByRole("link", { name: /Mistral AI/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/dossiers\/mistral-ai$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Mistral");
});

test("the sample dossier shows its article with every claim marked and checked", async ({ page }) => {
  await page.goto("/dossiers/mistral-ai");
  const article = page.locator("article.article");
  await expect(article).toHaveAttribute("lang", "fr");
  await expect(article).toContainText("Mistral AI");
  // Twelve claims in the list, and a marker in the text for each, saying its verdict in words.
  await expect(page.locator(".claim-list > li")).toHaveCount(12);
  await expect(article.locator("a.claim-marker")).toHaveCount(12);
  await expect(article.locator("a.claim-marker").first()).toHaveText(/Claim 1: (Verified|Partly true|Misleading|False|Unverifiable|Outdated)/);
  await expect(page.locator(".claim-list")).toContainText("Outdated");
  await expect(page.locator(".claim-list")).not.toContainText("Not yet checked");
});

test("an unknown or unpublished dossier is a 404", async ({ page }) => {
  const res = await page.goto("/dossiers/does-not-exist");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("a dossier imported with `npm run import` while the site runs shows up on the next request", async ({ page }) => {
  await page.goto("/?lang=en");
  await expect(page.getByRole("link", { name: /Mistral AI/ })).toBeVisible();
  await expect(page.getByText("Import en direct")).toHaveCount(0);
  importFolder(fixtureCopy("mini", "import-en-direct", (data) => ({ ...data, title: "Import en direct" })));
  await page.reload();
  await expect(page.getByRole("link", { name: "Import en direct" })).toBeVisible();
  await page.getByRole("link", { name: "Import en direct" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import en direct");
});

test("the refresh endpoint refuses unsigned requests", async ({ request }) => {
  const res = await request.post("/api/internal/revalidate", { data: { slugs: ["mistral-ai"], issuedAt: Date.now() } });
  expect(res.status()).toBe(401);
});

for (const [role, detailed] of [["journalist", false], ["editor", false], ["admin", true]] as const) {
  signedIn(`the health endpoint ${detailed ? "shows" : "withholds"} its details for a signed-in ${role}`, async ({ page, login }) => {
    await login({ role });
    const body = await (await page.request.get("/api/health")).json();
    if (detailed) expect(body).toMatchObject({ status: "ok", database: { status: "ok", provider: E2E_PROVIDER } });
    else expect(body).toEqual({ status: "up" });
  });
}
