// Readers' journeys on the sample dossier (and a draft, and the XSS corpus), in real Chromium.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import { fixtureCopy, importFolder } from "./support";
import { ClaimReviewSchema, JsonFeedSchema, parseAtom, TimelineJsSchema } from "../support/feed-formats";
import { writeXssDossier, XSS_SLUG } from "../support/xss-dossier";

const SLUG = "mistral-ai";
const DOSSIER = `/dossiers/${SLUG}`;
/** The sample's confidential source: none of this may reach a reader. */
const SECRETS = [
  "Identité consignée dans le carnet de la rédaction",
  "Salariés et investisseurs ayant refusé de s'exprimer",
  "Contacts pris en septembre 2023",
  "Ne pas citer de nom",
];
const NNBSP = "\u202F";

type ApiDossier = { claims: { id: string; number: number; verdict: string | null }[] };

async function sampleClaims(request: APIRequestContext): Promise<ApiDossier["claims"]> {
  const res = await request.get(`/api/dossiers/${SLUG}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as ApiDossier).claims;
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const decode = (html: string) => html.replace(/&#x27;|&#39;|&apos;/g, "'").replace(/&quot;|&#x22;/g, '"').replace(/&amp;/g, "&");

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("the dossier shows its article with each claim marked by its verdict in words", async ({ page }) => {
    await page.goto(DOSSIER);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    const article = page.locator("article.article");
    await expect(article).toHaveAttribute("lang", "fr");
    const markers = article.locator("a.claim-marker");
    await expect(markers).toHaveCount(12);
    await expect(markers.first()).toHaveText(/^Affirmation 1\s:\sVérifié$/);
    // French typography in the rendered content: narrow no-break spaces inside guillemets.
    await expect(article).toContainText(`«${NNBSP}souverains${NNBSP}»`);
    // A marker leads to its claim's details, shown even when another filter is active.
    await page.getByText("Dépassé (1)").click();
    await markers.nth(0).click();
    await expect(page).toHaveURL(/#claim-/);
    const target = page.locator(".claim-list > li:target");
    await expect(target).toBeVisible();
    await expect(target).toContainText("Affirmation 1");
  });

  test("the verification summary gives the count per verdict as text", async ({ page }) => {
    await page.goto(DOSSIER);
    const summary = page.locator("#summary");
    await expect(summary.getByRole("heading", { level: 2 })).toHaveText("Comment les affirmations ont été vérifiées");
    await expect(summary).toContainText("12 affirmations dans ce dossier");
    const counts = summary.locator(".verdict-counts li");
    await expect(counts).toHaveText([/Vérifié\s*6 affirmations/, /Partiellement vrai\s*1 affirmation\b/, /Invérifiable\s*4 affirmations/, /Dépassé\s*1 affirmation\b/]);
  });

  test("claims filter by verdict, with the keyboard too, and without JavaScript", async ({ page }) => {
    await page.goto(DOSSIER);
    const visible = page.locator(".claim-list > li:visible");
    await expect(visible).toHaveCount(12);
    await page.getByRole("radio", { name: /Invérifiable/ }).check();
    await expect(visible).toHaveCount(4);
    await expect(visible.locator(".verdict")).toHaveText(Array(4).fill(/Invérifiable/));
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("radio", { name: /Dépassé/ })).toBeChecked();
    await expect(visible).toHaveCount(1);
    await expect(visible).toContainText("Mistral AI prévoit de communiquer à nouveau début 2024");
    await page.getByRole("radio", { name: /Toutes/ }).check();
    await expect(visible).toHaveCount(12);
  });

  test("sources are numbered; the confidential one is only described", async ({ page }) => {
    await page.goto(DOSSIER);
    const sources = page.locator(".source-list > li");
    await expect(sources).toHaveCount(9);
    const confidential = page.locator(".source--confidential");
    await expect(confidential).toHaveCount(1);
    await expect(confidential).toHaveText(/Source confidentielle\s*–\s*Des salariés et investisseurs de l'entreprise, qui ont requis l'anonymat/);
    await expect(sources.nth(0)).toContainText("Immatriculation de Mistral AI au greffe");
    await expect(sources.nth(0)).toContainText("24 avril 2023");
    await expect(page.locator("#sources")).toContainText("début juillet 2023");
  });

  test("quotes show speaker, date and context; open questions and answered ones with their answer", async ({ page }) => {
    await page.goto(DOSSIER);
    const quotes = page.locator("#quotes figure");
    await expect(quotes).toHaveCount(9);
    await expect(quotes.first()).toContainText("Xavier Niel");
    await expect(quotes.first()).toContainText("septembre 2023");
    await expect(quotes.first()).toContainText("Déclaration de Xavier Niel à la rédaction");
    await expect(quotes.first().locator("blockquote")).toHaveAttribute("lang", "fr");
    // Off-the-record answers are credited to the confidential source's description only.
    await expect(quotes.nth(1)).toContainText("Des salariés et investisseurs de l'entreprise, qui ont requis l'anonymat");
    await expect(quotes.nth(1)).toContainText("propos non attribués");
    const questions = page.locator("#questions");
    await expect(questions.getByRole("heading", { level: 2 })).toHaveText("Ce que l’on ignore encore");
    await expect(questions.locator(".question-list--open li")).toHaveCount(4);
    const answered = questions.locator(".question-list--answered li");
    await expect(answered).toHaveCount(2);
    await expect(answered.nth(1)).toContainText("Le 27 septembre 2023, avec Mistral 7B");
    await expect(answered.nth(1)).toContainText("Réponse le 27 septembre 2023");
    await expect(answered.nth(1).getByRole("link", { name: "voir l’affirmation 11" })).toBeVisible();
  });

  test("the corrections log says what changed, when and why", async ({ page }) => {
    await page.goto(DOSSIER);
    const corrections = page.locator("#corrections li");
    await expect(corrections).toHaveCount(1);
    await expect(corrections).toContainText("28 septembre 2023");
    await expect(corrections).toContainText("Vérifié → Dépassé");
    await expect(corrections).toContainText("Mistral AI a publié son premier modèle, Mistral 7B");
  });

  test("an unknown page is a localised 404", async ({ page }) => {
    const res = await page.goto("/cette/page/nexiste/pas");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("the interface is English and the French content says so", async ({ page }) => {
    await page.goto(DOSSIER);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("h1")).toHaveAttribute("lang", "fr");
    await expect(page.getByText("This dossier is written in French.")).toBeVisible();
    await expect(page.locator("article.article a.claim-marker").nth(10)).toHaveText("Claim 11: Outdated");
    await expect(page.locator(".claim-list > li").first().locator(".claim__text")).toHaveAttribute("lang", "fr");
    await expect(page.locator("#summary")).toContainText("12 claims in this dossier");
  });

  test("the reader switches language without JavaScript, and the choice sticks", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(DOSSIER);
    await expect(page.getByRole("heading", { name: "Claims and how we checked them" })).toBeVisible();
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
    await expect(page).toHaveURL(new RegExp(`${DOSSIER}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { name: "Les affirmations et leur vérification" })).toBeVisible();
    await page.getByRole("link", { name: "Chronologie" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Chronologie");
    await page.getByRole("navigation", { name: "Langue" }).getByRole("link", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Timeline");
    await context.close();
  });

  test("the claims filter works without JavaScript (HTML and CSS only)", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(DOSSIER);
    await page.getByRole("radio", { name: /Partly true/ }).check();
    await expect(page.locator(".claim-list > li:visible")).toHaveCount(1);
    await expect(page.locator(".claim-list > li:visible")).toContainText("Le bureau principal de Mistral AI serait à Paris");
    await context.close();
  });

  test("a claim's permalink shows it in context, its verdict, evidence and verdict history", async ({ page }) => {
    await page.goto(DOSSIER);
    await page.getByRole("link", { name: "How we checked it (Claim 11)" }).click();
    await expect(page).toHaveURL(/\/dossiers\/mistral-ai\/claims\/[a-z0-9]+$/);
    await expect(page.locator("h1")).toHaveText("Mistral AI prévoit de communiquer à nouveau début 2024, une fois ses modèles entraînés.");
    await expect(page.locator(".claim-context mark")).toContainText("prévoyait de communiquer à nouveau début 2024");
    await expect(page.locator(".claim-verdict .verdict")).toHaveText(/Outdated/);
    await expect(page.locator(".claim-verdict")).toContainText("Decided 28 September 2023");
    await expect(page.locator(".evidence__item")).toHaveCount(1);
    await expect(page.locator(".evidence__item")).toContainText("Supports the claim");
    await expect(page.locator(".evidence__item")).toContainText("Enquête sur le silence de Mistral AI (septembre 2023)");
    const history = page.locator(".history-list > li");
    await expect(history).toHaveCount(2);
    await expect(history.nth(0)).toContainText("25 September 2023 · Verdict: Verified");
    await expect(history.nth(1)).toContainText("28 September 2023 · Verified → Outdated · Correction");
    await expect(history.nth(1)).toContainText("Mise à jour : le 27 septembre 2023");
    await page.getByRole("link", { name: /Next claim/ }).click();
    await expect(page.locator(".claim-header__number")).toHaveText("Claim 12");
  });

  test("a claim that does not exist is a 404", async ({ page }) => {
    const res = await page.goto(`${DOSSIER}/claims/doesnotexist`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("the timeline is chronological and honest about uncertain and expected dates", async ({ page }) => {
    await page.goto(`${DOSSIER}/timeline`);
    await expect(page.locator(".timeline__date")).toHaveText([
      "July 2022",
      "April 2023",
      "24 April 2023",
      "early June 2023",
      "early July 2023",
      "July 2023Reported, not confirmed",
      "August 2023",
      "September 2023",
      "27 September 2023",
      "spring 2024Expected",
    ]);
    await expect(page.locator(".timeline__event--expected time")).toHaveAttribute("datetime", "2024");
    const june = page.locator(".timeline__event").nth(3);
    await expect(june.locator("time")).toHaveAttribute("datetime", "2023-06");
    await june.getByRole("link", { name: "Claim 6" }).click();
    await expect(page.locator(".claim-header__number")).toHaveText("Claim 6");
  });

  test("the dossier page embeds a ClaimReview for every checked claim", async ({ page }) => {
    await page.goto(DOSSIER);
    const reviews = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "[]") as Record<string, never>[];
    expect(reviews).toHaveLength(12);
    const first = reviews[0] as unknown as { "@type": string; claimReviewed: string; url: string; author: { name: string }; reviewRating: Record<string, unknown>; itemReviewed: { appearance: { url: string } } };
    expect(first["@type"]).toBe("ClaimReview");
    expect(first.claimReviewed).toContain("Mistral AI a été immatriculée");
    expect(first.reviewRating).toMatchObject({ ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: "Vérifié" });
    expect(first.itemReviewed.appearance.url).toMatch(/\/dossiers\/mistral-ai$/);
    expect(first.url).toMatch(/\/dossiers\/mistral-ai\/claims\//);
    const unverifiable = reviews.filter((r) => (r as unknown as { reviewRating: { alternateName: string } }).reviewRating.alternateName === "Invérifiable");
    expect(unverifiable).toHaveLength(4);
    for (const r of unverifiable) expect(r).not.toHaveProperty("reviewRating.ratingValue");
  });

  test("an unknown page is a localised 404", async ({ page }) => {
    const res = await page.goto("/this/does/not/exist");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("the print stylesheet drops navigation and filters and prints every claim", async ({ page }) => {
    await page.goto(DOSSIER);
    await page.getByRole("radio", { name: /Outdated/ }).check();
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.locator(".claim-filter")).toBeHidden();
    await expect(page.locator(".claim-list > li:visible")).toHaveCount(12);
  });

  test("a phone shows the dossier without sideways scrolling", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, locale: "fr-FR" });
    const page = await context.newPage();
    for (const path of [DOSSIER, `${DOSSIER}/timeline`]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    }
    await context.close();
  });
});

test.describe("the public JSON API", () => {
  test("serves the published dossier, its ClaimReviews and the list", async ({ request }) => {
    const res = await request.get(`/api/dossiers/${SLUG}`);
    expect(res.headers()["access-control-allow-origin"]).toBe("*");
    const body = await res.json();
    expect(body).toMatchObject({ slug: SLUG, language: "fr", title: expect.stringContaining("Mistral AI") });
    expect(body.claims).toHaveLength(12);
    expect(body.article.html).toContain("<h2>Une société née au printemps</h2>");
    expect(body).not.toHaveProperty("body");
    expect(body.sources.find((s: { confidential: boolean }) => s.confidential)).toEqual({
      id: expect.any(String),
      number: 6,
      confidential: true,
      description: "Des salariés et investisseurs de l'entreprise, qui ont requis l'anonymat",
      citationUrl: expect.stringMatching(/\/dossiers\/mistral-ai#source-6$/),
    });
    expect(body.corrections).toHaveLength(1);

    const reviews = await request.get(`/api/dossiers/${SLUG}/claimreview`);
    expect(reviews.headers()["content-type"]).toContain("application/ld+json");
    const list = await reviews.json();
    expect(list).toHaveLength(12);
    expect(list.every((r: { "@type": string }) => r["@type"] === "ClaimReview")).toBe(true);

    const all = await (await request.get("/api/dossiers")).json();
    expect(all.map((d: { slug: string }) => d.slug)).toContain(SLUG);
  });

  test("answers 404 with a JSON error for an unknown dossier", async ({ request }) => {
    for (const path of ["/api/dossiers/nope", "/api/dossiers/nope/claimreview", "/api/dossiers/NOT%20A%20SLUG"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    }
  });
});

test.describe("open feeds", () => {
  test.use({ locale: "fr-FR" });

  test("a reader follows the dossier page's feed links and gets valid feeds; its claim permalink carries exactly one ClaimReview", async ({ page, request }) => {
    await page.goto(DOSSIER);
    const href = async (type: string) => (await page.locator(`head link[rel="alternate"][type="${type}"]`).first().getAttribute("href"))!;
    const json = await request.get(await href("application/feed+json"));
    expect(json.headers()["content-type"]).toContain("application/feed+json");
    const text = await json.text();
    const feed = JsonFeedSchema.parse(JSON.parse(text));
    expect(feed.items).toHaveLength(12);
    expect(feed.feed_url).toMatch(/\/api\/dossiers\/mistral-ai\/verdicts\.json$/);
    const atom = await request.get(await href("application/atom+xml"));
    expect(atom.headers()["content-type"]).toContain("application/atom+xml");
    const xml = await atom.text();
    expect(parseAtom(xml).entries.map((e) => e.categories[0])).toEqual(["correction", "dossier"]);
    const timeline = await request.get((await (await request.get(`/api/dossiers/${SLUG}`)).json()).feeds.timeline);
    const timelineText = await timeline.text();
    expect(TimelineJsSchema.parse(JSON.parse(timelineText)).events.length).toBeGreaterThan(3);
    for (const secret of SECRETS) for (const body of [text, xml, timelineText]) expect(body).not.toContain(secret);

    // The claim permalink: one ClaimReview, with its dates and the newsroom's URL and logo.
    await page.goto(new URL(feed.items[0]!.url!).pathname);
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    const reviews = scripts.map((s) => JSON.parse(s)).flat().filter((r: { "@type": string }) => r["@type"] === "ClaimReview");
    expect(reviews).toHaveLength(1);
    const review = ClaimReviewSchema.parse(reviews[0]);
    expect(review.url).toBe(feed.items[0]!.url);
    expect((await request.get(review.author.logo.url)).headers()["content-type"]).toContain("image/svg+xml");
  });
});

test.describe("visibility", () => {
  test("a draft dossier is a 404 everywhere and is listed nowhere", async ({ page, request }) => {
    importFolder(fixtureCopy("mini", "brouillon-e2e", (data) => ({ ...data, status: "draft" })));
    for (const path of ["/dossiers/brouillon-e2e", "/dossiers/brouillon-e2e/timeline"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
    }
    expect((await request.get("/api/dossiers/brouillon-e2e")).status()).toBe(404);
    expect((await request.get("/api/dossiers/brouillon-e2e/claimreview")).status()).toBe(404);
    const all = await (await request.get("/api/dossiers")).json();
    expect(all.map((d: { slug: string }) => d.slug)).not.toContain("brouillon-e2e");
  });

  test("the confidential source's identity, title and notes appear in no page, JSON or JSON-LD", async ({ request }) => {
    const claims = await sampleClaims(request);
    const paths = ["/", DOSSIER, `${DOSSIER}/timeline`, ...claims.map((c) => `${DOSSIER}/claims/${c.id}`), `/api/dossiers/${SLUG}`, `/api/dossiers/${SLUG}/claimreview`, "/api/dossiers"];
    for (const language of ["fr", "en"]) {
      for (const path of paths) {
        const res = await request.get(path, { headers: { "Accept-Language": language } });
        expect(res.status(), path).toBe(200);
        const text = decode(await res.text());
        for (const secret of SECRETS) expect(text, `${secret} in ${path} (${language})`).not.toContain(secret);
      }
    }
  });

  test("a language-free URL sends each reader to their language: the cookie first, then the browser's", async ({ request }) => {
    const cases: { headers: Record<string, string>; to: string }[] = [
      { headers: { "Accept-Language": "en-GB,en" }, to: "/en" },
      { headers: { "Accept-Language": "fr-FR" }, to: "/fr" },
      { headers: { "Accept-Language": "en", Cookie: "dossier-lang=fr" }, to: "/fr" },
      { headers: { "Accept-Language": "fr", Cookie: "dossier-lang=en" }, to: "/en" },
    ];
    for (const { headers, to } of cases) {
      const res = await request.get(`${DOSSIER}/timeline`, { headers, maxRedirects: 0 });
      expect(res.status(), JSON.stringify(headers)).toBe(307);
      expect(res.headers()["location"], JSON.stringify(headers)).toBe(`${to}${DOSSIER}/timeline`);
      // Who asks decides: no shared cache may keep it.
      expect(res.headers()["cache-control"]).toBe("private, no-cache");
      expect(res.headers()["vary"]).toBe("Cookie, Accept-Language");
    }
  });

  test("reader pages are one public, cacheable document per URL, in that URL's language with or without the cookie", async ({ request }) => {
    for (const cookie of [undefined, "dossier-lang=fr", "dossier-lang=en"]) {
      for (const locale of ["fr", "en"]) {
        const url = `/${locale}${DOSSIER}`;
        const headers = { "Accept-Language": locale === "fr" ? "en" : "fr", ...(cookie ? { Cookie: cookie } : {}) };
        const res = await request.get(url, { headers, maxRedirects: 0 });
        expect(res.status(), `${url} ${cookie}`).toBe(200);
        const h = res.headers();
        expect(h["cache-control"]).toBe("public, max-age=0, s-maxage=300, stale-while-revalidate=30");
        expect(h["content-language"]).toBe(locale);
        expect(h["set-cookie"]).toBeUndefined();
        expect(h["vary"]).not.toMatch(/cookie|accept-language/i);
        expect(h["etag"]).toBeTruthy();
        const html = await res.text();
        expect(html).toContain(`<html lang="${locale}">`);
        // Lighter: no client runtime, no flight data; the JSON-LD once.
        expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
        expect(html).not.toContain("__next_f");
        expect(html.match(/"@type":"ClaimReview"/g)).toHaveLength(12);
        expect(h["content-security-policy"]).toContain("default-src 'none'");
        expect(h["content-security-policy"]).not.toContain("nonce");
        const again = await request.get(url, { headers: { ...headers, "If-None-Match": h["etag"]! } });
        expect(again.status()).toBe(304);
      }
    }
    const fr = await request.get(`/fr${DOSSIER}`);
    expect(fr.headers()["x-nextjs-cache"]).toBe("HIT");
  });

  test("the public JSON is publicly cacheable too, with an ETag", async ({ request }) => {
    for (const path of [`/api/dossiers/${SLUG}`, `/api/dossiers/${SLUG}/claimreview`, "/api/dossiers"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()["cache-control"], path).toContain("public");
      expect(res.headers()["access-control-allow-origin"]).toBe("*");
      const etag = res.headers()["etag"]!;
      expect(etag, path).toBeTruthy();
      expect((await request.get(path, { headers: { "If-None-Match": etag } })).status(), path).toBe(304);
    }
  });
});

test("every cached page of a dossier carries the tag revalidateReaderPages(slug) expires", async ({ request }) => {
  // revalidateReaderPages runs in the newsroom's actions, which this suite cannot call; what it
  // can prove is that each cached page of the dossier, in each language, is tagged for it.
  const claims = await sampleClaims(request);
  const paths = [DOSSIER, `${DOSSIER}/timeline`, `${DOSSIER}/claims/${claims[0]!.id}`];
  for (const language of ["fr", "en"]) for (const path of paths) await request.get(path, { headers: { "Accept-Language": language } });
  const metas: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith(".meta") && p.includes(`/dossiers/${SLUG}`)) metas.push(p);
    }
  };
  walk(".next/server");
  const tagged = metas.filter((file) => {
    const tags = (JSON.parse(fs.readFileSync(file, "utf8")) as { headers?: Record<string, string> }).headers?.["x-next-cache-tags"] ?? "";
    return tags.split(",").includes(`reader:dossier:${SLUG}`);
  });
  for (const language of ["fr", "en"]) {
    for (const path of paths) expect(tagged.some((f) => f.endsWith(`/${language}${path}.meta`)), `${language}${path}`).toBe(true);
  }
  expect(tagged).toEqual(metas);
});

test.describe("accessibility", () => {
  for (const locale of ["fr-FR", "en-GB"]) {
    test(`every reader page has no axe violation (${locale})`, async ({ browser, request }) => {
      const claims = await sampleClaims(request);
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      for (const path of ["/", DOSSIER, `${DOSSIER}/timeline`, `${DOSSIER}/claims/${claims[10]!.id}`, `${DOSSIER}/claims/${claims[0]!.id}`, "/nothing-here"]) {
        await page.goto(path);
        await expectNoAxeViolations(page);
      }
      // With a filter applied, too.
      await page.goto(DOSSIER);
      await page.locator(".claim-filter input").nth(2).check();
      await expectNoAxeViolations(page);
      await context.close();
    });
  }
});

test.describe("the XSS corpus through the importer and the pages", () => {
  test.beforeAll(() => {
    importFolder(writeXssDossier(fs.mkdtempSync(`${os.tmpdir()}/dossier-xss-e2e-`)));
  });

  test("nothing runs and nothing is injected on any page", async ({ page, request }) => {
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const body = await (await request.get(`/api/dossiers/${XSS_SLUG}`)).json();
    const paths = [`/dossiers/${XSS_SLUG}`, `/dossiers/${XSS_SLUG}/timeline`, ...body.claims.map((c: { id: string }) => `/dossiers/${XSS_SLUG}/claims/${c.id}`)];
    for (const path of paths) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      // Give anything that might fire (onload, onerror, autofocus) a chance to.
      await page.locator("main").hover();
      await page.keyboard.press("Tab");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const injected = await page.evaluate(() => {
        const main = document.querySelector("main")!;
        const found: string[] = [];
        for (const el of main.querySelectorAll("*")) {
          const tag = el.tagName.toLowerCase();
          if (["svg", "math", "iframe", "object", "embed", "img", "form", "input", "base", "meta", "style", "video", "template", "noscript"].includes(tag) && !(tag === "input" && el.closest(".claim-filter")) && !(tag === "style" && el.closest(".claims"))) found.push(tag);
          if (tag === "script" && el.getAttribute("type") !== "application/ld+json") found.push("script");
          for (const attr of el.getAttributeNames()) {
            if (attr.startsWith("on")) found.push(`${tag}[${attr}]`);
            if (["href", "src", "action", "xlink:href", "formaction"].includes(attr) && /^\s*(javascript|data|vbscript):/i.test(el.getAttribute(attr) ?? "")) found.push(`${tag}[${attr}]`);
          }
        }
        if (document.querySelector("#xss-probe, .xss-probe")) found.push("xss-probe");
        return found;
      });
      expect(injected, path).toEqual([]);
      // The attack text is shown as text.
      await expect(page.locator("main")).toContainText("<script>alert('xss')</script>");
      for (const script of await page.locator('script[type="application/ld+json"]').allTextContents()) expect(() => JSON.parse(script)).not.toThrow();
    }
    expect(dialogs).toEqual([]);
    const text = decode(await (await request.get(`/dossiers/${XSS_SLUG}`)).text());
    for (const secret of ["Titre secret de la source", "Identité secrète de la source", "Notes internes secrètes"]) expect(text).not.toContain(secret);
  });

  test("the pages with the corpus have no axe violation", async ({ page, request }) => {
    const body = await (await request.get(`/api/dossiers/${XSS_SLUG}`)).json();
    for (const path of [`/dossiers/${XSS_SLUG}`, `/dossiers/${XSS_SLUG}/timeline`, `/dossiers/${XSS_SLUG}/claims/${body.claims[1].id}`]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });
});
