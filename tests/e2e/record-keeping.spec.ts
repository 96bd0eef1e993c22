// Issue 10, item 3, as the newsroom sees it: a dossier with a fact-check record is archived, never
// erased — after a confirmation that says so — leaves the lists and the public site, and an admin
// restores it; only an empty dossier is deleted for real. Issue 9, item 5: the quote form warns
// when a speaker label repeats a confidential source's withheld title.
import { expect, expectAccessible, otherSession, test } from "./fixtures";
import { fixtureCopy, importFolder } from "./support";

const SLUG = "dossier-a-archiver";
const TITLE = "Dossier à archiver";

test("an editor archives a dossier with its record, readers and lists lose it, an admin restores it whole", async ({ page, login, browser, request }) => {
  importFolder(fixtureCopy("mini", SLUG, (data) => ({ ...data, title: TITLE })));
  expect((await request.get(`/dossiers/${SLUG}`)).status()).toBe(200);

  await login({ role: "editor" });
  await page.goto(`/newsroom/dossiers/${SLUG}`);
  const danger = page.getByRole("region", { name: "Archive the dossier" });
  await expect(danger).toContainText("A published dossier cannot be archived: unpublish it first.");
  await page.getByRole("button", { name: "Unpublish…" }).click();
  await page.getByRole("dialog", { name: `Unpublish “${TITLE}”?` }).getByRole("button", { name: "Unpublish", exact: true }).click();
  await expect(page.getByText("Unpublished: readers no longer see it.")).toBeVisible();

  await page.getByRole("button", { name: "Archive this dossier…" }).click();
  const dialog = page.getByRole("dialog", { name: `Archive “${TITLE}”?` });
  await expect(dialog).toContainText("Nothing is erased");
  await expect(dialog).toContainText("2 claims with 2 verdict changes");
  await expectAccessible(page);
  // Cancel changes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`/newsroom/dossiers/${SLUG}$`));
  await page.getByRole("button", { name: "Archive this dossier…" }).click();
  await dialog.getByLabel("Why (optional, kept with the archived dossier)").fill("Enquête abandonnée.");
  await dialog.getByRole("button", { name: "Archive", exact: true }).click();

  await expect(page).toHaveURL(/\/newsroom\?archived=/);
  await expect(page.getByRole("status")).toContainText(`“${TITLE}” was archived, with its whole record. An admin can restore it from Archived dossiers.`);
  await expect(page.getByRole("table")).not.toContainText(TITLE);
  expect((await request.get(`/dossiers/${SLUG}`)).status()).toBe(404);
  expect((await request.get(`/api/dossiers/${SLUG}`)).status()).toBe(404);
  expect((await page.goto(`/newsroom/dossiers/${SLUG}`))?.status()).toBe(404);
  await page.goto("/newsroom/desk");
  await expect(page.getByRole("main")).not.toContainText(TITLE);

  await page.goto("/newsroom");
  await page.getByRole("link", { name: /Archived dossiers \(\d+\)/ }).click();
  const entry = page.locator(".record").filter({ hasText: TITLE });
  await expect(entry).toContainText("Why: “Enquête abandonnée.”");
  await expect(entry).toContainText("first published");
  await expect(entry).toContainText("2 claims, 2 verdict changes");
  await expect(page.getByText("Only an admin can restore one.")).toBeVisible();
  await expect(entry.getByRole("button", { name: /Restore/ })).toHaveCount(0);
  await expectAccessible(page);

  const admin = await otherSession(browser, "admin");
  await admin.goto("/newsroom/archive");
  await admin.getByRole("button", { name: `Restore “${TITLE}”…` }).click();
  const restore = admin.getByRole("dialog", { name: `Restore “${TITLE}”?` });
  await expect(restore).toContainText("as a draft, with everything it held");
  await restore.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(admin).toHaveURL(/\/newsroom\?restored=/);
  await expect(admin.getByRole("status")).toContainText(`“${TITLE}” was restored from the archive`);
  const row = admin.getByRole("row").filter({ hasText: TITLE });
  await expect(row).toContainText("Draft");
  await expect(row).toContainText("2");
  await expectAccessible(admin);

  await admin.goto(`/newsroom/dossiers/${SLUG}/audit`);
  await expect(admin.getByRole("main")).toContainText("Dossier archived");
  await expect(admin.getByRole("main")).toContainText("Dossier restored from the archive");
  await admin.context().close();
  // Still off the public site until an editor publishes it again.
  expect((await request.get(`/dossiers/${SLUG}`)).status()).toBe(404);
});

test("an empty dossier is deleted for real, after a confirmation that says so", async ({ page, login }) => {
  await login({ role: "editor" });
  await page.goto("/newsroom/dossiers/new");
  await page.getByLabel("Title (required)").fill("Créé par erreur");
  await page.getByLabel("Language of the content (required)").selectOption("fr");
  await page.getByRole("button", { name: "Create the dossier" }).click();
  await expect(page).toHaveURL(/\/article$/);
  await page.goto(page.url().replace(/\/article$/, ""));
  await page.getByRole("button", { name: "Delete this dossier…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete the dossier “Créé par erreur”?" });
  await expect(dialog).toContainText("It holds nothing yet");
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/newsroom\?deleted=1$/);
  await expect(page.getByRole("status")).toContainText("The empty dossier was deleted.");
  await expect(page.getByRole("table")).not.toContainText("Créé par erreur");
});

test("the quote form warns when a speaker description repeats a confidential source's withheld title", async ({ page, login }) => {
  const slug = "citations-anonymes";
  importFolder(fixtureCopy("mini", slug, (data) => ({ ...data, status: "draft", title: "Citations anonymes" })));
  await login({ role: "journalist" });
  await page.goto(`/newsroom/dossiers/${slug}/quotes`);
  const form = page.getByRole("form", { name: "Add a quote" });
  await form.getByLabel("The quote, verbatim (required)").fill("Nous n'avons rien à dire.");
  // The fixture's confidential source is titled "Directeur financier d'Exemple" (withheld from journalists).
  await form.getByLabel("Or describe the speaker").fill("Directeur financier d’Exemple");
  await form.getByRole("button", { name: "Add the quote" }).click();
  const warning = page.getByRole("main").getByRole("alert").filter({ hasText: "check the speaker description" });
  await expect(warning).toContainText("repeats the title recorded for the confidential source “Une personne proche de la direction”");
  await expectAccessible(page);

  await form.getByLabel("The quote, verbatim (required)").fill("Nous verrons.");
  await form.getByLabel("Or describe the speaker").fill("Une personne contactée");
  await form.getByRole("button", { name: "Add the quote" }).click();
  await expect(page.getByText("Quote added.")).toBeVisible();
});
