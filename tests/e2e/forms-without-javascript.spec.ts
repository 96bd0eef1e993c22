// Newsroom forms are real form actions (decision 107): with JavaScript disabled (or before the
// page has hydrated) the browser posts the form to its server action, and the page that comes
// back says what happened — the refusal next to the fields with what was typed still there, or
// the success. A limit declared in the shared schema reaches the rendered control.
import { expect, signIn, test } from "./fixtures";

test("without JavaScript, a newsroom form refuses with its messages, keeps what was typed, saves, and never overwrites a newer version", async ({ browser }) => {
  const signedIn = await browser.newContext();
  const withScript = await signedIn.newPage();
  await signIn(withScript, "editor");
  const scriptless = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.storageState() });
  const page = await scriptless.newPage();

  // A new dossier: refused (no title), then created — the server action's redirect is followed.
  await page.goto("/newsroom/dossiers/new");
  const newDossier = page.getByRole("form", { name: "New dossier" });
  await expect(newDossier.getByRole("button", { name: "Create the dossier" })).toBeEnabled();
  // From the schema: requiredText("Title", 200), text("Summary", 1000).
  await expect(newDossier.getByLabel("Title (required)")).toHaveAttribute("maxlength", "200");
  await expect(newDossier.getByLabel("Summary")).toHaveAttribute("maxlength", "1000");
  await newDossier.getByLabel("Summary").fill("Typed before the title, kept after the refusal.");
  await newDossier.getByLabel("Language of the content (required)").selectOption("en");
  await newDossier.getByRole("button", { name: "Create the dossier" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Some fields need attention: nothing was saved.");
  await expect(page.getByRole("main").getByRole("alert").getByRole("link", { name: "Title is required." })).toBeVisible();
  await expect(page.getByLabel("Title (required)")).toHaveAccessibleDescription("Error: Title is required.");
  await expect(page.getByLabel("Summary")).toHaveValue("Typed before the title, kept after the refusal.");
  await expect(page.getByLabel("Language of the content (required)")).toHaveValue("en");
  const title = `Without script ${Date.now().toString(36)}`;
  await page.getByLabel("Title (required)").fill(title);
  await page.getByRole("button", { name: "Create the dossier" }).click();
  await expect(page).toHaveURL(/\/newsroom\/dossiers\/[\w-]+\/article$/);
  const base = page.url().replace(/\/article$/, "");

  // A form that adds to a list: the refusal, then the success message and an empty form.
  await page.goto(`${base}/entities`);
  const add = page.getByRole("form", { name: "Add a person or organisation" });
  await add.getByLabel("Role or description").fill("Harbour master since 2019");
  await add.getByRole("button", { name: "Add" }).click();
  await expect(page.getByLabel("Name (required)")).toHaveAccessibleDescription("Error: Name is required.");
  await expect(page.getByLabel("Role or description")).toHaveValue("Harbour master since 2019");
  await page.getByLabel("Name (required)").fill("Ingrid Solberg");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Added." })).toBeVisible();
  await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: "Ingrid Solberg" })).toContainText("Harbour master since 2019");
  await expect(page.getByLabel("Name (required)")).toHaveValue("");
  await expect(page.getByLabel("Role or description")).toHaveValue("");

  // An edit refused as outdated (someone saved meanwhile): what was typed stays, and so does the
  // version it started from — sending it again is refused again, nothing is overwritten.
  await page.goto(base);
  const details = page.getByRole("form", { name: "Dossier details" });
  await details.getByLabel("Summary").fill("My summary, typed without script.");
  await withScript.goto(base);
  await withScript.getByRole("form", { name: "Dossier details" }).getByLabel("Title (required)").fill(`${title} (renamed)`);
  await withScript.getByRole("button", { name: "Save details" }).click();
  await expect(withScript.getByRole("main").getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();
  await details.getByRole("button", { name: "Save details" }).click();
  const refusal = page.getByRole("form", { name: "Dossier details" }).locator("..").getByRole("alert");
  await expect(refusal).toContainText(/changed since you opened it(?: \(by [^)]+\))?: you started from version \d+, it is now at version \d+\. Nothing was saved\./);
  await expect(page.getByRole("form", { name: "Dossier details" }).getByLabel("Summary")).toHaveValue("My summary, typed without script.");
  await expect(page.getByRole("form", { name: "Dossier details" }).getByLabel("Title (required)")).toHaveValue(title);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("form", { name: "Dossier details" }).locator("..").getByRole("alert")).toContainText(/you started from version \d+, it is now at version \d+/);
  await withScript.reload();
  await expect(withScript.getByRole("form", { name: "Dossier details" }).getByLabel("Title (required)")).toHaveValue(`${title} (renamed)`);
  await expect(withScript.getByRole("form", { name: "Dossier details" }).getByLabel("Summary")).toHaveValue("Typed before the title, kept after the refusal.");

  await Promise.all([signedIn.close(), scriptless.close()]);
});
