// Discussion on a claim (issue 12.4, "Done when"), in real Chromium: the demo journalist comments
// on a claim and mentions the editor by picking him from the list; the editor is notified, follows
// the notification to the comment, replies and resolves the thread, which collapses but stays
// readable. Axe-clean at each step.
import { expect, expectAccessible, otherSession, test } from "./fixtures";
import { DESK_CLAIMS, importDeskDossier, openClaim } from "./desk-support";

const SUFFIX = Date.now().toString(36);
const SLUG = `comments-${SUFFIX}`;
const BASE = `/newsroom/dossiers/${SLUG}`;
const QUESTION = `Le registre date-t-il bien le transfert de 2019 ? (${SUFFIX})`;
const REPLY = `Oui : l'extrait Kbis est joint à la preuve (${SUFFIX}).`;

test.describe.serial("discussing a claim", () => {
  test.beforeAll(() => {
    importDeskDossier(SLUG, `Discussion ${SUFFIX}`);
  });

  test("the journalist comments on a claim, mentioning the editor", async ({ page, login }) => {
    await login({ role: "journalist" });
    await openClaim(page, BASE, "siege");
    const discussion = page.getByRole("region", { name: /^Discussion/ });
    await expect(discussion).toContainText("No comment yet.");
    await expect(discussion).toContainText("never published");
    const form = discussion.getByRole("form", { name: "Comment on this claim" });
    const box = form.getByRole("textbox", { name: /Comment on this claim/ });
    await box.fill(`${QUESTION} `);
    await form.getByLabel("Mention a colleague").selectOption({ label: "Édouard Éditeur" });
    await form.getByRole("button", { name: "Insert the mention" }).click();
    await expect(box).toHaveValue(`${QUESTION} @Édouard Éditeur `);
    await box.press("End");
    await box.pressSequentially("peux-tu confirmer ?");
    await expectAccessible(page);
    await form.getByRole("button", { name: "Post the comment" }).click();

    const thread = discussion.getByRole("article", { name: "Thread started by Jeanne Journaliste" });
    await expect(thread).toContainText(`${QUESTION} @Édouard Éditeur peux-tu confirmer ?`);
    await expect(page.getByRole("heading", { name: "Discussion (1 open thread)" })).toBeVisible();
    // Beside the fact-check history.
    await expect(page.getByRole("region", { name: "Fact-check history" })).toBeVisible();
    await expectAccessible(page);
  });

  test("the editor is notified, follows the notification to the comment, replies and resolves", async ({ page, login, browser }) => {
    await login({ role: "editor" });
    await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: /Notifications/ }).click();
    const item = page.getByRole("listitem").filter({ hasText: `Discussion ${SUFFIX}` });
    await expect(item).toContainText("Mentioned in a discussion");
    await expect(item).toContainText(`Jeanne Journaliste mentioned you in a comment on the claim “${DESK_CLAIMS.siege}”`);
    await expectAccessible(page);
    await item.getByRole("link", { name: "Open the comment" }).click();
    await expect(page).toHaveURL(new RegExp(`${BASE}/claims/[^/#]+#comment-[^/]+$`));
    const commentId = decodeURIComponent(new URL(page.url()).hash.slice("#comment-".length));
    await expect(page.locator(`[id="comment-${commentId}"]`)).toContainText(QUESTION);

    const discussion = page.getByRole("region", { name: /^Discussion/ });
    const thread = discussion.getByRole("article", { name: "Thread started by Jeanne Journaliste" });
    await thread.getByText("Reply", { exact: true }).click();
    const reply = thread.getByRole("form", { name: "Reply to thread started by jeanne journaliste" });
    await reply.getByRole("textbox", { name: /Your reply/ }).fill(REPLY);
    await reply.getByRole("button", { name: "Post the reply" }).click();
    await expect(thread.getByRole("listitem").filter({ hasText: REPLY })).toContainText("Édouard Éditeur");
    await expectAccessible(page);

    await thread.getByRole("button", { name: "Resolve the thread" }).click();
    await expect(page.getByRole("heading", { name: "Discussion (0 open threads)" })).toBeVisible();
    // The address still points at the comment, so its thread stays open here…
    const resolved = discussion.locator("details.thread--resolved").filter({ hasText: "Resolved by Édouard Éditeur" });
    await expect(resolved.getByText(REPLY)).toBeVisible();
    // …and is collapsed, still readable, on the claim's page itself.
    const claimPage = page.url().split("#")[0]!;
    await page.goto(claimPage);
    await expect(resolved).toBeVisible();
    await expect(resolved.getByText(REPLY)).toBeHidden();
    await resolved.locator("summary").click();
    await expect(resolved.getByText(REPLY)).toBeVisible();
    await expect(resolved.getByRole("button", { name: "Reopen the thread" })).toBeVisible();
    await expectAccessible(page);

    // The journalist sees the resolved thread too, and was not notified of her own mention.
    const journalist = await otherSession(browser, "journalist");
    await journalist.goto(claimPage);
    await expect(journalist.getByRole("region", { name: /^Discussion/ }).locator("details.thread--resolved")).toContainText("Resolved by Édouard Éditeur");
    await journalist.goto("/newsroom/notifications");
    await expect(journalist.getByRole("main")).not.toContainText(`Discussion ${SUFFIX}`);
    await journalist.context().close();
  });
});
