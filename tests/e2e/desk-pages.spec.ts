// The fact-check desk's other journeys, in real Chromium: the desk's filters and pages without
// JavaScript, assigning a claim (and the assignee being told), withdrawing a proposal, a decision
// refused because the claim changed meanwhile, publishing over the gate with a recorded reason,
// and unpublishing, which keeps everything. axe on every desk page, journalist and editor views.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, otherSession, test } from "./fixtures";
import { DESK_CLAIMS as CLAIMS, importDeskDossier, openClaim as openClaimAt, readerPage, verdictRegion, type DeskClaimKey } from "./desk-support";

const SUFFIX = Date.now().toString(36);
const SLUG = `bureau-${SUFFIX}`;
const TITLE = `Le second bureau ${SUFFIX}`;
const BASE = `/newsroom/dossiers/${SLUG}`;

const OVERRIDE = "Élection demain : la rédaction assume de publier ces deux affirmations non vérifiées.";

const openClaim = (page: Page, key: DeskClaimKey) => openClaimAt(page, BASE, key);

test.describe.serial("the desk's pages", () => {
  let dossierId = "";

  test.beforeAll(() => {
    importDeskDossier(SLUG, TITLE);
  });

  test("filters, pages and explains bad filters without JavaScript", async ({ page, login, browser }) => {
    await login({ role: "journalist" });
    await page.goto("/newsroom/desk");
    dossierId = (await page.getByLabel("Dossier").locator("option", { hasText: TITLE }).getAttribute("value"))!;
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const desk = await noScript.newPage();

    await desk.goto("/newsroom/desk");
    await desk.getByLabel("Dossier").selectOption({ label: TITLE });
    await desk.getByLabel("Verdict").selectOption({ label: "Not yet checked" });
    await desk.getByRole("button", { name: "Apply filters" }).click();
    await expect(desk).toHaveURL(/verdict=unchecked/);
    await expect(desk).toHaveURL(new RegExp(`dossierId=${dossierId}`));
    await expect(desk.getByText("3 claims match these filters")).toBeVisible();
    const verdicts = desk.getByRole("table").locator("tbody tr td:nth-child(3) [data-verdict]");
    await expect(verdicts).toHaveCount(3);
    for (const v of await verdicts.all()) await expect(v).toHaveAttribute("data-verdict", "unchecked");
    await expect(desk.getByLabel("Verdict")).toHaveValue("unchecked");

    // One claim per page: the pages keep the filters.
    await desk.goto(`/newsroom/desk?dossierId=${dossierId}&pageSize=1`);
    await expect(desk.getByText("4 claims match these filters · page 1 of 4")).toBeVisible();
    await desk.getByRole("navigation", { name: "Pages of claims" }).getByRole("link", { name: "Next page →" }).click();
    await expect(desk).toHaveURL(/page=2/);
    await expect(desk).toHaveURL(/pageSize=1/);
    await expect(desk.getByText("4 claims match these filters · page 2 of 4")).toBeVisible();
    await expect(desk.getByRole("table").locator("tbody tr")).toHaveCount(1);
    // Checked claims come last.
    await desk.goto(`/newsroom/desk?dossierId=${dossierId}&pageSize=1&page=4`);
    await expect(desk.getByRole("table")).toContainText(CLAIMS.produit);

    // A filter that cannot apply is explained next to it; nothing else is listed.
    await desk.goto("/newsroom/desk?verdict=maybe");
    await expect(desk.getByRole("main").getByRole("alert")).toContainText("These filters cannot be applied");
    await expect(desk.getByLabel("Verdict")).toHaveAccessibleDescription(/"maybe" is not a verdict of this newsroom/);
    await expect(desk.getByRole("table")).toHaveCount(0);

    await desk.goto(`/newsroom/desk?dossierId=${dossierId}&verdict=false`);
    await expect(desk.getByText("No claim matches these filters.")).toBeVisible();
    await noScript.close();
    // (axe runs in the page, so it needs JavaScript: the same refusal, checked with it on.)
    await page.goto("/newsroom/desk?verdict=maybe");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("These filters cannot be applied");
    await expectAccessible(page);
  });

  test("an editor assigns a claim; the journalist is told and finds it under “me”", async ({ page, login, browser }) => {
    // The journalist is already working, with nothing unread, when the editor assigns the claim.
    const journalist = await otherSession(browser, "journalist");
    await journalist.goto("/newsroom/notifications");
    const markAll = journalist.getByRole("button", { name: "Mark all as read" });
    if (await markAll.isVisible()) await markAll.click();
    await expect(journalist.getByText("Nothing unread.")).toBeVisible();
    await journalist.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Dossiers" }).click();
    await expect(journalist).toHaveURL(/\/newsroom$/);
    const notificationsLink = journalist.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: /Notifications/ });
    await expect(notificationsLink).toHaveAccessibleName("Notifications");

    await login({ role: "editor" });
    await openClaim(page, "licenciements");
    const assign = page.getByRole("form", { name: "Who checks this claim" });
    await assign.getByLabel("Assigned to").selectOption({ label: "Jeanne Journaliste (journalist)" });
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(verdictRegion(page).getByText("Assignment saved.")).toBeVisible();
    await expectAccessible(page);

    // Moving on inside the newsroom (no page reload) is enough for the header to tell them.
    await journalist.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Fact-check desk" }).click();
    await expect(journalist).toHaveURL(/\/newsroom\/desk$/);
    await expect(notificationsLink).toHaveAccessibleName("Notifications 1 unread");
    await notificationsLink.click();
    const item = journalist.getByRole("listitem").filter({ hasText: "Claim to check" });
    await expect(item).toContainText(`Édouard Éditeur asked you to check the claim “${CLAIMS.licenciements}” in “${TITLE}”`);
    await expectAccessible(journalist);
    await journalist.getByRole("button", { name: "Mark all as read" }).click();
    await expect(journalist.getByText("Nothing unread.")).toBeVisible();
    await expect(notificationsLink).toHaveAccessibleName("Notifications");

    await journalist.goto("/newsroom/desk");
    await journalist.getByLabel("Assigned to").selectOption({ label: "Me (Jeanne Journaliste)" });
    await journalist.getByRole("button", { name: "Apply filters" }).click();
    await expect(journalist).toHaveURL(/assignee=me/);
    const rows = journalist.getByRole("table").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText(CLAIMS.licenciements);
    await expect(rows).toContainText("Jeanne Journaliste (you)");
    await journalist.context().close();
  });

  test("a journalist withdraws their own proposal, after confirming", async ({ page, login }) => {
    await login({ role: "journalist" });
    await openClaim(page, "chiffre");
    const propose = page.getByRole("form", { name: "Propose a verdict" });
    await propose.getByRole("radio", { name: "Unverifiable" }).check();
    await propose.getByLabel("Rationale (required)").fill("Les comptes ne sont pas encore publiés.");
    await propose.getByRole("button", { name: "Propose" }).click();
    const pending = verdictRegion(page).getByRole("group", { name: "Pending proposal" });
    await expect(pending).toContainText("Unverifiable");

    await pending.getByRole("button", { name: "Withdraw my proposal…" }).click();
    const dialog = page.getByRole("dialog", { name: "Withdraw your proposal?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(pending).toBeVisible();
    await pending.getByRole("button", { name: "Withdraw my proposal…" }).click();
    await dialog.getByRole("button", { name: "Withdraw", exact: true }).click();
    await expect(verdictRegion(page).getByRole("group", { name: "Pending proposal" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Fact-check history" })).toContainText("Jeanne Journaliste withdrew the proposal");
  });

  test("a decision on a claim that changed meanwhile is refused; the editor looks again and decides, keeping what they typed", async ({ page, login, browser }) => {
    await login({ role: "editor" });
    await openClaim(page, "siege");
    const set = page.getByRole("form", { name: "Set the verdict" });
    await set.getByRole("radio", { name: "Partly true" }).check();
    await set.getByLabel("Rationale (required)").fill("Le siège est à Nantes, mais la date de 2019 n'est pas établie.");
    await set.getByRole("checkbox", { name: /Registre du commerce de Nantes/ }).check();

    // Meanwhile, the journalist proposes a verdict on the same claim.
    const journalist = await otherSession(browser, "journalist");
    await openClaim(journalist, "siege");
    const propose = journalist.getByRole("form", { name: "Propose a verdict" });
    await propose.getByRole("radio", { name: "Verified" }).check();
    await propose.getByLabel("Rationale (required)").fill("Le registre le confirme.");
    await propose.getByRole("checkbox", { name: /Registre du commerce de Nantes/ }).check();
    await propose.getByRole("button", { name: "Propose" }).click();
    await expect(verdictRegion(journalist).getByRole("group", { name: "Pending proposal" })).toBeVisible();

    await set.getByRole("button", { name: "Set the verdict" }).click();
    const alert = verdictRegion(page).getByRole("alert");
    await expect(alert).toContainText("This claim changed since you opened it");
    await expect(verdictRegion(page).locator(".verdict-current")).toContainText("Not yet checked");
    await alert.getByRole("button", { name: "Show the current state" }).click();
    await expect(verdictRegion(page).getByRole("group", { name: "Pending proposal" })).toContainText("Jeanne Journaliste proposes");
    await expect(set.getByLabel("Rationale (required)")).toHaveValue("Le siège est à Nantes, mais la date de 2019 n'est pas établie.");
    await expect(set.getByRole("radio", { name: "Partly true" })).toBeChecked();
    await expectAccessible(page);

    // Deciding directly now closes the journalist's proposal, and tells them.
    await set.getByRole("button", { name: "Set the verdict" }).click();
    await expect(verdictRegion(page).locator(".verdict-current")).toContainText("Partly true");
    await expect(page.getByRole("region", { name: "Fact-check history" })).toContainText("Jeanne Journaliste's proposal was closed: Édouard Éditeur set the verdict directly");
    await journalist.goto("/newsroom/notifications");
    // Other journeys' closed proposals may be listed too (the e2e database is shared): this one's.
    await expect(journalist.getByRole("listitem").filter({ hasText: "Proposal closed" }).filter({ hasText: "la date de 2019 n'est pas établie" })).toHaveCount(1);
    await journalist.context().close();
  });

  test("an editor publishes over the gate with a written reason, recorded; unpublishing keeps everything", async ({ page, login, browser }) => {
    await login({ role: "editor" });
    await page.goto(BASE);
    const publication = page.getByRole("region", { name: "Publication" });
    await expect(publication).toContainText("2 claims block publication");
    await publication.getByRole("button", { name: "Publish anyway…" }).click();
    const dialog = page.getByRole("dialog", { name: "Publish despite 2 blocking claims?" });
    await dialog.getByLabel("Why publish now (recorded) (required)").fill(OVERRIDE);
    await dialog.getByRole("button", { name: "Publish anyway" }).click();
    await expect(publication.getByRole("status")).toHaveText("Published with an override: the reason is recorded.");
    await expect(publication.locator(".publication-record")).toContainText(`Published version 1 by Édouard Éditeur despite 2 blocking claims. Reason: “${OVERRIDE}”`);
    await expect(publication).toContainText("2 claims block publication of an update (readers keep the published version)");
    await expectAccessible(page);

    const reader = await readerPage(browser);
    await reader.goto(`/dossiers/${SLUG}`);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(TITLE);

    await publication.getByRole("button", { name: "Unpublish…" }).click();
    const unpublish = page.getByRole("dialog", { name: `Unpublish “${TITLE}”?` });
    await expect(unpublish).toContainText("Everything is kept");
    await expectAccessible(page);
    await unpublish.getByRole("button", { name: "Unpublish", exact: true }).click();
    await expect(publication.getByRole("status")).toHaveText("Unpublished: readers no longer see it.");
    await expect(publication).toContainText("Off the public site (readers last saw version 1). First published");
    await expect(publication.locator(".publication-record li").first()).toContainText("Unpublished by Édouard Éditeur");

    const gone = await reader.goto(`/dossiers/${SLUG}`);
    expect(gone?.status()).toBe(404);
    await reader.context().close();

    // Everything is still there: verdicts, their history, and the correction rule.
    await openClaim(page, "siege");
    await expect(verdictRegion(page).locator(".verdict-current")).toContainText("Partly true");
    await expect(verdictRegion(page)).toContainText("This dossier has been published (it is now off the public site)");
    await expect(page.getByRole("region", { name: "Fact-check history" })).toContainText("Édouard Éditeur set the verdict");
  });
});

test("every desk page passes axe, for a journalist and for an editor", async ({ page, login, browser }) => {
  await login({ role: "journalist" });
  const editor = await otherSession(browser, "editor");
  for (const p of [page, editor]) {
    for (const path of ["/newsroom/desk", "/newsroom/desk?verdict=unchecked", "/newsroom/notifications", "/newsroom/notifications?unread=1", "/newsroom/dossiers/mistral-ai"]) {
      await p.goto(path);
      await expect(p.getByRole("main")).toBeVisible();
      await expectAccessible(p);
    }
  }
  await editor.context().close();
});
