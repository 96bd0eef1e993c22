// Word and rich text in (issue 16.4), as a journalist does it: start the article from a .docx
// (confirming before the text in the editor is replaced), paste formatted text from Google Docs,
// save; a file that is not a Word document is refused with a sentence and changes nothing.
import { makeDocx, SAMPLE_DOCX, SAMPLE_DOCX_MARKDOWN } from "../support/docx";
import { expect, expectAccessible, test } from "./fixtures";
import { fixtureCopy, importFolder } from "./support";

const SLUG = "depuis-word";

test.beforeAll(() => {
  try {
    importFolder(fixtureCopy("mini", SLUG, (data) => ({ ...data, title: "Depuis Word", status: "draft", publishedAt: undefined })));
  } catch (error) {
    if (!/: unchanged \(/.test(String(error))) throw error; // a worker restarted: already imported
  }
});

const GOOGLE_DOCS_CLIPBOARD =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:400">Une start-up </span>' +
  '<span style="font-weight:700">très</span><span style="font-weight:400"> </span><span style="font-style:italic;font-weight:400">discrète</span></p></b>';

test("a journalist starts the article from a Word file, pastes from Google Docs and saves", async ({ page, login }) => {
  await login({ role: "journalist" });
  await page.goto(`/newsroom/dossiers/${SLUG}/article`);
  const text = page.getByLabel("Article (Markdown)");
  const before = await text.inputValue();
  expect(before.length).toBeGreaterThan(0);

  await page.getByText("Start from a Word file").click();
  const file = page.getByLabel("Word file (.docx)");

  // Not a Word document: refused, the text untouched.
  await file.setInputFiles({ name: "notes.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from("plain text, not a document") });
  await page.getByRole("button", { name: "Convert" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not a Word document" }).or(page.getByText(/not a file type Dossier recognises/))).toBeVisible();
  await expect(text).toHaveValue(before);

  // A real .docx: the editor already holds text, so replacing it is confirmed first.
  await file.setInputFiles({ name: "enquete.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from(await makeDocx(SAMPLE_DOCX)) });
  await page.getByRole("button", { name: "Convert" }).click();
  await expect(page.getByText("Replace the text in the editor with “enquete.docx”?")).toBeVisible();
  await page.getByRole("button", { name: "Keep my text" }).click();
  await expect(text).toHaveValue(before);
  await page.getByRole("button", { name: "Convert" }).click();
  await page.getByRole("button", { name: "Replace the text" }).click();
  await expect(text).toHaveValue(SAMPLE_DOCX_MARKDOWN);
  await expect(page.getByRole("status").filter({ hasText: "“enquete.docx” converted" })).toBeVisible();
  await expect(page.getByText("Images were left out")).toBeVisible();
  // The preview renders it through the one Markdown pipeline.
  await expect(page.locator(".preview h1", { hasText: "Mistral AI, le pari discret" })).toBeVisible();
  await expectAccessible(page);

  // A paste from Google Docs arrives as HTML and goes in as Markdown, at the caret.
  await text.evaluate((el: HTMLTextAreaElement, html) => {
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "Une start-up très discrète");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, GOOGLE_DOCS_CLIPBOARD);
  await expect(text).toHaveValue(`${SAMPLE_DOCX_MARKDOWN}Une start-up **très** *discrète*`);
  await expect(page.getByRole("status").filter({ hasText: "Pasted with its formatting" })).toBeVisible();

  await page.getByLabel("Note for the history (optional)").fill("Depuis Word");
  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page.getByText("All changes saved.")).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByLabel("Article (Markdown)")).toHaveValue(`${SAMPLE_DOCX_MARKDOWN}Une start-up **très** *discrète*`);
});
