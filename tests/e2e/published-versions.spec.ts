// Published means signed off (issue 9), on the sample (each journey on its own copy, so the
// shipped sample stays as it is for the other journeys): a journalist's edit changes the working
// copy only; the claim needs a re-check, which blocks the update until an editor re-checks it;
// the editor publishes the update with a note; readers then see the new text and verdict,
// "Updated on …" with the note, and the diff between the two published versions.
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { readerPage, verdictRegion } from "./desk-support";
import { importFolder, sampleCopy } from "./support";

const run = Date.now().toString(36);
const LEVEE = "Début juin 2023, Mistral AI a levé 105 millions d'euros lors d'un tour mené avec Lightspeed Venture Partners.";
const REGISTRATION = "Mistral AI a été immatriculée au greffe du tribunal de commerce de Paris le 24 avril 2023.";
const COURT_CORRECTION = "Il s'agit du greffe du tribunal de commerce de Paris, non du tribunal de Paris.";

const editorBox = (page: Page) => page.getByLabel("Article (Markdown)");
const publication = (page: Page) => page.getByRole("region", { name: "Publication" });
const readerClaim = (reader: Page, text: string) => reader.locator(".claim-list > li").filter({ hasText: text });

async function replaceInArticle(page: Page, base: string, from: string, to: string) {
  await page.goto(`${base}/article`);
  const box = editorBox(page);
  // The editor fills its text area once hydrated (decision 103): read it then.
  await expect(box).not.toHaveValue("");
  const text = await box.inputValue();
  expect(text).toContain(from);
  await box.fill(text.replace(from, to));
  await page.getByRole("button", { name: "Save article" }).click();
  const report = page.getByRole("main").getByRole("status").filter({ hasText: "Saved as revision" });
  await expect(report).toBeVisible();
  return report;
}

async function openClaim(page: Page, base: string, text: RegExp) {
  await page.goto(`${base}/claims`);
  await page.getByRole("link", { name: text }).first().click();
  await expect(verdictRegion(page)).toBeVisible();
}

async function publishUpdate(page: Page, base: string, title: string, note: string) {
  await page.goto(base);
  await expect(publication(page).getByRole("button", { name: "Publish the update…", exact: true })).toBeVisible();
  await publication(page).getByRole("button", { name: "Publish the update…", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Publish the changes to “${title}”?` });
  await dialog.getByLabel(/^Note for readers/).fill(note);
  await dialog.getByRole("button", { name: "Publish the update", exact: true }).click();
  await expect(publication(page).getByRole("status")).toHaveText("Update published: readers see the new version now.");
}

async function asEditor(browser: Browser) {
  const { otherSession } = await import("./fixtures");
  return otherSession(browser, "editor");
}

test.describe("published versions on the sample", () => {
  test.describe.configure({ mode: "serial" });

  test("edit 1: readers keep 105 millions and Vérifié until the editor re-checks the claim and publishes the update with a note", async ({ page, login, browser }) => {
    const slug = `edit-one-${run}`;
    const title = `Mistral AI (édition 1, ${run})`;
    importFolder(sampleCopy(slug, title));
    const base = `/newsroom/dossiers/${slug}`;
    const reader = await readerPage(browser);
    await reader.goto(`/dossiers/${slug}`);
    await expect(reader.locator("#article")).toContainText("a levé 105 millions d'euros");
    await expect(readerClaim(reader, LEVEE)).toHaveAttribute("data-verdict", "verified");

    // The journalist makes edit 1 and saves.
    await login({ role: "journalist" });
    const report = await replaceInArticle(page, base, "Mistral AI a levé 105 millions d'euros", "Mistral AI a levé 15 millions d'euros");
    await expect(report).toContainText("Its verdict now needs a re-check by an editor");
    await expect(report).toContainText("Readers keep the published version until an editor publishes the update.");

    // Readers still see 105 millions, verified.
    await reader.reload();
    await expect(reader.locator("#article")).toContainText("a levé 105 millions d'euros");
    await expect(reader.locator("#article")).not.toContainText("a levé 15 millions");
    await expect(readerClaim(reader, LEVEE)).toHaveAttribute("data-verdict", "verified");

    // The desk shows the claim as needing a re-check (its own filter).
    const editor = await asEditor(browser);
    await editor.goto("/newsroom/desk?attention=recheck");
    const row = editor.locator("tbody tr").filter({ hasText: title });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Needs re-check");
    await expectAccessible(editor);

    // Publishing the update is blocked, and the changes not yet published are shown.
    await editor.goto(base);
    await expect(publication(editor)).toContainText("1 claim blocks publication");
    await expect(publication(editor).locator(".blocking__list")).toContainText("needs a re-check");
    await expect(publication(editor).getByRole("button", { name: "Publish the update…", exact: true })).toHaveCount(0);
    const pending = editor.getByRole("region", { name: "Changes not yet published" });
    await expect(pending).toContainText("The update needs a note for readers");
    await expect(pending.locator(".diff")).toContainText("15 millions");
    await expectAccessible(editor);

    // The editor re-checks: the old and new passage side by side, then a new verdict.
    await publication(editor).locator(".blocking__list a").first().click();
    const recheck = editor.getByRole("region", { name: "Needs a re-check" });
    await expect(recheck.locator("del")).toContainText("105");
    await expect(recheck.locator("ins")).toContainText("15");
    await expectAccessible(editor);
    await verdictRegion(editor).getByText("Change the verdict").click();
    const set = editor.getByRole("form", { name: "Set the verdict" });
    await set.getByRole("radio", { name: "False" }).check();
    await set.getByLabel("Rationale (required)").fill("La levée de juin 2023 est de 105 millions d'euros, pas de 15 millions.");
    await set.getByRole("checkbox", { name: /Enquête sur le silence/ }).check();
    await set.getByLabel("Correction note (readers see it) (required)").fill("Le montant de 15 millions d'euros est faux : la levée était de 105 millions.");
    await set.getByRole("button", { name: "Set the verdict" }).click();
    await expect(verdictRegion(editor).locator(".verdict-current")).toContainText("False");
    await expect(editor.getByRole("region", { name: "Needs a re-check" })).toHaveCount(0);

    const NOTE = `Montant de la levée modifié dans l'article ; son verdict a été revu (${run}).`;
    await publishUpdate(editor, base, title, NOTE);

    // Readers now see the new text, the new verdict, "Updated on …" with the note, and the diff.
    await reader.reload();
    await expect(reader.locator("#article")).toContainText("a levé 15 millions d'euros");
    await expect(readerClaim(reader, LEVEE)).toHaveAttribute("data-verdict", "false");
    await expect(reader.locator("#last-update time")).toHaveCount(1);
    await expect(reader.locator(".update-note")).toHaveText(NOTE);
    const updates = reader.locator("#updates");
    await expect(updates).toContainText(NOTE);
    await expectAccessible(reader);
    await updates.locator('a[href$="/versions/2"]').click();
    await expect(reader).toHaveURL(new RegExp(`/dossiers/${slug}/versions/2$`));
    await expect(reader.locator(".diff del")).toContainText(["105"]);
    await expect(reader.locator(".diff ins")).toContainText(["15"]);
    await expect(reader.locator(".version-note")).toContainText(NOTE);
    await expectAccessible(reader);
    const api = await (await reader.request.get(`/api/dossiers/${slug}`)).json();
    expect(api).toMatchObject({ version: 2, updates: [{ version: 1 }, { version: 2, note: NOTE, minor: false }] });
    await editor.context().close();
    await reader.context().close();
  });

  test("edit 2: applying the editor's correction to the passage keeps the claim and its correction for readers throughout", async ({ page, login, browser }) => {
    const slug = `edit-two-${run}`;
    const title = `Mistral AI (édition 2, ${run})`;
    importFolder(
      sampleCopy(slug, title, {
        article: (t) => t.replace("greffe du tribunal de commerce de Paris le 24 avril", "greffe du tribunal de Paris le 24 avril"),
        yaml: (y) =>
          y
            .replace('exact: "Mistral AI a été immatriculée au greffe du tribunal de commerce de Paris le 24 avril 2023"', 'exact: "Mistral AI a été immatriculée au greffe du tribunal de Paris le 24 avril 2023"')
            .replace(
              `        rationale: "L'immatriculation et sa date figurent au registre du greffe du tribunal de commerce de Paris, source officielle."\n        decidedAt: "2023-09-25"\n`,
              `        rationale: "L'immatriculation et sa date figurent au registre du greffe du tribunal de commerce de Paris, source officielle."\n        decidedAt: "2023-09-25"\n      - status: partly-true\n        rationale: "La date est exacte, mais l'immatriculation relève du greffe du tribunal de commerce de Paris."\n        decidedAt: "2023-09-27"\n        correctionNote: "${COURT_CORRECTION}"\n`,
            ),
      }),
    );
    const base = `/newsroom/dossiers/${slug}`;
    const reader = await readerPage(browser);
    const readerSees = async () => {
      await reader.goto(`/dossiers/${slug}`);
      await expect(readerClaim(reader, REGISTRATION)).toHaveAttribute("data-verdict", "partly-true");
      await expect(reader.locator("#corrections")).toContainText(COURT_CORRECTION);
    };
    await readerSees();

    await login({ role: "journalist" });
    const report = await replaceInArticle(page, base, "greffe du tribunal de Paris le 24", "greffe du tribunal de commerce de Paris le 24");
    await expect(report).not.toContainText("Lost its passage");
    await expect(report).toContainText("Its verdict now needs a re-check by an editor");
    await readerSees();

    const editor = await asEditor(browser);
    await openClaim(editor, base, /immatriculée au greffe/);
    const recheck = editor.getByRole("region", { name: "Needs a re-check" });
    await expect(recheck.locator("ins").first()).toContainText("commerce");
    await recheck.getByRole("button", { name: "Confirm the verdict" }).click();
    await expect(editor.getByRole("region", { name: "Needs a re-check" })).toHaveCount(0);
    await expect(editor.getByRole("region", { name: "Fact-check history" })).toContainText("re-checked the verdict after the claim changed");
    await readerSees();

    await publishUpdate(editor, base, title, `Le texte reprend désormais la correction du greffe (${run}).`);
    await readerSees();
    await expect(reader.locator("#article")).toContainText("greffe du tribunal de commerce de Paris le 24 avril 2023");
    await editor.context().close();
    await reader.context().close();
  });

  test("case 4: rewording the claim and flipping its evidence's stance each put it back to needs re-check, readers unchanged", async ({ page, login, browser }) => {
    const slug = `case-four-${run}`;
    const title = `Mistral AI (cas 4, ${run})`;
    importFolder(sampleCopy(slug, title));
    const base = `/newsroom/dossiers/${slug}`;
    const reader = await readerPage(browser);
    const readersUnchanged = async () => {
      await reader.goto(`/dossiers/${slug}`);
      await expect(readerClaim(reader, LEVEE)).toHaveAttribute("data-verdict", "verified");
    };
    await readersUnchanged();
    const editor = await asEditor(browser);
    const needsRecheck = async (expected: boolean) => {
      await editor.goto("/newsroom/desk?attention=recheck");
      await expect(editor.locator("tbody tr").filter({ hasText: title })).toHaveCount(expected ? 1 : 0);
    };

    // Rewording the claim.
    await login({ role: "journalist" });
    await openClaim(page, base, /Mistral AI a levé 105 millions/);
    const claimForm = page.getByRole("form", { name: "Edit the claim" });
    await claimForm.getByLabel("The claim, stated plainly (required)").fill("Début juin 2023, Mistral AI a levé 15 millions d'euros.");
    await claimForm.getByRole("button", { name: "Save the claim" }).click();
    await expect(page.getByText("Claim saved.")).toBeVisible();
    await needsRecheck(true);
    await readersUnchanged();

    // Reworded back, the verdict applies again (nothing is a stored flag).
    await page.reload();
    await claimForm.getByLabel("The claim, stated plainly (required)").fill(LEVEE);
    await claimForm.getByRole("button", { name: "Save the claim" }).click();
    await expect(page.getByText("Claim saved.")).toBeVisible();
    await needsRecheck(false);

    // Flipping the stance of the evidence the verdict cites.
    await page.reload();
    const evidence = page.locator(".record").filter({ hasText: "Levée de 105 millions d'euros début juin 2023" });
    await evidence.getByText("Edit this evidence").click();
    await evidence.getByLabel("Stance (required)").selectOption("contradicts");
    await evidence.getByRole("button", { name: "Save the evidence" }).click();
    await expect(page.getByText("Evidence saved.")).toBeVisible();
    await needsRecheck(true);
    await readersUnchanged();
    await expect(reader.locator(".claim-list > li").filter({ hasText: LEVEE })).toContainText(LEVEE);
    await editor.context().close();
    await reader.context().close();
  });
});
