// A newsroom fit for daily work (issue 12, item 5), in real Chromium: two dossiers with one title
// are told apart (a warning at creation, their web addresses in the lists and menus), an empty
// dossier is not "Ready to publish", and on a phone the header and tabs leave the screen to the work.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { importDeskDossier, openClaim } from "./desk-support";

const SUFFIX = Date.now().toString(36);
const TITLE = `Harbour namesakes ${SUFFIX}`;

async function createDossier(page: Page, title: string): Promise<string> {
  await page.goto("/newsroom/dossiers/new");
  await page.getByLabel("Title (required)").fill(title);
  await page.getByLabel("Language of the content (required)").selectOption("en");
  await page.getByRole("button", { name: "Create the dossier" }).click();
  await expect(page).toHaveURL(/\/newsroom\/dossiers\/[^/]+\/article(\?sameTitle=1)?$/);
  return new URL(page.url()).pathname.split("/")[3]!;
}

test.describe.serial("daily work", () => {
  let first = "";
  let second = "";

  test("a second dossier with a title already used is created, with a warning naming the first", async ({ page, login }) => {
    await login({ role: "journalist" });
    first = await createDossier(page, TITLE);
    await expect(page.locator("#same-title")).toHaveCount(0);
    second = await createDossier(page, TITLE);
    expect(second).not.toBe(first);
    const warning = page.getByRole("status").filter({ hasText: "Another dossier already has this title" });
    await expect(warning).toContainText(`${TITLE} (/dossiers/${first}, created`);
    await expect(warning.getByRole("link", { name: TITLE })).toHaveAttribute("href", `/newsroom/dossiers/${first}`);
    // The dossier's own heading says which one it is.
    await expect(page.locator(".dossier__head")).toContainText(`/dossiers/${second}`);
    await expectAccessible(page);
  });

  test("the lists and menus tell the two apart by their web address", async ({ page, login }) => {
    await login({ role: "editor" });
    const dossiers = page.getByRole("main").getByRole("table");
    await expect(dossiers.getByRole("link", { name: `${TITLE} (${first})`, exact: true })).toHaveAttribute("href", `/newsroom/dossiers/${first}`);
    await expect(dossiers.getByRole("link", { name: `${TITLE} (${second})`, exact: true })).toHaveAttribute("href", `/newsroom/dossiers/${second}`);
    // A title nobody else has stays as it is.
    await expect(dossiers.getByRole("link", { name: /^Mistral AI/ }).first()).not.toHaveAccessibleName(/\(mistral-ai\)/);

    await page.goto("/newsroom/desk");
    const deskMenu = page.getByRole("form", { name: "Filter the claims" }).getByLabel("Dossier");
    await expect(deskMenu.locator("option", { hasText: TITLE })).toHaveCount(2);
    expect((await deskMenu.locator("option", { hasText: TITLE }).allTextContents()).sort()).toEqual([`${TITLE} (${first})`, `${TITLE} (${second})`].sort());
    const progress = page.getByRole("region", { name: "Verification progress" });
    await expect(progress.getByRole("link", { name: `${TITLE} (${first})`, exact: true })).toBeVisible();

    await page.goto(`/newsroom/search?q=${encodeURIComponent("namesakes")}`);
    const searchMenu = page.getByRole("search", { name: "Search the newsroom" }).getByLabel("Dossier");
    await expect(searchMenu.locator("option", { hasText: TITLE })).toHaveCount(2);
    expect((await searchMenu.locator("option", { hasText: TITLE }).allTextContents()).sort()).toEqual([`${TITLE} (${first})`, `${TITLE} (${second})`].sort());
  });

  test("an empty dossier is not ready to publish, and says what it lacks", async ({ page, login }) => {
    await login({ role: "editor" });
    await page.goto(`/newsroom/dossiers/${first}`);
    const readiness = page.locator("#publish-readiness");
    await expect(readiness).toContainText("Not ready to publish");
    await expect(readiness).toContainText("article text");
    await expect(readiness).toContainText("at least one claim");
    await expect(page.getByRole("main")).not.toContainText("Ready to publish.");
    await expectAccessible(page);
  });

  test("on a phone, the header and the tabs take at most a quarter of the first screen", async ({ page, login }) => {
    const slug = `phone-${SUFFIX}`;
    const base = importDeskDossier(slug, `Le bureau au téléphone ${SUFFIX}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await login({ role: "editor" });
    const measure = async (where: string) => {
      const header = (await page.locator(".nr-header").boundingBox())!;
      const tabs = (await page.getByRole("navigation", { name: "Dossier sections" }).boundingBox())!;
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      const figures = `${where}: header ${Math.round(header.height)} px, header+heading+tabs end at ${Math.round(tabs.y + tabs.height)} px of 844, page ${width} px wide`;
      test.info().annotations.push({ type: "measured", description: figures });
      console.log(`measured ${figures}`);
      expect(header.height, `${where}: the header`).toBeLessThanOrEqual(120);
      expect(tabs.y + tabs.height, `${where}: the header, the dossier's heading and its tabs`).toBeLessThanOrEqual(844 / 4);
      // Nothing wider than the screen: the menu and the tabs scroll within their own row.
      expect(width, `${where}: the page's width`).toBeLessThanOrEqual(390);
    };
    await page.goto(base);
    await expect(page.getByRole("heading", { name: "Publication" })).toBeVisible();
    await measure("dossier overview");
    await expectAccessible(page);
    await openClaim(page, base, "siege");
    await measure("claim page");
    // Every section and menu entry is still there, reachable by scrolling its row.
    await expect(page.getByRole("navigation", { name: "Dossier sections" }).getByRole("link")).toHaveCount(10);
    await expect(page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "API tokens" })).toBeAttached();
    await expectAccessible(page);
  });
});
