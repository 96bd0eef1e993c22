// Issue 10, item 2: `npm run import` next to the running site. While the real CLI imports a
// 2,000-claim dossier into the server's database, a browser keeps working in the newsroom: it saves
// a claim, autosaves the article's draft, and signs in afresh in a new session, again and again.
// Every one of those must succeed (no error message, no 5xx), the import must finish without a
// stack trace, and it reports its progress inside the large dossier (docs/decisions/100).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeSyntheticDossier } from "../bench/synthetic";
import { expect, signIn, test } from "./fixtures";
import { E2E_DATABASE_URL, importFolder, sampleCopy } from "./support";

const port = Number(process.env.E2E_PORT ?? 3100);
const CLAIMS = 2000;

test("a 2,000-claim import beside the live site: every claim save, autosave and sign-in succeeds", async ({ page, browser }) => {
  test.setTimeout(20 * 60_000);
  // The newsroom works on its own copy of the sample, so the sample stays as shipped for other journeys.
  importFolder(sampleCopy("import-beside-site", "Import beside the site"));
  const big = writeSyntheticDossier(fs.mkdtempSync(path.join(os.tmpdir(), "dossier-e2e-big-")), "import-beside-site-2000", CLAIMS);

  const serverErrors: string[] = [];
  const watch = (p: typeof page) => p.on("response", (r) => void (r.status() >= 500 && serverErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`)));
  watch(page);
  await signIn(page, "journalist");
  const base = "/newsroom/dossiers/import-beside-site";
  await page.goto(`${base}/claims`);
  await page.getByRole("main").locator('a[href*="/claims/"]').first().click();
  await expect(page).toHaveURL(/\/claims\/[^/]+$/);
  const claimUrl = page.url();
  const claimText = page.getByLabel("The claim, stated plainly (required)");
  const original = await claimText.inputValue();
  await page.goto(base);
  const dossierId = await page.locator('input[name="dossierId"]').first().inputValue();
  await page.goto(claimUrl);

  const importer = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/import.ts", big], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  importer.stdout.on("data", (d) => (stdout += d));
  importer.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => importer.on("exit", (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));

  const done = { saves: 0, autosaves: 0, signIns: 0 };
  const failures: string[] = [];
  // Only what happens while the import writes counts: wait until it has started writing claims.
  await expect.poll(() => stdout.includes("claims ") || !running, { timeout: 5 * 60_000, intervals: [200] }).toBe(true);
  const refusal = page.getByRole("form", { name: "Edit the claim" }).locator("..").getByRole("alert").first();
  let round = 0;
  try {
    while (running) {
      round++;
      // 1. A claim save through the form.
      await claimText.fill(`${original} (${round})`);
      await page.getByRole("button", { name: "Save the claim" }).click();
      const outcome = await Promise.race([
        page.getByText("Claim saved.").waitFor({ timeout: 60_000 }).then(() => "saved"),
        refusal.waitFor({ timeout: 60_000 }).then(async () => `refused: ${await refusal.innerText()}`),
      ]).catch((e: Error) => `no answer: ${e.message.split("\n")[0]}`);
      if (outcome === "saved") done.saves++;
      else failures.push(`claim save ${round}: ${outcome}`);
      await page.reload();

      // 2. An autosave of the article's draft, as the editor sends it.
      const draft = await page.request.post(`/api/newsroom/dossiers/${dossierId}/draft`, { headers: { "content-type": "application/json" }, data: { body: `Brouillon ${round}`, baseVersion: 1 } });
      if (draft.ok()) done.autosaves++;
      else failures.push(`autosave ${round}: HTTP ${draft.status()} ${(await draft.text()).slice(0, 200)}`);

      // 3. A sign-in in a fresh session (every third round: each is a full page journey).
      if (round % 3 === 1) {
        const context = await browser.newContext();
        const other = await context.newPage();
        watch(other);
        try {
          await signIn(other, "editor");
          done.signIns++;
        } catch (e) {
          failures.push(`sign-in ${round}: ${(e as Error).message.split("\n")[0]}`);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    if (running) importer.kill("SIGTERM");
  }
  const code = await exited;

  expect(failures, "newsroom writes during the import").toEqual([]);
  expect(serverErrors, "5xx answers during the import").toEqual([]);
  expect(code, `the import's exit code\n${stdout}\n${stderr}`).toBe(0);
  expect(stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect(stderr).not.toMatch(/SQLITE_BUSY/);
  expect(stdout).toContain(`import-beside-site-2000: created (${CLAIMS} claims`);
  expect(stdout).toMatch(new RegExp(`import-beside-site-2000: claims \\d+/${CLAIMS}`)); // progress inside the dossier
  // The browser really worked while the import wrote (not only before or after it).
  expect(done.saves).toBeGreaterThanOrEqual(3);
  expect(done.autosaves).toBeGreaterThanOrEqual(3);
  expect(done.signIns).toBeGreaterThanOrEqual(1);
  console.log(`during the import: ${done.saves} claim saves, ${done.autosaves} autosaves, ${done.signIns} sign-ins, 0 failures`);
});
