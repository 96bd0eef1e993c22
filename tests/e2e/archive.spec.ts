// The record (issue 15), as a newsroom uses it: a journalist archives a web source (from a page
// this spec serves on 127.0.0.1, which the e2e server is allowed to reach) and uploads a PDF, links
// excerpts from both; the editor sees "found in the capture" and chooses the archived copy readers
// see; a reader opens it, served by Dossier with its date and SHA-256.
import { DESK_CLAIMS, readerPage } from "./desk-support";
import { expect, expectAccessible, otherSession, test } from "./fixtures";
import { fixtureCopy, importFolder } from "./support";
import { makePdf, startFixtureServer, type FixtureServer } from "../support/fixture-site";

let site: FixtureServer;
test.beforeAll(async () => {
  site = await startFixtureServer();
});
test.afterAll(async () => {
  await site.close();
});

const SLUG = `archive-${Date.now().toString(36)}`;
const TITLE = "Le dossier archivé";
const EXCERPT = "Nordmarine paid no tax in 2022, according to its filed accounts";
const PDF_EXCERPT = "Tax paid in 2022: none.";
const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

test("a journalist archives a source and uploads a PDF; the editor sees the excerpts found; readers open the archived copy", async ({ page, login, browser }) => {
  test.setTimeout(240_000);
  // A published dossier (the desk fixture), so readers can see the result.
  // Published through the gate: every claim has a verdict (the claims still open get one).
  // The fixture's authors are integration-test members, not this server's: an unknown author is an
  // import error (issue 12), so the claims come without one.
  const checked = (claims: Record<string, unknown>[]) =>
    claims.map(({ author: _author, ...c }) => (c.verdicts ? c : { ...c, verdicts: [{ status: "unverifiable", rationale: "Aucune source accessible à ce jour.", decidedAt: "2024-04-30" }] }));
  importFolder(fixtureCopy("desk", SLUG, (data) => ({ ...data, title: TITLE, status: "published", publishedAt: "2024-05-10", claims: checked(data.claims as Record<string, unknown>[]) })));
  const base = `/newsroom/dossiers/${SLUG}`;

  await login({ role: "journalist" });
  await page.goto(`${base}/sources`);
  const form = page.getByRole("form", { name: "Add a source" });
  await form.getByLabel("Kind of source").selectOption("web-page");
  await form.getByLabel("Title").fill("Harbour Gazette");
  await form.getByLabel("Web address").fill(site.url("/redirect"));
  await form.getByRole("button", { name: "Add the source" }).click();
  await expect(page.getByText("Source added.")).toBeVisible();
  await page.getByRole("link", { name: "Harbour Gazette" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Harbour Gazette" })).toBeVisible();

  // Archive now: the capture runs in the background, with its progress shown, then appears.
  const record = page.getByRole("region", { name: "Archived record" });
  await expect(record.getByText("Not captured yet.")).toBeVisible();
  await record.getByRole("button", { name: "Archive now" }).click();
  const capture = record.getByRole("link", { name: /^Capture of / });
  await expect(capture).toBeVisible({ timeout: 90_000 });
  await expect(record).toContainText(`redirected to ${site.url("/page")}`);
  await expect(record).toContainText(/SHA-256 [0-9a-f]{16}…/);
  await expectAccessible(page);

  // Upload a PDF to the same source; an HTML file named .pdf is refused by its content.
  const upload = page.getByRole("form", { name: "Upload a document" });
  await upload.getByLabel("File").setInputFiles({ name: "fake.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await upload.getByRole("button", { name: "Upload the document" }).click();
  await expect(upload.getByRole("alert")).toContainText("By its content, this file is not a file type Dossier recognises");
  await upload
    .getByLabel("File")
    .setInputFiles({ name: "accounts-2022.pdf", mimeType: "application/pdf", buffer: makePdf([["Nordmarine AS", "Annual accounts 2022"], [PDF_EXCERPT, "Approved by the board."]]) });
  await upload.getByRole("button", { name: "Upload the document" }).click();
  await expect(upload.getByRole("status")).toHaveText("“accounts-2022.pdf” uploaded.");
  await expect(record.getByRole("link", { name: "accounts-2022.pdf" })).toBeVisible();

  // The capture's own page: the record, the screenshot when a browser is there, the text.
  await capture.click();
  await expect(page.getByRole("heading", { level: 1, name: /^Capture of / })).toBeVisible();
  await expect(page.getByText("This is the first capture of this source.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Readable text" })).toContainText(EXCERPT);
  await expectAccessible(page);
  await page.goBack();
  await record.getByRole("link", { name: "accounts-2022.pdf" }).click();
  await expect(page.getByRole("region", { name: "Page 2" })).toContainText(PDF_EXCERPT);
  await expectAccessible(page);

  // Link excerpts from both to a claim.
  await page.goto(`${base}/claims`);
  await page.getByRole("link", { name: DESK_CLAIMS.chiffre, exact: true }).click();
  const add = page.getByRole("form", { name: "Add evidence" });
  for (const [stance, excerpt] of [
    ["context", EXCERPT],
    ["contradicts", "Nordmarine paid 3 million euros in tax"],
    ["supports", PDF_EXCERPT],
  ] as const) {
    await add.getByLabel("Source").selectOption({ label: "Harbour Gazette" });
    await add.getByLabel("Stance").selectOption(stance);
    await add.getByLabel("Excerpt").fill(excerpt);
    await add.getByRole("button", { name: "Add the evidence" }).click();
    await expect(page.getByText("Evidence added.")).toBeVisible();
    await expect(page.getByRole("region", { name: /^Evidence/ }).getByRole("blockquote").filter({ hasText: excerpt })).toBeVisible();
  }
  const claimUrl = page.url();

  // The editor sees at once which excerpt is in the record.
  const editor = await otherSession(browser, "editor");
  await editor.goto(claimUrl);
  const evidence = editor.getByRole("region", { name: /^Evidence/ });
  await expect(evidence.getByText(`Found in the capture of ${today}`)).toBeVisible();
  await expect(evidence.getByText(/Not found.*The excerpt is not in any of the 2 archived records of this source/)).toBeVisible();
  await expect(evidence.getByText(`Found in “accounts-2022.pdf”, page 2 (uploaded ${today})`)).toBeVisible();
  await expectAccessible(editor);

  // The editor chooses the capture as the copy readers see.
  await editor.goto(`${base}/sources`);
  await editor.getByRole("link", { name: "Harbour Gazette" }).click();
  const editorRecord = editor.getByRole("region", { name: "Archived record" });
  await editorRecord.getByRole("button", { name: "Show to readers" }).first().click();
  const dialog = editor.getByRole("dialog", { name: "Show this capture to readers?" });
  await dialog.getByRole("button", { name: "Show it to readers" }).click();
  await expect(editorRecord.getByText("Shown to readers")).toBeVisible();
  // The source was added since the publication: readers get it, and its copy, with the update.
  await editor.goto(base);
  const publication = editor.getByRole("region", { name: "Publication" });
  await publication.getByRole("button", { name: "Publish the update…", exact: true }).click();
  const publishDialog = editor.getByRole("dialog", { name: `Publish the changes to “${TITLE}”?` });
  await publishDialog.getByLabel(/^Note for readers/).fill("Ajout de la Harbour Gazette et de sa copie archivée.");
  await publishDialog.getByRole("button", { name: "Publish the update", exact: true }).click();
  await expect(publication.getByRole("status")).toHaveText("Update published: readers see the new version now.");

  // A reader opens the archived copy next to the live link.
  const reader = await readerPage(browser);
  await reader.goto(`/dossiers/${SLUG}?lang=en`);
  const sources = reader.getByRole("region", { name: "Sources" });
  const copyLink = sources.getByRole("link", { name: `archived copy of ${today}` });
  await expect(copyLink).toBeVisible();
  await expect(sources.getByRole("link", { name: "Harbour Gazette" })).toHaveAttribute("href", site.url("/redirect"));
  await copyLink.click();
  await expect(reader.getByRole("heading", { level: 1, name: /Archived copy/ })).toBeVisible();
  await expect(reader.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
  await expect(reader.getByRole("region", { name: "Text of the page" })).toContainText(EXCERPT);
  await expect(reader.getByRole("link", { name: "Open the live page" })).toHaveAttribute("href", site.url("/page"));
  await expectAccessible(reader);
  // The WARC is served as a download, never as a page on Dossier's origin.
  const warc = await reader.request.get(await reader.getByRole("link", { name: "Download the capture (WARC file)" }).getAttribute("href").then((h) => h!));
  expect(warc.status()).toBe(200);
  expect(warc.headers()["content-type"]).toBe("application/warc");
  expect(warc.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(warc.headers()["x-content-type-options"]).toBe("nosniff");
  expect(warc.headers()["content-security-policy"]).toContain("sandbox");
  expect((await warc.body()).subarray(0, 8).toString()).toBe("WARC/1.1");
  // The PDF was not chosen for readers: it is not offered.
  await reader.goBack();
  await expect(sources.getByText("accounts-2022.pdf")).toHaveCount(0);
});
