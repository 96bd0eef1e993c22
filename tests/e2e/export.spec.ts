// Issue 16, item 1, as the newsroom sees it: a journalist downloads the sample's export (no
// confidential identity in it, and it says so); an editor may add the confidential identities,
// and the download is then marked CONFIDENTIAL. Anonymous callers get nothing.
import JSZip from "jszip";
import fs from "node:fs";
import { expect, expectAccessible, test } from "./fixtures";

const IDENTITY = "Identité consignée dans le carnet de la rédaction";

async function download(page: import("@playwright/test").Page) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the export (.zip)" }).click()]);
  const zip = await JSZip.loadAsync(fs.readFileSync(await file.path()));
  return { name: file.suggestedFilename(), zip, yaml: await zip.file("mistral-ai/dossier.yaml")!.async("string") };
}

test("a journalist exports the sample: the whole dossier, without confidential identities", async ({ page, login }) => {
  await login({ role: "journalist" });
  await page.goto("/newsroom/dossiers/mistral-ai");
  const section = page.getByRole("region", { name: "Export" });
  await expect(section).toContainText("Confidential sources are exported by their public description only.");
  await expect(section.getByLabel(/Include confidential sources/)).toHaveCount(0);
  await expectAccessible(page);
  const { name, zip, yaml } = await download(page);
  expect(name).toMatch(/^mistral-ai-export-\d{4}-\d{2}-\d{2}\.zip$/);
  expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(["mistral-ai/dossier.yaml", "mistral-ai/article.md", "mistral-ai/record.json", "mistral-ai/versions/1.json"]));
  expect(yaml).toContain("containsConfidential: false");
  expect(yaml).toContain("slug: mistral-ai");
  for (const f of Object.values(zip.files)) if (!f.dir) expect(await f.async("string"), f.name).not.toContain(IDENTITY);
});

test("an editor may include confidential identities: the download is marked CONFIDENTIAL", async ({ page, login }) => {
  await login({ role: "editor" });
  await page.goto("/newsroom/dossiers/mistral-ai");
  await page.getByLabel(/Include confidential sources/).check();
  const { name, yaml } = await download(page);
  expect(name).toMatch(/-CONFIDENTIAL\.zip$/);
  expect(yaml).toContain("CONTAINS CONFIDENTIAL");
  expect(yaml).toContain(IDENTITY);
});

test("anonymous callers cannot export", async ({ request }) => {
  const response = await request.get("/api/newsroom/dossiers/anything/export");
  expect(response.status()).toBe(401);
});
