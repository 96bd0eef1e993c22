// Keyboard shortcuts for the newsroom's frequent actions (issue 12, item 6), in real Chromium:
// "?" and the header's button open the list (axe-clean), Ctrl+S saves the article and the
// dossier's details, j / k walk the desk's claims, a / r bring an editor to accepting or rejecting
// a proposal through the same forms as the buttons. Letters never act while typing, and the
// reader's pages have no shortcuts.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, otherSession, test } from "./fixtures";
import { importDeskDossier, openClaim, readerPage, verdictRegion, type DeskClaimKey } from "./desk-support";

const SUFFIX = Date.now().toString(36);
const SLUG = `raccourcis-${SUFFIX}`;
const TITLE = `Les raccourcis ${SUFFIX}`;
const MOD = process.platform === "darwin" ? "Meta" : "Control";

const shortcutsDialog = (page: Page) => page.getByRole("dialog", { name: "Keyboard shortcuts" });

async function propose(page: Page, base: string, key: DeskClaimKey, rationale: string) {
  await openClaim(page, base, key);
  const form = page.getByRole("form", { name: "Propose a verdict" });
  await form.getByRole("radio", { name: "Unverifiable" }).check();
  await form.getByLabel("Rationale (required)").fill(rationale);
  await form.getByRole("button", { name: "Propose" }).click();
  await expect(verdictRegion(page).getByRole("group", { name: "Pending proposal" })).toBeVisible();
}

test.describe.serial("keyboard shortcuts", () => {
  let base = "";
  test.beforeAll(() => {
    base = importDeskDossier(SLUG, TITLE);
  });

  test("? and the header's button list the shortcuts in a dialog; typing ? in a field does not", async ({ page, login }) => {
    await login({ role: "journalist" });
    await page.getByRole("button", { name: "Shortcuts" }).click();
    const dialog = shortcutsDialog(page);
    await expect(dialog).toBeVisible();
    for (const what of ["Save", "next claim", "previous claim", "accepting", "rejecting"]) await expect(dialog).toContainText(what);
    await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
    const axe = await new AxeBuilder({ page }).include(".shortcuts-dialog").analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), "axe violations in the dialog").toEqual([]);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expectAccessible(page);

    await page.keyboard.press("?");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();

    const search = page.getByRole("searchbox", { name: "Search everything" });
    await search.fill("");
    await search.press("?");
    await search.press("j");
    await expect(search).toHaveValue("?j");
    await expect(dialog).toBeHidden();
  });

  test("Ctrl+S saves the article while typing, and the dossier's details", async ({ page, login }) => {
    await login({ role: "journalist" });
    await page.goto(`${base}/article`);
    const editor = page.getByLabel("Article (Markdown)");
    await expect(editor).toBeEditable();
    await editor.press("End");
    await editor.pressSequentially(" Une phrase ajoutée au clavier.");
    await editor.press(`${MOD}+s`);
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: /Saved as revision \d+\./ })).toBeVisible();
    await expect(page.getByText("All changes saved.")).toBeVisible();
    // Focus stays in the text, where the journalist was typing.
    await expect(editor).toBeFocused();

    await page.goto(base);
    const details = page.getByRole("form", { name: "Dossier details" });
    await details.getByLabel("Summary").fill("Résumé enregistré au clavier.");
    await details.getByLabel("Summary").press(`${MOD}+s`);
    await expect(page.getByText("Details saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("form", { name: "Dossier details" }).getByLabel("Summary")).toHaveValue("Résumé enregistré au clavier.");
  });

  test("j and k walk the desk's claims, Enter opens one", async ({ page, login }) => {
    await login({ role: "editor" });
    await page.goto("/newsroom/desk");
    await page.getByRole("form", { name: "Filter the claims" }).getByLabel("Dossier").selectOption({ label: TITLE });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/dossierId=/);
    const links = page.getByRole("table").locator("tbody tr th a");
    await expect(links).toHaveCount(4);
    const texts = await links.allTextContents();
    await page.keyboard.press("j");
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await expect(links.nth(2)).toBeFocused();
    await page.keyboard.press("k");
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/claims\/[^/#]+#verdict$/);
    await expect(page.getByRole("main")).toContainText(texts[1]!);
  });

  test("r and a bring the editor to rejecting and accepting, through the buttons' own forms", async ({ page, login, browser }) => {
    const journalist = await otherSession(browser, "journalist");
    await propose(journalist, base, "siege", "Aucun document public ne date l'installation à Nantes.");
    await propose(journalist, base, "licenciements", "Aucune source ne confirme le nombre.");
    await journalist.context().close();

    await login({ role: "editor" });
    await openClaim(page, base, "siege");
    const reject = page.getByRole("form", { name: "Reject the proposal" });
    const reason = reject.getByLabel(/Why you reject it/);
    await page.keyboard.press("r");
    await expect(reason).toBeFocused();
    // Typing in the field: the letters are text, not shortcuts.
    await reason.pressSequentially("Le registre date l'installation à 2019 : à revoir.");
    await expect(reason).toHaveValue("Le registre date l'installation à 2019 : à revoir.");
    await expect(reason).toBeFocused();
    await reason.press(`${MOD}+Enter`);
    await expect(verdictRegion(page).getByRole("group", { name: "Pending proposal" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Fact-check history" })).toContainText("Le registre date l'installation à 2019");

    await openClaim(page, base, "licenciements");
    await page.keyboard.press("a");
    const accept = page.getByRole("form", { name: "Accept the proposal" }).getByRole("button", { name: /^Accept: mark it Unverifiable/ });
    // The focus is on the button: nothing is decided until the editor presses it.
    await expect(accept).toBeFocused();
    await expect(verdictRegion(page).getByRole("group", { name: "Pending proposal" })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(verdictRegion(page).getByRole("group", { name: "Pending proposal" })).toHaveCount(0);
    await expect(verdictRegion(page)).toContainText("Unverifiable");
  });

  test("the reader's pages have no shortcuts", async ({ browser }) => {
    const reader = await readerPage(browser);
    await reader.goto("/en/dossiers/mistral-ai");
    await reader.keyboard.press("?");
    await expect(reader.getByRole("dialog")).toHaveCount(0);
    await expect(reader.getByRole("button", { name: "Shortcuts" })).toHaveCount(0);
    await reader.context().close();
  });
});
