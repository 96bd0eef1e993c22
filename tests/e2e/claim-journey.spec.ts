// From a passage to a checked claim without leaving the page (issue 12, items 2 and 3), in real
// Chromium: the journalist drags over a sentence of the preview, a "Make a claim" button appears at
// the selection (reachable with Tab), and the form comes into view with the claim prefilled from the
// whole selection — not from a fragment of the drag; typed words are found typography aside, and a
// miss names the character that differs. On the claim's page, a source is created in a dialog (focus
// kept in it, Escape closes it, focus returns), chosen for the evidence with its excerpt and stance,
// and the verdict is proposed (the journalist) or set (the editor) there. A confidential source made
// in the dialog follows the usual rules: the journalist never reads back its title or identity.
// At a phone's size, the form is in view too.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, otherSession, test } from "./fixtures";
import { fixtureCopy, importFolder } from "./support";

const SUFFIX = Date.now().toString(36);
const SLUG = `claims-${SUFFIX}`;
const TITLE = `Le site de Saint-Nazaire ${SUFFIX}`;
const BASE = `/newsroom/dossiers/${SLUG}`;

const PARAGRAPH = "L’usine de Saint-Nazaire emploie 140 personnes depuis mars 2021, d’après la direction.";
const PASSAGE = "L’usine de Saint-Nazaire emploie 140 personnes depuis mars 2021";
const CONFIDENTIAL = { title: "Témoignage du responsable du site", description: "Un cadre de l’usine", identity: "Marc Leroy, directeur du site" };
const PUBLIC_SOURCE = "Registre des effectifs de Saint-Nazaire";

const maker = (page: Page) => page.getByRole("form", { name: "New claim" });
const control = (page: Page) => page.getByRole("button", { name: "Make a claim from the selection" });
const claimField = (page: Page) => maker(page).getByLabel("The claim, stated plainly");
const passageField = (page: Page) => maker(page).getByLabel("Passage (exact words from the article)");
const verdictRegion = (page: Page) => page.getByRole("region", { name: "Verdict" });
const evidenceForm = (page: Page) => page.getByRole("form", { name: "Add evidence" });

/** The claim made from PASSAGE, from the dossier's list of claims. */
async function openTheClaim(page: Page) {
  await page.goto(`${BASE}/claims`);
  await page.getByRole("link", { name: PASSAGE, exact: true }).click();
  await expect(verdictRegion(page)).toBeVisible();
}

/** The rectangle of the words in the preview, in viewport coordinates (for a mouse drag). */
async function wordsRect(page: Page, words: string) {
  return page.locator(".preview").evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const at = (node.nodeValue ?? "").indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + wanted.length - 1);
      range.setEnd(node, at + wanted.length);
      const last = range.getBoundingClientRect();
      return { startX: first.left + 1, startY: first.top + first.height / 2, endX: last.right - 1, endY: last.top + last.height / 2 };
    }
    throw new Error(`“${wanted}” is not in one text node of the preview`);
  }, words);
}

/** Selects `words` in the preview with the mouse, in small steps (every step is a selection change). */
async function dragOver(page: Page, words: string) {
  await page.locator(".preview").getByText(words.slice(0, 20)).evaluate((el) => el.scrollIntoView({ block: "center" }));
  const r = await wordsRect(page, words);
  await page.mouse.move(r.startX, r.startY);
  await page.mouse.down();
  await page.mouse.move(r.endX, r.endY, { steps: 12 });
  await page.mouse.up();
}

/** The selection's text and bounding rectangle, as the browser has it. */
const currentSelection = (page: Page) =>
  page.evaluate(() => {
    const sel = window.getSelection()!;
    const rect = sel.getRangeAt(0).getBoundingClientRect();
    return { text: sel.toString(), left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
  });

/** A DOM selection of `words` in the preview (as a long press on a phone makes). */
async function selectInPreview(page: Page, words: string) {
  await page.locator(".preview").evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const at = (node.nodeValue ?? "").indexOf(wanted);
      if (at < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: "center" });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`“${wanted}” is not in the preview`);
  }, words);
}

test.describe.serial("from a passage to a checked claim", () => {
  test.beforeAll(() => {
    // The desk fixture (four claims already made) plus a sentence no claim covers yet.
    const dir = fixtureCopy("desk", SLUG, (data) => ({
      ...data,
      title: TITLE,
      claims: (data.claims as Record<string, unknown>[]).map(({ author: _author, ...claim }) => claim),
    }));
    fs.appendFileSync(path.join(dir, "article.md"), `\n${PARAGRAPH}\n`);
    importFolder(dir);
  });

  // The journalist is told their proposal was closed by the editor's verdict: they read it, so the
  // journeys after this one find the notifications they expect (the e2e database is shared).
  test.afterAll(async ({ browser }) => {
    const journalist = await otherSession(browser, "journalist");
    await journalist.goto("/newsroom/notifications");
    const markAll = journalist.getByRole("button", { name: "Mark all as read" });
    if (await markAll.count()) {
      await markAll.click();
      await expect(journalist.getByText("Nothing unread.")).toBeVisible();
    }
    await journalist.context().close();
  });

  test("the journalist makes a claim from a selection, with the button at the selection", async ({ page, login }) => {
    await login({ role: "journalist" });
    await page.goto(`${BASE}/article`);
    await expect(page.locator(".preview")).toContainText(PASSAGE);
    await expect(control(page)).toHaveCount(0);

    await dragOver(page, PASSAGE);
    const selection = await currentSelection(page);
    expect(selection.text.trim()).toBe(PASSAGE);

    // The button is at the selection: just below (or above) it, within its width, not over the words.
    await expect(control(page)).toBeVisible();
    const box = (await control(page).boundingBox())!;
    const below = box.y >= selection.bottom - 1 && box.y <= selection.bottom + 24;
    const above = box.y + box.height <= selection.top + 1 && box.y + box.height >= selection.top - 24;
    expect(below || above, `button at ${JSON.stringify(box)}, selection at ${JSON.stringify(selection)}`).toBe(true);
    expect(box.x).toBeGreaterThanOrEqual(selection.left - 8);
    expect(box.x).toBeLessThanOrEqual(selection.right);
    await expectAccessible(page);

    // The keyboard reaches it: Tab from the preview (which the drag focused).
    await page.locator(".preview").focus();
    await page.keyboard.press("Tab");
    await expect(control(page)).toBeFocused();
    await page.keyboard.press("Enter");

    // The form is in view, the claim prefilled with the whole selection (not "L’us", a step of the drag).
    await expect(claimField(page)).toBeFocused();
    await expect(claimField(page)).toBeInViewport();
    await expect(claimField(page)).toHaveValue(selection.text.trim());
    await expect(passageField(page)).toHaveValue(PASSAGE);
    await expect(control(page)).toHaveCount(0);
    await expectAccessible(page);

    await maker(page).getByRole("button", { name: "Make a claim" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Claim created" })).toBeVisible();
    await expect(page.locator(".preview mark", { hasText: PASSAGE })).toHaveCount(1);

    // The typed-words path stays. A miss names the character that differs (typography aside: the
    // straight apostrophe typed for the article's ’ is not it), and never says "more than once".
    await passageField(page).fill("L'usine de Saint-Nazaire emploie 150 personnes");
    await claimField(page).fill("La direction le dit.");
    await maker(page).getByRole("button", { name: "Make a claim" }).click();
    await expect(passageField(page)).toHaveAccessibleDescription(/5 in your passage, 4 in the article/);
    await expect(passageField(page)).not.toHaveAccessibleDescription(/more than once|times/);
    await expectAccessible(page);
    // Typed with a straight apostrophe, the article's “d’après” is found.
    await passageField(page).fill("d'après la direction");
    await maker(page).getByRole("button", { name: "Make a claim" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Claim created" })).toBeVisible();
    await expect(page.locator(".preview mark", { hasText: "d’après la direction" })).toHaveCount(1);
  });

  test("at a phone's size, the button brings the form into view", async ({ page, login }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await login({ role: "journalist" });
    await page.goto(`${BASE}/article`);
    await selectInPreview(page, "selon le registre du commerce");
    await expect(control(page)).toBeInViewport();
    await control(page).click();
    await expect(claimField(page)).toBeFocused();
    await expect(claimField(page)).toBeInViewport();
    await expect(claimField(page)).toHaveValue("selon le registre du commerce");
    await expectAccessible(page);
  });

  test("the journalist creates a confidential source in a dialog, links it, and proposes a verdict", async ({ page, login }) => {
    await login({ role: "journalist" });
    await openTheClaim(page);
    const claimUrl = page.url();

    const open = page.getByRole("button", { name: "New source…" });
    const dialog = page.getByRole("dialog", { name: "New source" });
    await open.click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Kind of source")).toBeFocused();
    // Focus stays in the dialog: Shift+Tab from its first field goes to its last button, Tab back.
    await page.keyboard.press("Shift+Tab");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByLabel("Kind of source")).toBeFocused();
    await expectAccessible(page);
    // Escape closes it, and focus returns to its button.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();

    await open.click();
    await dialog.getByLabel("Kind of source").selectOption({ label: "Person" });
    await dialog.getByLabel("Title (required)").fill(CONFIDENTIAL.title);
    await dialog.getByRole("checkbox", { name: /Confidential source/ }).check();
    await dialog.getByRole("button", { name: "Create the source" }).click();
    // The same rules as on the sources page: a confidential source needs its public description.
    await expect(dialog.getByRole("alert").first()).toContainText("A confidential source needs a public description");
    await expectAccessible(page);
    await dialog.getByLabel("Public description").fill(CONFIDENTIAL.description);
    await dialog.getByLabel("Identity (newsroom only)").fill(CONFIDENTIAL.identity);
    await dialog.getByRole("button", { name: "Create the source" }).click();
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "created: it is chosen in the evidence form" })).toBeVisible();

    // Chosen for the evidence, named as a journalist may see it: by its public description.
    const form = evidenceForm(page);
    await expect(form.getByLabel("Source (required)").locator("option:checked")).toHaveText(`${CONFIDENTIAL.description} (confidential)`);
    await form.getByLabel("Stance (required)").selectOption({ label: "Supports the claim" });
    await form.getByLabel("Excerpt").fill("Nous sommes 140 sur le site depuis l’ouverture, en mars 2021.");
    await form.getByRole("button", { name: "Add the evidence" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Evidence added." })).toBeVisible();
    const evidence = page.getByRole("region", { name: /^Evidence \(/ });
    await expect(evidence.getByRole("listitem").filter({ hasText: CONFIDENTIAL.description })).toContainText("Supports the claim");
    await expectAccessible(page);

    // The journalist never reads back what is withheld: not on the page, not in its payload.
    const html = await (await page.request.get(claimUrl)).text();
    expect(html).not.toContain(CONFIDENTIAL.identity);
    expect(html).not.toContain(CONFIDENTIAL.title);

    // The verdict, proposed in the same place, resting on that evidence.
    const propose = page.getByRole("form", { name: "Propose a verdict" });
    await propose.getByRole("radio", { name: "Verified" }).check();
    await propose.getByLabel("Rationale (required)").fill("Un cadre du site confirme l’effectif et la date.");
    await propose.getByRole("checkbox", { name: new RegExp(CONFIDENTIAL.description) }).check();
    await propose.getByRole("button", { name: "Propose" }).click();
    await expect(verdictRegion(page).getByRole("status").filter({ hasText: "Proposal sent" })).toBeVisible();
    await expect(verdictRegion(page).getByRole("group", { name: "Pending proposal" })).toContainText("Verified");
    await expectAccessible(page);
  });

  test("the editor adds a public source the same way and sets the verdict there", async ({ page, login }) => {
    await login({ role: "editor" });
    await openTheClaim(page);
    // The editor may read the confidential source the journalist created.
    await expect(page.getByRole("region", { name: /^Evidence \(/ })).toContainText(CONFIDENTIAL.title);

    await page.getByRole("button", { name: "New source…" }).click();
    const dialog = page.getByRole("dialog", { name: "New source" });
    await dialog.getByLabel("Kind of source").selectOption({ label: "Official record" });
    await dialog.getByLabel("Title (required)").fill(PUBLIC_SOURCE);
    await dialog.getByRole("button", { name: "Create the source" }).click();
    await expect(dialog).toBeHidden();
    const form = evidenceForm(page);
    await expect(form.getByLabel("Source (required)").locator("option:checked")).toHaveText(PUBLIC_SOURCE);
    await form.getByLabel("Excerpt").fill("Effectif déclaré : 140 salariés (mars 2021).");
    await form.getByRole("button", { name: "Add the evidence" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Evidence added." })).toBeVisible();
    await expectAccessible(page);

    await verdictRegion(page).getByText("Set the verdict yourself instead").click();
    const set = page.getByRole("form", { name: "Set the verdict" });
    await set.getByRole("radio", { name: "Verified" }).check();
    await set.getByLabel("Rationale (required)").fill("Le registre des effectifs et un cadre du site concordent.");
    await set.getByRole("checkbox", { name: new RegExp(PUBLIC_SOURCE) }).check();
    await set.getByRole("button", { name: "Set the verdict" }).click();
    await expect(verdictRegion(page).locator(".verdict-current")).toContainText("Verified");
    await expect(verdictRegion(page).getByRole("group", { name: "Pending proposal" })).toHaveCount(0);
    await expectAccessible(page);
  });
});
