// Issue 16, item 5, as an integrator sees it: an admin creates a personal API token in the
// newsroom, sees the secret once, uses it from outside the browser (no cookies) to read the
// dossier list and make a claim; revokes it, and the next call is refused with 401.
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { importFolder, sampleCopy } from "./support";

const SLUG = "jetons-api";
const TITLE = "Le dossier des intégrations";
const PASSAGE = "Arthur Mensch en assure la direction générale.";

test("an admin creates a token, sees it once, uses it for the REST API, then revokes it", async ({ page, login, request }) => {
  importFolder(sampleCopy(SLUG, TITLE));
  await login({ role: "admin" });
  await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/newsroom\/tokens$/);
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Create a token" });
  await form.getByLabel("Name").fill("Claims import script");
  await form.getByRole("radio", { name: /^Read and write/ }).check();
  await form.getByLabel("Expires after").selectOption("30");
  await form.getByRole("button", { name: "Create the token" }).click();

  const shown = page.getByRole("status").filter({ hasText: "Your new token “Claims import script”" });
  await expect(shown).toContainText("it will not be shown again");
  const secret = await shown.getByLabel("The token").inputValue();
  expect(secret).toMatch(/^dsr_[A-Za-z0-9_-]{43}$/);
  await expect(shown.getByRole("button", { name: "Copy the token" })).toBeVisible();
  await expectAccessible(page);

  // Listed (without the secret), never used yet.
  const row = page.getByRole("region", { name: "Your tokens" }).getByRole("row", { name: /Claims import script/ });
  await expect(row).toContainText("Read and write");
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");
  await expect(page.getByRole("region", { name: "Your tokens" })).not.toContainText(secret.slice(8));

  // The REST API with the bearer token, from a client with no session.
  const auth = { authorization: `Bearer ${secret}` };
  const list = await request.get("/api/v1/dossiers", { headers: auth });
  expect(list.status()).toBe(200);
  expect(list.headers()["cache-control"]).toBe("no-store");
  const dossiers = ((await list.json()) as { data: { id: string; slug: string }[] }).data;
  const dossier = dossiers.find((d) => d.slug === SLUG)!;
  expect(dossier).toBeDefined();
  const created = await request.post(`/api/v1/dossiers/${dossier.id}/claims`, {
    headers: auth,
    data: { text: "Arthur Mensch dirige l'entreprise.", selection: { exact: PASSAGE, start: 0, end: PASSAGE.length } },
  });
  expect(created.status(), await created.text()).toBe(201);
  expect(((await created.json()) as { data: { anchorExact: string; authorName: string } }).data).toMatchObject({ anchorExact: PASSAGE });
  const openapi = await request.get("/api/openapi.json");
  expect(((await openapi.json()) as { paths: Record<string, unknown> }).paths).toHaveProperty("/api/v1/dossiers/{dossierId}/claims");

  // Its last use now shows; revoking it (after confirming) stops it at once.
  await page.reload();
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: "Revoke…" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke the token “Claims import script”?" });
  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(row).toContainText("Revoked");
  const refused = await request.get("/api/v1/dossiers", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("This API token was revoked.");
});

test("the tokens page speaks French to a French browser", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await signIn(page, "journalist");
  await page.goto("/newsroom/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "Jetons d’API" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Créer le jeton" })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});
