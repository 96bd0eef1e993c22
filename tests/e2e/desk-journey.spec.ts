// The fact-check desk's journey (issue 5, "Done when"), in real Chromium: the demo journalist
// proposes a verdict with evidence; the demo editor rejects it once with a reason (the journalist
// is told why), then accepts the revised proposal; the author of a claim cannot verify it (another
// editor can); publishing is blocked until the last claim is reviewed, then succeeds and readers
// see the dossier; a verdict change after publication demands a correction note that readers then
// see on the claim's page and in the corrections log (on their next request: the page they had
// just been served from the cache showed the old verdict).
import type { Page } from "@playwright/test";
import { expect, expectAccessible, otherSession, test } from "./fixtures";
import { DESK_CLAIMS as CLAIMS, importDeskDossier, openClaim as openClaimAt, readerPage, verdictRegion, type DeskClaimKey } from "./desk-support";

const SUFFIX = Date.now().toString(36);
const SLUG = `desk-${SUFFIX}`;
const TITLE = `Le bureau des vérifications ${SUFFIX}`;
const BASE = `/newsroom/dossiers/${SLUG}`;

const REJECTION = "Le registre ne date que le transfert du siège : joins aussi le communiqué.";
const CORRECTION = "Correction : le siège a été transféré à Nantes en février 2019, mais l'usine y est depuis 2020.";

const openClaim = (page: Page, key: DeskClaimKey) => openClaimAt(page, BASE, key);

test.describe.serial("the fact-check desk", () => {
  const permalink = { siege: "" };

  test.beforeAll(() => {
    importDeskDossier(SLUG, TITLE);
  });

  test("the journalist finds the dossier's claims at the desk and proposes a verdict, with evidence", async ({ page, login }) => {
    await login({ role: "journalist" });
    await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Fact-check desk" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Fact-check desk" })).toBeVisible();
    const progress = page.getByRole("region", { name: "Verification progress" }).getByRole("listitem").filter({ hasText: TITLE });
    await expect(progress).toContainText("1 of 4 claims reviewed");
    await expect(progress).toContainText("3 claims blocking publication");

    const filters = page.getByRole("form", { name: "Filter the claims" });
    await filters.getByLabel("Dossier").selectOption({ label: TITLE });
    await filters.getByLabel("Verdict").selectOption({ label: "Not yet checked" });
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/verdict=unchecked/);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(4); // the header and three claims not yet checked
    await expect(page.getByRole("table")).not.toContainText(CLAIMS.produit);
    await expectAccessible(page);

    await page.getByRole("link", { name: CLAIMS.siege }).click();
    const region = verdictRegion(page);
    await expect(region).toContainText("Not yet checked");
    const propose = page.getByRole("form", { name: "Propose a verdict" });
    await propose.getByRole("radio", { name: "Verified" }).check();
    await propose.getByLabel("Rationale (required)").fill("Le registre du commerce confirme le siège à Nantes depuis 2019.");
    await propose.getByRole("button", { name: "Propose" }).click();
    // Refused next to the evidence: a "verified" proposal must rest on evidence.
    await expect(propose.getByRole("group", { name: "Evidence the verdict rests on" })).toHaveAccessibleDescription(/"Verified" needs at least one evidence link/);
    await expect(region.getByRole("group", { name: "Pending proposal" })).toHaveCount(0);
    await expectAccessible(page);

    await propose.getByRole("checkbox", { name: /Registre du commerce de Nantes/ }).check();
    await propose.getByRole("button", { name: "Propose" }).click();
    await expect(region.getByRole("status").filter({ hasText: "Proposal sent" })).toHaveText("Proposal sent: an editor will accept or reject it.");
    const pending = region.getByRole("group", { name: "Pending proposal" });
    await expect(pending).toContainText("Jeanne Journaliste proposes");
    await expect(pending).toContainText("Verified");
    await expect(pending).toContainText("Registre du commerce de Nantes");
    await expect(region).toContainText("Proposal pending");
    await expectAccessible(page);
  });

  test("the editor rejects it with a reason, and the journalist is told why", async ({ page, login, browser }) => {
    await login({ role: "editor" });
    await page.goto("/newsroom/desk?reviewState=proposed");
    await expect(page.getByRole("table")).toContainText("Jeanne Journaliste proposes");
    await page.getByRole("link", { name: CLAIMS.siege }).click();
    const pending = verdictRegion(page).getByRole("group", { name: "Pending proposal" });
    await expect(pending).toContainText("Jeanne Journaliste proposes");
    await expectAccessible(page);

    const reject = page.getByRole("form", { name: "Reject the proposal" });
    await reject.getByRole("button", { name: "Reject the proposal" }).click();
    await expect(reject.getByLabel(/Why you reject it/)).toHaveAccessibleDescription(/The reason is required/);
    await expect(pending).toBeVisible();
    await reject.getByLabel(/Why you reject it/).fill(REJECTION);
    await reject.getByRole("button", { name: "Reject the proposal" }).click();
    await expect(verdictRegion(page).getByRole("group", { name: "Pending proposal" })).toHaveCount(0);
    await expect(verdictRegion(page)).toContainText("Not yet checked");
    const history = page.getByRole("region", { name: "Fact-check history" });
    await expect(history).toContainText("Édouard Éditeur rejected Jeanne Journaliste's proposal");
    await expect(history).toContainText(REJECTION);

    const journalist = await otherSession(browser, "journalist");
    const notifications = journalist.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: /Notifications/ });
    await expect(notifications).toHaveAccessibleName("Notifications 1 unread");
    await notifications.click();
    const item = journalist.getByRole("listitem").filter({ hasText: "Proposal rejected" });
    await expect(item).toContainText("Édouard Éditeur rejected your proposal");
    await expect(item).toContainText(`Reason: ${REJECTION}`);
    await expectAccessible(journalist);
    await item.getByRole("button", { name: "Mark as read" }).click();
    await expect(journalist.getByText("Nothing unread.")).toBeVisible();
    await expect(notifications).toHaveAccessibleName("Notifications");
    await item.getByRole("link", { name: "Open the claim" }).click();
    await expect(journalist).toHaveURL(new RegExp(`${BASE}/claims/[^/#]+#verdict$`));
    await expect(journalist.getByRole("region", { name: "Fact-check history" })).toContainText(REJECTION);
    await journalist.context().close();
  });

  test("the journalist proposes again, and the editor accepts", async ({ page, login, browser }) => {
    await login({ role: "journalist" });
    await openClaim(page, "siege");
    const propose = page.getByRole("form", { name: "Propose a verdict" });
    await propose.getByRole("radio", { name: "Verified" }).check();
    await propose.getByLabel("Rationale (required)").fill("Le registre et le communiqué de lancement concordent : siège à Nantes depuis 2019.");
    await propose.getByRole("checkbox", { name: /Registre du commerce de Nantes/ }).check();
    await propose.getByRole("checkbox", { name: /Communiqué de lancement/ }).check();
    await propose.getByRole("button", { name: "Propose" }).click();
    await expect(verdictRegion(page).getByRole("group", { name: "Pending proposal" })).toContainText("Communiqué de lancement");
    permalink.siege = new URL(page.url()).pathname.split("/").pop()!;

    const editor = await otherSession(browser, "editor");
    await openClaim(editor, "siege");
    await editor.getByRole("form", { name: "Accept the proposal" }).getByRole("button", { name: "Accept: mark it Verified" }).click();
    const region = verdictRegion(editor);
    await expect(region.getByRole("group", { name: "Pending proposal" })).toHaveCount(0);
    await expect(region.locator(".verdict-current")).toContainText("Verified");
    await expect(region.locator(".verdict-current")).toContainText("decided by Édouard Éditeur");
    // The accept form is gone with the proposal: the change is announced instead.
    await expect(region.getByRole("status").filter({ hasText: "Verdict: Verified. Reviewed." })).toHaveCount(1);
    await expect(editor.getByRole("region", { name: "Fact-check history" })).toContainText("Édouard Éditeur accepted Jeanne Journaliste's proposal");
    await editor.context().close();

    await page.goto("/newsroom/notifications");
    await expect(page.getByRole("listitem").filter({ hasText: "Proposal accepted" })).toContainText("Édouard Éditeur accepted your proposal");
  });

  test("the author of a claim cannot mark it verified; another editor can", async ({ page, login, browser }) => {
    await login({ role: "editor" });
    await openClaim(page, "chiffre");
    const set = page.getByRole("form", { name: "Set the verdict" });
    const verdicts = set.getByRole("radiogroup", { name: "Verdict" });
    // Said before trying, next to the verdicts concerned…
    await expect(verdicts.getByRole("radio", { name: "Verified" })).toHaveAccessibleDescription(/You wrote this claim: another editor must give this verdict/);
    await verdicts.getByRole("radio", { name: "Verified" }).check();
    await set.getByLabel("Rationale (required)").fill("Les comptes 2023 déposés au registre donnent 12,1 M€.");
    await set.getByRole("checkbox", { name: /Registre du commerce de Nantes/ }).check();
    await set.getByRole("button", { name: "Set the verdict" }).click();
    // …and refused by the rules, next to the verdict chosen.
    await expect(verdicts).toHaveAccessibleDescription(/You wrote this claim, so you cannot mark it "Verified": another editor must \(four eyes\)\./);
    await expect(verdictRegion(page).locator(".verdict-current")).toContainText("Not yet checked");
    await expectAccessible(page);

    const admin = await otherSession(browser, "admin");
    await openClaim(admin, "chiffre");
    const adminSet = admin.getByRole("form", { name: "Set the verdict" });
    await adminSet.getByRole("radio", { name: "Verified" }).check();
    await adminSet.getByLabel("Rationale (required)").fill("Les comptes 2023 déposés au registre donnent 12,1 M€.");
    await adminSet.getByRole("checkbox", { name: /Registre du commerce de Nantes/ }).check();
    await adminSet.getByRole("button", { name: "Set the verdict" }).click();
    await expect(verdictRegion(admin).locator(".verdict-current")).toContainText("Verified");
    await expect(verdictRegion(admin).locator(".verdict-current")).toContainText("decided by Ada Admin");
    await admin.context().close();
  });

  test("publishing is blocked until the last claim is reviewed, then succeeds and readers see the dossier", async ({ page, login, browser }) => {
    const reader = await readerPage(browser);
    const draft = await reader.goto(`/dossiers/${SLUG}`);
    expect(draft?.status()).toBe(404);

    await login({ role: "editor" });
    await page.goto(BASE);
    const publication = page.getByRole("region", { name: "Publication" });
    await expect(publication).toContainText("1 claim blocks publication");
    const blocking = publication.locator(".blocking__list li");
    await expect(blocking).toHaveCount(1);
    await expect(blocking).toContainText(CLAIMS.licenciements);
    await expect(blocking).toContainText("not yet checked");
    await expect(publication.getByRole("button", { name: "Publish…" })).toHaveCount(0);
    await expectAccessible(page);

    // The override needs a written reason; without one, nothing is published.
    await publication.getByRole("button", { name: "Publish anyway…" }).click();
    const dialog = page.getByRole("dialog", { name: "Publish despite 1 blocking claim?" });
    await expect(dialog).toContainText(CLAIMS.licenciements);
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Publish anyway" }).click();
    await expect(dialog.getByLabel("Why publish now (recorded) (required)")).toHaveAccessibleDescription(/Write why you publish despite the blocking claims/);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.locator(".dossier__head")).toContainText("Draft");

    // Reviewing the last claim opens the gate.
    await blocking.getByRole("link", { name: CLAIMS.licenciements }).click();
    const set = page.getByRole("form", { name: "Set the verdict" });
    await set.getByRole("radio", { name: "Unverifiable" }).check();
    await set.getByLabel("Rationale (required)").fill("Une seule source, anonyme ; l'entreprise ne confirme pas.");
    await set.getByRole("button", { name: "Set the verdict" }).click();
    await expect(verdictRegion(page).locator(".verdict-current")).toContainText("Unverifiable");

    await page.goto(BASE);
    await expect(publication).toContainText("All 4 claims are checked, with no pending proposal. Ready to publish.");
    await publication.getByRole("button", { name: "Publish…" }).click();
    const confirm = page.getByRole("dialog", { name: `Publish “${TITLE}”?` });
    await expect(confirm).toContainText(`/dossiers/${SLUG}`);
    await confirm.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(publication.getByRole("status")).toHaveText("Published: readers see it now.");
    await expect(publication).toContainText(`Readers see version 1`);
    await expect(publication).toContainText(`/dossiers/${SLUG}`);
    await expect(publication.getByRole("list").filter({ hasText: "Published version 1 by Édouard Éditeur" })).toBeVisible();

    await reader.goto("/");
    await expect(reader.getByRole("link", { name: TITLE })).toBeVisible();
    await reader.goto(`/dossiers/${SLUG}`);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    await reader.context().close();
  });

  test("a verdict change after publication demands a correction note, which readers then see, dated", async ({ page, login, browser }) => {
    const reader = await readerPage(browser);
    const claimPage = `/dossiers/${SLUG}/claims/${permalink.siege}`;
    await reader.goto(claimPage);
    await expect(reader.locator('.claim-verdict [data-verdict="verified"]')).toBeVisible();
    // Served again from the cache: still the same verdict.
    await reader.reload();
    await expect(reader.locator('.claim-verdict [data-verdict="verified"]')).toBeVisible();

    await login({ role: "editor" });
    await openClaim(page, "siege");
    await expect(verdictRegion(page)).toContainText("This dossier is published: every verdict decision on its claims needs a correction note");
    await verdictRegion(page).getByText("Change the verdict").click();
    const set = page.getByRole("form", { name: "Set the verdict" });
    await set.getByRole("radio", { name: "Partly true" }).check();
    await set.getByLabel("Rationale (required)").fill("Le siège est à Nantes depuis 2019, mais l'activité n'y a commencé qu'en 2020.");
    await set.getByRole("checkbox", { name: /Registre du commerce de Nantes/ }).check();
    await set.getByRole("button", { name: "Set the verdict" }).click();
    const note = set.getByLabel("Correction note (readers see it) (required)");
    await expect(note).toHaveAccessibleDescription(/This dossier has been published: write a correction note/);
    await expect(verdictRegion(page).locator(".verdict-current")).toContainText("Verified");
    await expectAccessible(page);

    await note.fill(CORRECTION);
    await set.getByRole("button", { name: "Set the verdict" }).click();
    await expect(verdictRegion(page).locator(".verdict-current")).toContainText("Partly true");
    await expect(page.getByRole("region", { name: "Fact-check history" })).toContainText(CORRECTION);

    // Readers keep the published version until the editor publishes the update, with a note.
    await reader.goto(claimPage);
    await expect(reader.locator('.claim-verdict [data-verdict="verified"]')).toBeVisible();
    await page.goto(BASE);
    const publication = page.getByRole("region", { name: "Publication" });
    await publication.getByRole("button", { name: "Publish the update…", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Publish the changes to “${TITLE}”?` });
    await dialog.getByLabel(/^Note for readers/).fill("Verdict du siège corrigé.");
    await dialog.getByRole("button", { name: "Publish the update", exact: true }).click();
    await expect(publication.getByRole("status")).toHaveText("Update published: readers see the new version now.");

    // The reader's next request shows the new verdict and the correction, dated.
    await reader.goto(claimPage);
    await expect(reader.locator('.claim-verdict [data-verdict="partly-true"]')).toBeVisible();
    const correction = reader.locator("#history .history__entry--correction");
    await expect(correction).toContainText("Correction : le siège a été transféré à Nantes en février 2019");
    await expect(correction.locator("time")).toHaveCount(1);
    await reader.goto(`/dossiers/${SLUG}`);
    const log = reader.locator("#corrections");
    await expect(log).toContainText("Correction : le siège a été transféré à Nantes en février 2019");
    await expect(log.locator("time")).toHaveCount(1);
    await reader.context().close();
  });
});

test("the sample's open question on the release date is answered by the claim the 27 September 2023 release overtook, both shown to readers", async ({ browser }) => {
  const reader = await readerPage(browser);
  await reader.goto("/dossiers/mistral-ai");
  const answered = reader.locator("#questions .question-list--answered li").filter({ hasText: "Quand les premiers modèles de Mistral AI seront-ils publiés" });
  await expect(answered).toContainText("Le 27 septembre 2023, avec Mistral 7B");
  // The question leads to the claim that answers it, on the same page…
  await answered.getByRole("link").click();
  const hash = new URL(reader.url()).hash;
  expect(hash).toMatch(/^#claim-/);
  const claim = reader.locator(hash);
  await expect(claim).toContainText("communiquer à nouveau début 2024");
  await expect(claim).toHaveAttribute("data-verdict", "outdated");
  // …and the claim's own page names the question it answers.
  await claim.locator('a[href*="/claims/"]').first().click();
  await expect(reader.getByRole("heading", { level: 1 })).toContainText("communiquer à nouveau début 2024");
  await expect(reader.locator(".claim-verdict [data-verdict]")).toHaveAttribute("data-verdict", "outdated");
  await expect(reader.locator("main")).toContainText("Quand les premiers modèles de Mistral AI seront-ils publiés");
  await reader.context().close();
});
