// Search (issue 17), as people use it: a journalist finds a quote by a word typed without its
// accent and opens it; a reader finds a published claim, never a draft; bad queries get a
// sentence, never a 500; the pages are keyboard-usable and axe-clean; a journalist's results
// never carry a confidential source's title, identity or notes.
import { expect, expectAccessible, test } from "./fixtures";
import { fixtureCopy, importFolder } from "./support";

const DRAFT_WORD = "Zorglubbrouillon";

function tolerateUnchanged(run: () => void) {
  try {
    run();
  } catch (error) {
    if (!/: unchanged \(/.test(String(error))) throw error;
  }
}

test.describe("newsroom search", () => {
  test("a journalist finds a quote by a word without its accent, and opens it", async ({ page, login }) => {
    await login({ role: "journalist" });
    // The header's box, from any newsroom page, with the keyboard.
    const box = page.getByRole("searchbox", { name: "Search everything" });
    await box.fill("impressionnee equipe");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/newsroom\/search\?q=impressionnee/);
    await expect(page.getByRole("heading", { name: "Search", level: 1 })).toBeVisible();
    const result = page.locator(".search-result[data-kind=quote]").first();
    await expect(result).toContainText("Quote");
    await expect(result.locator("mark", { hasText: "impressionnée" })).toHaveCount(1);
    await expectAccessible(page);
    await result.getByRole("link").click();
    await expect(page).toHaveURL(/\/newsroom\/dossiers\/mistral-ai\/quotes\//);
    await expect(page.locator("main")).toContainText("Nous avons affaire à une équipe incroyable");
  });

  test("filters, empty states and bad queries are explained, never a 500", async ({ page, login }) => {
    test.slow();
    await login({ role: "journalist" });
    const empty = await page.goto("/newsroom/search");
    expect(empty!.status()).toBe(200);
    await expect(page.getByText("Type one or more words above")).toBeVisible();
    await expectAccessible(page);
    for (const q of ['"*:(', "NEAR(", "*", "a AND OR NOT \")"]) {
      const response = await page.goto(`/newsroom/search?q=${encodeURIComponent(q)}`);
      expect(response!.status(), q).toBeLessThan(500);
    }
    await page.goto(`/newsroom/search?q=${encodeURIComponent('"*:(')}`);
    await expect(page.getByRole("alert").filter({ hasText: "Type at least one word or number" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/newsroom/search?q=greffe&type=claim&verdict=verified");
    await expect(page.locator(".search-result").first()).toBeVisible();
    expect(await page.locator(".search-result").evaluateAll((els) => els.every((e) => e.getAttribute("data-kind") === "claim"))).toBe(true);
    await page.goto("/newsroom/search?q=greffe&from=2024-02-31");
    await expect(page.getByRole("alert").filter({ hasText: "not a real date" })).toBeVisible();
    await page.goto("/newsroom/search?q=zzqxwv");
    await expect(page.getByText("Nothing matches “zzqxwv”")).toBeVisible();
  });

  test("a journalist never finds a confidential source by its title, identity or notes; an editor does", async ({ page, login, browser }) => {
    await login({ role: "journalist" });
    for (const secret of ["Identité consignée dans le carnet", "Salariés et investisseurs ayant refusé", "Contacts pris en septembre 2023"]) {
      await page.goto(`/newsroom/search?q=${encodeURIComponent(secret)}`);
      await expect(page.getByRole("status").filter({ hasText: /Nothing matches|results? for/ })).toBeVisible();
      // Public records may share the secret's words (PostgreSQL's French stop words drop "ayant",
      // so the article's "salariés, investisseurs : … refusé" matches): never the source itself.
      await expect(page.locator(".search-result[data-kind=source]")).toHaveCount(0);
      const results = (await page.locator(".search-result").allTextContents()).join("\n").toLowerCase();
      expect(results).not.toContain(secret.toLowerCase());
      // Words only the confidential identity and notes hold, whatever a snippet cuts.
      for (const word of ["consignée", "carnet", "ne pas citer"]) expect(results).not.toContain(word);
      expect(await page.content()).not.toContain("carnet de la rédaction");
    }
    await page.goto(`/newsroom/search?q=${encodeURIComponent("requis l'anonymat")}`);
    // The sample's confidential source, by its public description (other journeys import copies of the sample).
    await expect(page.locator(".search-result[data-kind=source]").first()).toBeVisible();
    const html = await page.content();
    for (const s of ["Salariés et investisseurs ayant refusé", "Identité consignée", "Contacts pris en septembre"]) expect(html).not.toContain(s);

    const context = await browser.newContext();
    const editor = await context.newPage();
    await editor.goto("/login");
    await editor.getByLabel("Email").fill("editor@example.com");
    await editor.getByLabel("Password").fill("dossier-demo");
    await editor.getByRole("button", { name: "Sign in" }).click();
    await editor.waitForURL(/\/newsroom$/);
    await editor.goto(`/newsroom/search?q=${encodeURIComponent("Identité consignée dans le carnet")}`);
    await expect(editor.locator(".search-result[data-kind=source]").first()).toBeVisible();
    await context.close();
  });
});

test.describe("reader search", () => {
  test.beforeAll(() => {
    // A draft dossier whose words only the newsroom may find (already there when a worker restarts).
    tolerateUnchanged(() =>
      importFolder(
      fixtureCopy("mini", "recherche-brouillon", (data) => ({
        ...data,
        title: `Brouillon ${DRAFT_WORD}`,
        status: "draft",
        publishedAt: undefined,
        claims: (data.claims as Record<string, unknown>[]).map((c, i) => (i === 0 ? { ...c, text: `${DRAFT_WORD} a été créée le 3 mars 2021.` } : c)),
      })),
      ),
    );
  });

  test("a reader finds a published claim and opens it, never a draft (without JavaScript)", async ({ browser }) => {
    test.slow();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/fr");
    const box = page.getByRole("searchbox", { name: "Chercher dans les dossiers publiés" });
    await box.fill("immatriculee greffe");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/fr\/search\?q=immatriculee/);
    // The sample's own claim (other journeys publish copies of the sample under other slugs).
    const claim = page.locator(".search-result[data-kind=claim]").filter({ has: page.locator('a[href*="/dossiers/mistral-ai/"]') }).first();
    await expect(claim).toContainText("Mistral AI a été immatriculée au greffe");
    await claim.getByRole("link").click();
    await expect(page).toHaveURL(/\/fr\/dossiers\/mistral-ai\/claims\//);

    await page.goto(`/fr/search?q=${DRAFT_WORD}`);
    await expect(page.getByText(/Aucun contenu publié ne correspond/)).toBeVisible();
    expect(await page.content()).not.toContain("créée le 3 mars");
    for (const secret of ["Identité consignée", "Contacts pris en septembre"]) {
      await page.goto(`/en/search?q=${encodeURIComponent(secret)}`);
      await expect(page.getByText(/Nothing published matches/)).toBeVisible();
    }
    const bad = await page.goto(`/en/search?q=${encodeURIComponent('"*:(')}`);
    expect(bad!.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "Type at least one word" })).toBeVisible();
    await page.goto("/en/search");
    await expect(page.getByText("Type one or more words")).toBeVisible();
    await context.close();
  });

  test("the reader's search pages are axe-clean: results, an error, the empty state", async ({ page }) => {
    // (axe runs in the page: this visit has JavaScript, the journey above has none.)
    for (const url of ["/fr/search?q=immatriculee%20greffe", `/en/search?q=${encodeURIComponent('"*:(')}`, "/en/search", "/fr/search?q=zzqxwv"]) {
      await page.goto(url);
      await expectAccessible(page);
    }
  });

  test("the newsroom does find the draft", async ({ page, login }) => {
    await login({ role: "journalist" });
    await page.goto(`/newsroom/search?q=${DRAFT_WORD}`);
    await expect(page.locator(".search-result").first()).toBeVisible();
  });
});
