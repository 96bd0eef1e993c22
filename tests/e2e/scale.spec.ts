// Readers at scale (issue 14, "Done when"): two Dossier instances sharing Redis behind nginx; a
// verdict changed through one is what the other serves on the next request, and what nginx's
// cache serves once the purge hook has refreshed it; the static edition renders without
// JavaScript and passes the reader's axe and XSS checks. Also: the server's own defences (a page
// write from another site is a 403; the sign-in limit believes X-Forwarded-For only from proxies).
import AxeBuilder from "@axe-core/playwright";
import { spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, signIn, test } from "./fixtures";
import { E2E_DATABASE_URL, fixtureCopy, importFolder } from "./support";
import { missingServices, PORTS, scratch, startInstance, startNginx, startRedis, stop } from "../support/services";
import { writeXssDossier, XSS_SLUG } from "../support/xss-dossier";

const SLUG = `scale-${Date.now().toString(36)}`;
const CORRECTION = "Correction : la société a été immatriculée en mars 2021, mais son activité n'a commencé qu'en 2022.";
const A = `http://localhost:${PORTS.appA}`;
const B = `http://localhost:${PORTS.appB}`;
const NGINX = `http://localhost:${PORTS.nginx}`;
const STATIC = `http://localhost:${PORTS.nginxStatic}`;
/** The sample's confidential source (tests/e2e/reader.spec.ts): in no file of the static edition. */
const SECRETS = ["Identité consignée dans le carnet de la rédaction", "Contacts pris en septembre 2023", "Titre secret de la source", "Identité secrète de la source", "Notes internes secrètes"];

const unavailable = missingServices();

test("a page write (server action) from another site is refused with 403, and changes nothing", async ({ request }) => {
  for (const headers of [
    { Origin: "https://evil.example", "Next-Action": "0123456789abcdef", "Content-Type": "text/plain;charset=UTF-8" },
    { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
  ] as Record<string, string>[]) {
    const res = await request.post("/newsroom/dossiers/mistral-ai", { headers, data: "[]" });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain("another site");
  }
});

test("the newsroom's pages carry a per-request script nonce, the reader's none", async ({ request }) => {
  const login = await request.get("/login");
  const csp = login.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(await login.text()).toContain(`nonce="${nonce}"`);
  expect((await request.get("/login")).headers()["content-security-policy"]).not.toContain(nonce);
  expect(login.headers()["x-frame-options"]).toBe("DENY");
  expect(login.headers()["x-content-type-options"]).toBe("nosniff");
});

test.describe.serial("several instances, one cache, behind nginx", () => {
  test.skip(unavailable !== null, `Skipped: ${unavailable}`);
  const running: ChildProcess[] = [];
  let liveStatic = "";
  let claimId = "";

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    importFolder(fixtureCopy("mini", SLUG, (data) => ({ ...data, title: `Une enquête à grande échelle ${SLUG}` })));
    liveStatic = scratch("static-live");
    running.push(await startRedis());
    const shared = {
      DATABASE_URL: E2E_DATABASE_URL,
      REDIS_URL: `redis://127.0.0.1:${PORTS.redis}`,
      REDIS_KEY_PREFIX: `e2e-${PORTS.redis}-${Date.now()}`,
      PURGE_URL: `http://127.0.0.1:${PORTS.nginx}/.dossier/purge`,
      SIGNIN_ACCOUNT_LIMIT: "1000",
    };
    // A is behind nginx (it believes nginx's X-Forwarded-For); B trusts no proxy, and its sign-in
    // limit is low enough to reach (the counters live in the shared database).
    running.push(await startInstance(PORTS.appA, { ...shared, TRUSTED_PROXIES: "loopback", STATIC_DIR: liveStatic, SIGNIN_RATE_LIMIT: "1000" }));
    running.push(await startInstance(PORTS.appB, { ...shared, TRUSTED_PROXIES: "none", SIGNIN_RATE_LIMIT: "3" }));
    running.push(
      await startNginx(
        "proxy",
        "dossier-proxy.conf",
        [
          ["server 127.0.0.1:3001;", `server 127.0.0.1:${PORTS.appA};`],
          ["server 127.0.0.1:3002;", `server 127.0.0.1:${PORTS.appB};`],
          ["listen 8080;", `listen ${PORTS.nginx};`],
          ["/var/cache/nginx/dossier", path.join(scratch("nginx-cache"), "cache")],
        ],
        PORTS.nginx,
      ),
    );
    const api = await (await fetch(`${B}/api/dossiers/${SLUG}`)).json();
    claimId = (api as { claims: { id: string; text: string }[] }).claims.find((c) => c.text.startsWith("Exemple a été créée"))!.id;
  });

  test.afterAll(() => {
    for (const child of running.reverse()) stop(child);
  });

  test("a verdict changed through one instance is what the other serves on the next request, and nginx once purged", async ({ browser, request }) => {
    const permalink = `/fr/dossiers/${SLUG}/claims/${claimId}`;
    const verdictOf = async (origin: string) => {
      const res = await request.get(`${origin}${permalink}`);
      expect(res.status(), origin).toBe(200);
      return { verdict: /class="claim-verdict__badge"><span class="verdict[^"]*" data-verdict="([a-z-]+)"/.exec(await res.text())?.[1], headers: res.headers() };
    };
    // Both instances and nginx hold the page.
    for (const origin of [A, B, B, NGINX, NGINX]) expect((await verdictOf(origin)).verdict, origin).toBe("verified");
    expect((await verdictOf(B)).headers["x-nextjs-cache"]).toBe("HIT");
    expect((await verdictOf(NGINX)).headers["x-cache"]).toBe("HIT");

    // An editor changes the verdict through instance A.
    const context = await browser.newContext({ baseURL: A });
    const editor = await context.newPage();
    await signIn(editor, "editor");
    await editor.goto(`/newsroom/dossiers/${SLUG}/claims/${claimId}`);
    const region = editor.getByRole("region", { name: "Verdict" });
    await region.getByText("Change the verdict").click();
    const set = editor.getByRole("form", { name: "Set the verdict" });
    await set.getByRole("radio", { name: "Partly true" }).check();
    await set.getByLabel("Rationale (required)").fill("Immatriculée en mars 2021, la société n'a eu d'activité qu'en 2022.");
    await set.getByRole("checkbox", { name: /Registre du commerce de Lyon/ }).check();
    await set.getByLabel("Correction note (readers see it) (required)").fill(CORRECTION);
    await set.getByRole("button", { name: "Set the verdict" }).click();
    await expect(region.locator(".verdict-current")).toContainText("Partly true");
    // Readers get it once the editor publishes the update (docs/publishing.md).
    await editor.goto(`/newsroom/dossiers/${SLUG}`);
    const publication = editor.getByRole("region", { name: "Publication" });
    await publication.getByRole("button", { name: "Publish the update…", exact: true }).click();
    const dialog = editor.getByRole("dialog", { name: /^Publish the changes to/ });
    await dialog.getByLabel(/^Note for readers/).fill("Verdict corrigé.");
    await dialog.getByRole("button", { name: "Publish the update", exact: true }).click();
    await expect(publication.getByRole("status")).toHaveText("Update published: readers see the new version now.");
    await context.close();

    // The other instance, on the very next request; and A itself.
    const next = await verdictOf(B);
    expect(next.verdict).toBe("partly-true");
    expect((await request.get(`${B}${permalink}`)).headers()["x-nextjs-cache"]).toBe("HIT");
    expect((await verdictOf(A)).verdict).toBe("partly-true");
    // (typeset in French on the page: a narrow no-break space before the colon)
    expect(await (await request.get(`${B}/en/dossiers/${SLUG}`)).text()).toContain("la société a été immatriculée en mars 2021");

    // nginx's copy is refreshed by the purge hook, right after the change's response.
    await expect.poll(async () => (await verdictOf(NGINX)).verdict, { timeout: 30_000 }).toBe("partly-true");
    expect((await verdictOf(NGINX)).headers["x-cache"]).toBe("HIT");
    // The static edition written by the instance that made the change.
    const file = path.join(liveStatic, "fr", "dossiers", SLUG, "claims", claimId, "index.html");
    await expect.poll(() => (fs.existsSync(file) ? /data-verdict="([a-z-]+)"/.exec(fs.readFileSync(file, "utf8").split('class="claim-verdict"')[1] ?? "")?.[1] : null), { timeout: 30_000 }).toBe("partly-true");
  });

  test("the sign-in limit counts a client that rotates X-Forwarded-For as one client", async ({ request }) => {
    const attempt = (origin: string, forwardedFor: string) =>
      request.post(`${origin}/api/auth/sign-in/email`, {
        headers: { Origin: origin, "X-Forwarded-For": forwardedFor, "Content-Type": "application/json" },
        data: { email: `nobody-${forwardedFor}@example.com`, password: "not-the-password" },
      });
    // B trusts no proxy: every attempt is the socket's client, whatever it claims.
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) statuses.push((await attempt(B, `198.51.100.${i}`)).status());
    expect(statuses.at(-1)).toBe(429);
    // A trusts this machine's proxy: there, X-Forwarded-For names the client (a fresh one is not limited).
    expect((await attempt(A, `203.0.113.${Math.floor(Math.random() * 200) + 1}`)).status()).toBe(401);
  });
});

test.describe.serial("the static edition", () => {
  test.skip(unavailable !== null, `Skipped: ${unavailable}`);
  let nginx: ChildProcess | undefined;
  let dir = "";

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    // reader.spec.ts may have imported the corpus already (an unchanged import refreshes nothing).
    const present = await fetch(`http://localhost:${process.env.E2E_PORT ?? 3100}/api/dossiers/${XSS_SLUG}`);
    if (present.status === 404) importFolder(writeXssDossier(fs.mkdtempSync(`${os.tmpdir()}/dossier-xss-static-`)));
    dir = scratch("static");
    const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/static.ts", dir], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, PORT: String(PORTS.appC) },
    });
    if (run.status !== 0) throw new Error(`npm run static failed:\n${run.stdout}\n${run.stderr}`);
    expect(run.stdout).toContain("Static edition in");
    nginx = await startNginx("static", "dossier-static.conf", [["listen 8081;", `listen ${PORTS.nginxStatic};`], ["/srv/dossier/static", dir]], PORTS.nginxStatic);
  });

  test.afterAll(() => stop(nginx));

  test("has no script, no flight data and nothing confidential in any file", () => {
    const files: string[] = [];
    const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.join(d, e.name))));
    walk(dir);
    const html = files.filter((f) => f.endsWith(".html"));
    expect(html.length).toBeGreaterThan(30);
    for (const f of files) {
      const text = fs.readFileSync(f, "utf8");
      if (f.endsWith(".html")) {
        expect(text, f).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
        expect(text, f).not.toContain("__next_f");
      }
      for (const secret of SECRETS) expect(text, `${secret} in ${f}`).not.toContain(secret);
    }
    expect(fs.existsSync(path.join(dir, "api", "dossiers", "mistral-ai.json"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "api", "dossiers", "mistral-ai", "claimreview.json"))).toBe(true);
  });

  test("serves the open feeds its pages announce, with their types", async ({ request }) => {
    for (const [feed, type] of [
      ["/api/feeds/verdicts.json", "application/feed+json"],
      ["/api/feeds/updates.atom", "application/atom+xml"],
      ["/api/dossiers/mistral-ai/verdicts.json", "application/feed+json"],
      ["/api/dossiers/mistral-ai/updates.atom", "application/atom+xml"],
      ["/api/dossiers/mistral-ai/timeline.json", "application/json"],
      ["/logo.svg", "image/svg+xml"],
    ] as const) {
      const response = await request.get(`${STATIC}${feed}`);
      expect(response.status(), feed).toBe(200);
      expect(response.headers()["content-type"], feed).toContain(type);
    }
    const page = await (await request.get(`${STATIC}/fr/dossiers/mistral-ai`)).text();
    // Every feed the page announces (the dossier's and the newsroom's) is a file of the edition.
    const announced = [...page.matchAll(/<link\b[^>]*\btype="application\/(?:atom\+xml|feed\+json)"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])![1]!);
    expect(announced.length).toBeGreaterThanOrEqual(4);
    for (const href of announced) expect((await request.get(`${STATIC}${new URL(href, STATIC).pathname}`)).status(), href).toBe(200);
    const verdicts = (await (await request.get(`${STATIC}/api/dossiers/mistral-ai/verdicts.json`)).json()) as { version: string; items: unknown[] };
    expect(verdicts.version).toBe("https://jsonfeed.org/version/1.1");
    expect(verdicts.items.length).toBeGreaterThan(0);
  });

  test("renders the sample with JavaScript disabled: article, claims filter, language switch, timeline, 404", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB", baseURL: STATIC });
    const page = await context.newPage();
    // The language-free URL of the first releases: nginx picks the browser's language.
    await page.goto("/dossiers/mistral-ai");
    await expect(page).toHaveURL(`${STATIC}/en/dossiers/mistral-ai`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("article.article a.claim-marker")).toHaveCount(12);
    await expect(page.locator("#summary")).toContainText("12 claims in this dossier");
    await page.getByRole("radio", { name: /Partly true/ }).check();
    await expect(page.locator(".claim-list > li:visible")).toHaveCount(1);
    const reviews = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "[]") as unknown[];
    expect(reviews).toHaveLength(12);
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
    await expect(page).toHaveURL(`${STATIC}/fr/dossiers/mistral-ai`);
    await expect(page.getByRole("heading", { name: "Les affirmations et leur vérification" })).toBeVisible();
    await page.getByRole("link", { name: "Chronologie" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Chronologie");
    await expect(page.locator(".timeline__date").first()).toHaveText("juillet 2022");
    await page.locator(".timeline__event").nth(3).getByRole("link", { name: "Affirmation 6" }).click();
    await expect(page.locator(".claim-header__number")).toHaveText("Affirmation 6");
    const missing = await page.goto("/en/dossiers/nope");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const json = await page.request.get("/api/dossiers/mistral-ai");
    expect(json.headers()["content-type"]).toContain("application/json");
    expect(((await json.json()) as { claims: unknown[] }).claims).toHaveLength(12);
    const headers = (await page.request.get("/fr/dossiers/mistral-ai")).headers();
    expect(headers["content-security-policy"]).toContain("default-src 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    await context.close();
  });

  test("passes the reader's axe check on every kind of page, in both languages", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: STATIC });
    const page = await context.newPage();
    const claims = ((await (await page.request.get("/api/dossiers/mistral-ai")).json()) as { claims: { id: string }[] }).claims;
    for (const l of ["fr", "en"]) {
      for (const p of [`/${l}`, `/${l}/dossiers/mistral-ai`, `/${l}/dossiers/mistral-ai/timeline`, `/${l}/dossiers/mistral-ai/claims/${claims[10]!.id}`, `/${l}/nothing-here`]) {
        await page.goto(p);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${p} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      }
    }
    await context.close();
  });

  test("runs and injects nothing from the XSS corpus", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: STATIC });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const body = (await (await page.request.get(`/api/dossiers/${XSS_SLUG}`)).json()) as { claims: { id: string }[] };
    for (const p of [`/fr/dossiers/${XSS_SLUG}`, `/en/dossiers/${XSS_SLUG}/timeline`, ...body.claims.map((c) => `/fr/dossiers/${XSS_SLUG}/claims/${c.id}`)]) {
      expect((await page.goto(p))?.status(), p).toBe(200);
      await page.locator("main").hover();
      await page.keyboard.press("Tab");
      const injected = await page.evaluate(() => {
        const found: string[] = [];
        for (const el of document.querySelectorAll("main *")) {
          const tag = el.tagName.toLowerCase();
          if (["svg", "math", "iframe", "object", "embed", "img", "form", "base", "meta", "style", "video", "template", "noscript"].includes(tag)) found.push(tag);
          if (tag === "input" && !el.closest(".claim-filter")) found.push(tag);
          if (tag === "script" && el.getAttribute("type") !== "application/ld+json") found.push("script");
          for (const attr of el.getAttributeNames()) {
            if (attr.startsWith("on")) found.push(`${tag}[${attr}]`);
            if (["href", "src", "action", "xlink:href", "formaction"].includes(attr) && /^\s*(javascript|data|vbscript):/i.test(el.getAttribute(attr) ?? "")) found.push(`${tag}[${attr}]`);
          }
        }
        if (document.querySelector("#xss-probe, .xss-probe")) found.push("xss-probe");
        return found;
      });
      expect(injected, p).toEqual([]);
      await expect(page.locator("main")).toContainText("<script>alert('xss')</script>");
    }
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
