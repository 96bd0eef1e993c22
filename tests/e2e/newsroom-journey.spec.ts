// The journalist's journey through the newsroom: a new dossier, its article, claims made from
// selected passages, sources and evidence, a quote, an event with an uncertain date, an open
// question; then an edit that re-anchors one claim and orphans another, conflicts with a second
// browser session resolved by merging or overwriting, autosaved drafts, history, audit, deletion.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, otherSession, signIn, test } from "./fixtures";
import { fill, newsroomRoutes, sampleParams } from "./newsroom-routes";
import { importFolder, sampleCopy } from "./support";

const TITLE = `Harbour contract ${Date.now().toString(36)}`;
let base = "";

const ARTICLE = [
  "# The harbour contract",
  "",
  "The city council awarded the harbour contract to Nordmarine in March 2023.",
  "",
  "The company reportedly paid no tax in 2022, according to a former accountant.",
  "",
  "The mayor declined to comment.",
  "",
].join("\n");

/** Selects `text` in the article preview the way a mouse would (a DOM selection). */
async function selectInPreview(page: Page, text: string) {
  await page.locator(".preview").evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes: { node: Node; start: number }[] = [];
    let full = "";
    while (walker.nextNode()) {
      nodes.push({ node: walker.currentNode, start: full.length });
      full += walker.currentNode.nodeValue ?? "";
    }
    const start = full.indexOf(wanted);
    if (start < 0) throw new Error(`“${wanted}” is not in the preview`);
    const at = (offset: number): [Node, number] => {
      const hit = [...nodes].reverse().find((n) => n.start <= offset)!;
      return [hit.node, offset - hit.start];
    };
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(start + wanted.length));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
}

const main = (page: Page) => page.getByRole("main");
const editor = (page: Page) => page.getByLabel("Article (Markdown)");

test.describe.serial("a journalist builds a dossier", () => {
  test("creates a dossier, writes the article and makes claims from passages", async ({ page, login }) => {
    await login({ role: "journalist" });
    await page.getByRole("link", { name: "New dossier" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Create the dossier" }).click();
    await expect(page.getByLabel("Title (required)")).toHaveAccessibleDescription("Error: Title is required.");
    await expect(page).toHaveURL(/\/newsroom\/dossiers\/new$/);

    await page.getByLabel("Title (required)").fill(TITLE);
    await page.getByLabel("Summary").fill("Who won the harbour contract, and how.");
    await page.getByLabel("Language of the content (required)").selectOption("en");
    await page.getByRole("button", { name: "Create the dossier" }).click();
    await expect(page).toHaveURL(/\/newsroom\/dossiers\/harbour-contract-[a-z0-9]+\/article$/);
    base = new URL(page.url()).pathname.replace(/\/article$/, "");
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();

    await editor(page).fill(ARTICLE);
    await expect(page.locator(".preview")).toContainText("awarded the harbour contract to Nordmarine");
    await expect(page.getByText("Save the article first")).toBeVisible();
    await page.getByRole("button", { name: "Save article" }).click();
    await expect(main(page).getByRole("status").filter({ hasText: "Saved as revision 1." })).toBeVisible();

    // A claim from a passage selected with the mouse.
    await selectInPreview(page, "awarded the harbour contract to Nordmarine");
    const maker = page.getByRole("form", { name: "New claim" });
    await expect(maker.getByLabel("Passage (exact words from the article)")).toHaveValue("awarded the harbour contract to Nordmarine");
    await maker.getByLabel("The claim, stated plainly").fill("The council awarded the harbour contract to Nordmarine.");
    await maker.getByRole("button", { name: "Make a claim" }).click();
    await expect(page.getByText("Claim created: its passage is now highlighted.")).toBeVisible();
    await expect(page.locator(".preview mark.passage")).toHaveCount(1);

    // One from words typed instead of selected (keyboard users).
    await maker.getByLabel("Passage (exact words from the article)").fill("The mayor declined to comment.");
    await maker.getByLabel("The claim, stated plainly").fill("The mayor declined to comment.");
    await maker.getByRole("button", { name: "Make a claim" }).click();
    await expect(page.locator(".preview mark.passage")).toHaveCount(2);

    // A hedged one.
    await selectInPreview(page, "paid no tax in 2022");
    await maker.getByLabel("The claim, stated plainly").fill("Nordmarine paid no tax in 2022.");
    await maker.getByLabel(/hedges or attributes it/).check();
    await maker.getByRole("button", { name: "Make a claim" }).click();
    await expect(page.locator(".preview mark.passage")).toHaveCount(3);
    await expectAccessible(page);

    // Words that are not in the article are refused, next to the field.
    await maker.getByLabel("Passage (exact words from the article)").fill("words nobody wrote");
    await maker.getByLabel("The claim, stated plainly").fill("Invented");
    await maker.getByRole("button", { name: "Make a claim" }).click();
    await expect(maker.getByLabel("Passage (exact words from the article)")).toHaveAccessibleDescription(/not in the saved article/);

    await page.getByRole("link", { name: /^Claims/ }).click();
    const list = page.locator(".claim-table");
    await expect(list.locator("> li")).toHaveCount(3);
    await expect(list.locator("> li").nth(1)).toContainText("Nordmarine paid no tax in 2022.");
    await expect(list.locator("> li").nth(1)).toContainText("Hedged / attributed");
    await expect(list.locator("> li").first()).toContainText("Not yet checked");
    await expectAccessible(page);
  });

  test("adds a confidential source, evidence, a quote, an event with an uncertain date and an open question", async ({ page, login }) => {
    await login({ role: "journalist" });
    await page.goto(`${base}/sources`);
    const add = page.getByRole("form", { name: "Add a source" });
    await add.getByLabel("Kind of source (required)").selectOption("person");
    await add.getByLabel("Title (required)").fill("Former accountant of Nordmarine");
    await add.getByLabel(/Confidential source/).check();
    await add.getByLabel("Identity (newsroom only)").fill("Ana Example, chief accountant 2019–2022");
    await add.getByRole("button", { name: "Add the source" }).click();
    await expect(add.getByLabel("Public description")).toHaveAccessibleDescription(/needs a public description/);
    await expect(page.locator(".record-list")).toHaveCount(0);
    await add.getByLabel("Public description").fill("A former employee of the company");
    await add.getByRole("button", { name: "Add the source" }).click();
    await expect(page.getByText("Source added.")).toBeVisible();
    // Stored, but not shown back: a journalist knows a confidential source by its public description.
    await expect(page.locator(".record-list")).toContainText("A former employee of the company");
    await expect(page.locator(".record-list")).toContainText("Confidential");
    await expect(page.locator("body")).not.toContainText("Ana Example");
    await expect(page.locator("body")).not.toContainText("Former accountant of Nordmarine");
    await expectAccessible(page);

    await page.goto(`${base}/claims`);
    await page.getByRole("link", { name: "Nordmarine paid no tax in 2022." }).click();
    await expect(page.getByRole("region", { name: "Verdict" })).toContainText("Not yet checked");
    const evidence = page.getByRole("form", { name: "Add evidence" });
    await evidence.getByLabel("Source (required)").selectOption({ label: "A former employee of the company (confidential)" });
    await evidence.getByLabel("Stance (required)").selectOption("supports");
    await evidence.getByLabel("Excerpt").fill("We paid nothing that year.");
    await evidence.getByRole("button", { name: "Add the evidence" }).click();
    await expect(page.getByText("Evidence added.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Evidence (1)" })).toBeVisible();
    await expect(page.locator(".record-list")).toContainText("We paid nothing that year.");
    await expectAccessible(page);

    await page.goto(`${base}/entities`);
    const entity = page.getByRole("form", { name: "Add a person or organisation" });
    await entity.getByLabel("Name (required)").fill("Jo Mayor");
    await entity.getByLabel("Role or description").fill("Mayor since 2020");
    await entity.getByRole("button", { name: "Add" }).click();
    await expect(page.locator(".record-list")).toContainText("Jo Mayor");

    await page.goto(`${base}/quotes`);
    const quote = page.getByRole("form", { name: "Add a quote" });
    await quote.getByLabel("The quote, verbatim (required)").fill("We have nothing to add.");
    await quote.getByLabel("Language of the quote (required)").selectOption("en");
    await quote.getByLabel("Speaker", { exact: true }).selectOption({ label: "Jo Mayor" });
    await quote.getByLabel("Date").fill("2023-06~");
    await quote.getByRole("button", { name: "Add the quote" }).click();
    await expect(page.getByText("Quote added.")).toBeVisible();
    await expect(page.locator(".record-list")).toContainText("— Jo Mayor, circa June 2023");
    await expectAccessible(page);

    await page.goto(`${base}/timeline`);
    const event = page.getByRole("form", { name: "Add an event" });
    await event.getByLabel("What happened (required)").fill("Contract awarded");
    await event.getByLabel("Date (EDTF) (required)").fill("early March 2023");
    await event.getByLabel("The council awarded the harbour contract to Nordmarine.", { exact: false }).check();
    await event.getByRole("button", { name: "Add the event" }).click();
    await expect(event.getByLabel("Date (EDTF) (required)")).toHaveAccessibleDescription(/“early March 2023” is not a valid EDTF date\. Use an EDTF date: 2023-04-24/);
    await expect(page.locator("ol.timeline")).toHaveCount(0);
    await event.getByLabel("Date (EDTF) (required)").fill("2023-03~");
    await event.getByRole("button", { name: "Add the event" }).click();
    await expect(page.getByText("Event added.")).toBeVisible();
    await expect(page.locator("ol.timeline")).toContainText("circa March 2023 2023-03~");
    await expect(page.locator("ol.timeline")).toContainText("1 claim · 0 sources");
    await expectAccessible(page);

    await page.goto(`${base}/questions`);
    const question = page.getByRole("form", { name: "Add a question" });
    await question.getByLabel("The question (required)").fill("Who signed the contract for the council?");
    await question.getByLabel("Assigned to").selectOption({ label: "Jeanne Journaliste (journalist)" });
    await question.getByRole("button", { name: "Add the question" }).click();
    await expect(page.locator(".record-list")).toContainText("assigned to Jeanne Journaliste");
    await page.getByRole("link", { name: "Who signed the contract for the council?" }).click();
    const answer = page.getByRole("form", { name: "Edit the question" });
    await answer.getByLabel("Status (required)").selectOption("answered");
    await answer.getByRole("button", { name: "Save the question" }).click();
    await expect(answer.getByLabel("Answered by the claim")).toHaveAccessibleDescription(/choose the claim that answers it/);
    await answer.getByLabel("Answered by the claim").selectOption({ label: "1. The council awarded the harbour contract to Nordmarine." });
    await answer.getByLabel("Answer in a few words").fill("The council, by vote.");
    await answer.getByRole("button", { name: "Save the question" }).click();
    await expect(page.getByText("Question saved.")).toBeVisible();
    await page.goto(`${base}/questions`);
    await expect(page.locator(".record-list")).toContainText("Answered");
    await expectAccessible(page);
  });

  test("edits the article: one claim follows its passage, another loses it and is flagged, then re-attached", async ({ page, login }) => {
    await login({ role: "journalist" });
    await page.goto(`${base}/article`);
    const edited = ARTICLE.replace("# The harbour contract\n", "# The harbour contract\n\nA new opening paragraph moves everything down.\n").replace(
      "The mayor declined to comment.",
      "The mayor's office did not answer our questions.",
    );
    await editor(page).fill(edited);
    await expect(page.getByRole("note").filter({ hasText: "will lose its passage" })).toContainText("The mayor declined to comment.");
    await page.getByRole("button", { name: "Save article" }).click();
    const report = main(page).getByRole("status").filter({ hasText: "Saved as revision 2." });
    await expect(report).toContainText("Lost its passage (now orphaned): “The mayor declined to comment.”");
    await expect(report).toContainText("2 claims followed their passage.");
    await expect(page.locator(".preview mark.passage")).toHaveCount(2);

    await page.getByRole("link", { name: /^Claims/ }).click();
    await expect(page.getByRole("link", { name: /Claims \(3, 1 orphaned\)/ })).toBeVisible();
    const orphans = page.getByRole("region", { name: /1 claim lost its passage/ });
    await expect(orphans).toContainText("The mayor declined to comment.");
    await expect(page.locator(".claim-table > li")).toHaveCount(2);
    await expectAccessible(page);

    await orphans.getByRole("link", { name: "Re-attach to a passage" }).click();
    const reattach = page.getByRole("form", { name: "Re-attach the claim" });
    await selectInPreview(page, "did not answer our questions");
    await reattach.getByRole("button", { name: "Re-attach to this passage" }).click();
    await expect(page).toHaveURL(/\/claims\/[^/?]+$/);
    await expect(page.locator(".passage-quote")).toContainText("did not answer our questions");
    await page.goto(`${base}/claims`);
    await expect(page.getByRole("region", { name: /lost its passage/ })).toHaveCount(0);
  });

  test("a conflicting save from a second session is refused, shown side by side, and resolved", async ({ page, login, browser }) => {
    const other = await otherSession(browser, "editor");
    await other.goto(base);
    await login({ role: "journalist" });
    await page.goto(base);
    await expect(page.getByText("Also editing: Édouard Éditeur")).toBeVisible();

    // Details: the editor saves first; the journalist's save is refused, then merged field by field.
    const theirs = other.getByRole("form", { name: "Dossier details" });
    await theirs.getByLabel("Title (required)").fill(`${TITLE} (editor)`);
    await theirs.getByRole("button", { name: "Save details" }).click();
    await expect(other.getByText("Details saved.")).toBeVisible();

    const mine = page.getByRole("form", { name: "Dossier details" });
    await mine.getByLabel("Title (required)").fill(`${TITLE} (journalist)`);
    await mine.getByLabel("Summary").fill("Who won the contract, how, and who signed.");
    await mine.getByRole("button", { name: "Save details" }).click();
    const conflict = page.getByRole("alert", { name: "Someone saved a newer version" });
    await expect(conflict).toContainText("Saved by Édouard Éditeur");
    await expect(conflict.getByRole("row", { name: /Title/ })).toContainText(`${TITLE} (journalist)`);
    await expect(conflict.getByRole("row", { name: /Title/ })).toContainText(`${TITLE} (editor)`);
    await expect(conflict.getByRole("row", { name: /Summary/ })).toContainText("Only you changed it");
    await expectAccessible(page);
    await conflict.getByRole("radio", { name: "Use theirs" }).check();
    await conflict.getByRole("button", { name: "Merge into the form" }).click();
    await expect(mine.getByLabel("Title (required)")).toHaveValue(`${TITLE} (editor)`);
    await expect(mine.getByLabel("Summary")).toHaveValue("Who won the contract, how, and who signed.");
    await mine.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByText("Details saved.")).toBeVisible();
    await other.reload();
    await expect(other.getByRole("form", { name: "Dossier details" }).getByLabel("Summary")).toHaveValue("Who won the contract, how, and who signed.");

    // The article: both edit different paragraphs; the later save combines both versions.
    await other.goto(`${base}/article`);
    await page.goto(`${base}/article`);
    const theirText = (await editor(other).inputValue()).replace("A new opening paragraph moves everything down.", "An opening paragraph written by the editor.");
    await editor(other).fill(theirText);
    await other.getByRole("button", { name: "Save article" }).click();
    await expect(main(other).getByRole("status").filter({ hasText: "Saved as revision" })).toBeVisible();

    await editor(page).fill(`${await editor(page).inputValue()}\nA closing line by the journalist.\n`);
    await page.getByRole("button", { name: "Save article" }).click();
    const articleConflict = page.getByRole("alert", { name: "Someone saved a newer version of the article" });
    await expect(articleConflict).toContainText("An opening paragraph written by the editor.");
    await expect(articleConflict).toContainText("they can be combined");
    await articleConflict.getByRole("button", { name: "Combine both versions" }).click();
    await expect(editor(page)).toHaveValue(/An opening paragraph written by the editor\.[\s\S]*A closing line by the journalist\./);
    await page.getByRole("button", { name: "Save article" }).click();
    await expect(main(page).getByRole("status").filter({ hasText: "Saved as revision" })).toBeVisible();

    // A claim both changed: the journalist overwrites deliberately.
    await other.goto(`${base}/claims`);
    await other.getByRole("link", { name: "Nordmarine paid no tax in 2022." }).click();
    await expect(other).toHaveURL(/\/claims\/[^/]+$/);
    await page.goto(other.url());
    await other.getByLabel("The claim, stated plainly (required)").fill("Nordmarine reportedly paid no corporate tax in 2022.");
    await other.getByRole("button", { name: "Save the claim" }).click();
    await expect(other.getByText("Claim saved.")).toBeVisible();
    await page.getByLabel("The claim, stated plainly (required)").fill("Nordmarine paid no tax at all in 2022.");
    await page.getByRole("button", { name: "Save the claim" }).click();
    await page.getByRole("alert", { name: "Someone saved a newer version" }).getByRole("button", { name: "Overwrite with my version" }).click();
    await expect(page.getByText("Claim saved.")).toBeVisible();
    await other.reload();
    await expect(other.getByLabel("The claim, stated plainly (required)")).toHaveValue("Nordmarine paid no tax at all in 2022.");
    await other.context().close();
  });

  test("an unsaved article survives a closed tab, and can be discarded", async ({ page, login, context }) => {
    await login({ role: "journalist" });
    await page.goto(`${base}/article`);
    await editor(page).fill(`${await editor(page).inputValue()}\nA paragraph that was never saved.\n`);
    await expect(page.getByText(/Draft kept at/)).toBeVisible();
    await page.close();

    const again = await context.newPage();
    await again.goto(`${base}/article`);
    await expect(again.getByText(/Restored your unsaved draft from/)).toBeVisible();
    await expect(editor(again)).toHaveValue(/A paragraph that was never saved\./);
    await again.getByRole("button", { name: "Discard my draft" }).click();
    await expect(editor(again)).not.toHaveValue(/A paragraph that was never saved\./);
    await again.reload();
    await expect(again.getByText(/Restored your unsaved draft/)).toHaveCount(0);
  });

  test("compares two revisions and restores an old one as a new revision", async ({ page, login }) => {
    await login({ role: "journalist" });
    await page.goto(`${base}/history`);
    await page.getByLabel("From", { exact: true }).selectOption("1");
    await page.getByLabel("To", { exact: true }).selectOption("2");
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByRole("heading", { name: "Compare revision 1 with revision 2" })).toBeVisible();
    await expect(page.locator(".diff__row--removed")).toContainText(["The mayor declined to comment."]);
    await expect(page.locator(".diff__row--added").first()).toContainText("A new opening paragraph moves everything down.");
    await expectAccessible(page);

    const rows = page.locator("tbody tr");
    const count = await rows.count();
    await page.getByRole("button", { name: "Restore revision 1…" }).click();
    const dialog = page.getByRole("dialog", { name: "Restore revision 1?" });
    await expect(dialog).toContainText("saved as a new revision");
    await dialog.getByRole("button", { name: "Restore", exact: true }).click();
    await expect(page.getByText("Revision 1 restored as a new revision.")).toBeVisible();
    await expect(rows).toHaveCount(count + 1);
    await expect(rows.first()).toContainText("Restored revision 1");
  });

  test("deleting asks first, and explains a refusal", async ({ page, login }) => {
    await login({ role: "journalist" });
    await page.goto(`${base}/sources`);
    await page.getByRole("link", { name: "A former employee of the company" }).click();
    await page.getByRole("button", { name: "Delete this source…" }).click();
    const dialog = page.getByRole("dialog", { name: /Delete the source/ });
    await dialog.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(dialog.getByRole("alert")).toContainText("cited as evidence once");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await page.goto(`${base}/quotes`);
    await page.getByRole("link", { name: "“We have nothing to add.”" }).click();
    await page.getByRole("button", { name: "Delete this quote…" }).click();
    await page.getByRole("dialog", { name: "Delete this quote?" }).getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("form", { name: "Edit the quote" })).toBeVisible();
    await page.getByRole("button", { name: "Delete this quote…" }).click();
    await page.getByRole("dialog", { name: "Delete this quote?" }).getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${base}/quotes$`));
    await expect(page.getByText("No quote yet.")).toBeVisible();
  });

  test("an editor reads who changed what in the audit log", async ({ page, login }) => {
    await login({ role: "editor" });
    await page.goto(`${base}/audit`);
    const log = page.locator(".audit");
    // Each entry reads as a sentence (lib/domain/audit-actions.ts), not as its stored action name.
    await expect(log).toContainText("Claim’s passage no longer found in the article");
    await expect(log).toContainText("Article saved");
    await expect(log).toContainText("Jeanne Journaliste (journalist@example.com)");
    await expect(log).toContainText("Quote deleted");
    await expect(log).not.toContainText("quote.delete");
    await expect(page.locator("body")).not.toContainText("Ana Example");
    await expectAccessible(page);
  });

  test("the audit log speaks French to a French browser, the records' words in their own language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await signIn(page, "editor");
    await page.goto(`${base}/audit`);
    await expect(page.getByRole("heading", { level: 1, name: "Journal des modifications" })).toBeVisible();
    await expect(page.locator("[lang=fr]").filter({ has: page.locator(".audit") })).toHaveCount(1);
    const log = page.locator(".audit");
    await expect(log).toContainText("Citation supprimée");
    await expect(log).toContainText("Article enregistré");
    await expect(page.locator("body")).not.toContainText("Ana Example");
    await expectAccessible(page);
    await context.close();
  });
});

for (const role of ["journalist", "admin"] as const) {
  test(`every newsroom page of the sample dossier passes axe, for the ${role}`, async ({ page }) => {
    // Dozens of pages, each fully analysed by axe: generous, so a loaded CI machine does not fail it.
    test.setTimeout(240_000);
    const params = await sampleParams(page);
    if (role === "admin") {
      await page.context().clearCookies();
      await signIn(page, role);
    }
    for (const route of newsroomRoutes()) {
      await page.goto(fill(route, params));
      await expect(page.getByRole("main")).toBeVisible();
      await expectAccessible(page);
    }
  });
}

test("a change to a published dossier reaches readers once an editor publishes it, on their next visit", async ({ page, browser }) => {
  // Its own copy of the sample: the shipped one stays as it is for the other journeys.
  const slug = `summary-${Date.now().toString(36)}`;
  importFolder(sampleCopy(slug, `Mistral AI (résumé, ${slug})`));
  await signIn(page, "journalist");
  await page.goto(`/dossiers/${slug}`);
  const original = (await page.locator(".summary").textContent()) ?? "";
  const form = page.getByRole("form", { name: "Dossier details" });
  const changed = `Résumé modifié ${Date.now().toString(36)}`;
  await page.goto(`/newsroom/dossiers/${slug}`);
  await form.getByLabel("Summary").fill(changed);
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Details saved.")).toBeVisible();
  await page.goto(`/dossiers/${slug}`);
  await expect(page.locator(".summary")).toHaveText(original);

  // The journalist asks; an editor publishes the (minor) update; readers see it.
  await page.goto(`/newsroom/dossiers/${slug}`);
  await page.getByRole("button", { name: "Ask an editor to publish these changes…" }).click();
  const ask = page.getByRole("dialog", { name: "Ask for the update to be published?" });
  await ask.getByLabel("Message to the editors (optional)").fill("Le résumé est prêt.");
  await ask.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByText("Request sent: the editors are notified.")).toBeVisible();
  const editor = await otherSession(browser, "editor");
  await editor.goto("/newsroom/notifications");
  await expect(editor.getByRole("listitem").filter({ hasText: "Update requested" }).first()).toContainText("Le résumé est prêt.");
  await editor.goto(`/newsroom/dossiers/${slug}`);
  const publication = editor.getByRole("region", { name: "Publication" });
  await expect(publication).toContainText("the update can be minor");
  await publication.getByRole("button", { name: "Publish the update…", exact: true }).click();
  await editor.getByRole("dialog").getByRole("button", { name: "Publish the update", exact: true }).click();
  await expect(publication.getByRole("status")).toHaveText("Update published: readers see the new version now.");
  await page.goto(`/dossiers/${slug}`);
  await expect(page.locator(".summary")).toHaveText(changed);
  await editor.context().close();
});
