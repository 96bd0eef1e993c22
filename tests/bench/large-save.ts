// `npm run bench -- --only=save` (issue 10, item 4): does one large save freeze the site?
// A server (`npm start`, its own SQLite file) holds the sample and a 2,000-claim dossier. The p99
// latency of cached reader requests (the sample's page, 10 connections) is measured with nothing
// else running, then while a journalist saves the large article through the real editor in
// Chromium with a paragraph added at the top (every claim's passage moves: 2,000 re-anchored).
// Also: the HTML size of that dossier's editor page.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { chromium } from "playwright-core";
import { writeSyntheticDossier } from "./synthetic";

/** The benchmark server's output (its last 20 kB), printed when the benchmark fails. */
let serverLog = () => "";
type Row = { bench: string; baseline: string; measured: string; ratio: string };
const CLAIMS = 2000;

function startServer(port: number, databaseUrl: string, scratch: string): Promise<ChildProcess> {
  const child = spawn("npm", ["start"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", DEMO_MODE: "on", SIGNIN_RATE_LIMIT: "1000", STORAGE_DIR: path.join(scratch, "save-storage") },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout!.on("data", (d) => (log = (log + d).slice(-20_000)));
  child.stderr!.on("data", (d) => (log = (log + d).slice(-20_000)));
  serverLog = () => log;
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 300_000;
    const poll = async () => {
      try {
        if ((await fetch(`http://localhost:${port}/api/health`)).ok) return resolve(child);
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null || Date.now() > deadline) return reject(new Error(`server did not start:\n${log}`));
      setTimeout(poll, 500);
    };
    void poll();
  });
}

/** p99 latency (ms) of the cached page under 10 connections, for as long as `during` runs (or `seconds`). */
async function p99(url: string, seconds: number, during?: Promise<unknown>): Promise<{ p99: number; requests: number }> {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: 10, duration: during ? 600 : seconds }, (error, r) => (error ? reject(error) : resolve(r)));
    if (during) void during.finally(() => instance.stop());
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { p99: result.latency.p99, requests: result.requests.total };
}

export async function benchLargeSave(scratch: string, fmt: (n: number, digits?: number) => string): Promise<Row[]> {
  const port = Number(process.env.BENCH_PORT ?? 3300) + 1;
  const databaseUrl = `file:${path.join(scratch, "save.db")}`;
  const base = `http://localhost:${port}`;
  const server = await startServer(port, databaseUrl, scratch);
  const browser = await chromium.launch({
    executablePath: ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((p) => fs.existsSync(p)),
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const folder = writeSyntheticDossier(path.join(scratch, "save-content"), "large-save", CLAIMS);
    const imported = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/import.ts", folder], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    });
    if (imported.status !== 0) throw new Error(`import failed:\n${imported.stdout}\n${imported.stderr}`);

    const page = await browser.newPage({ baseURL: base });
    await page.goto("/login");
    await page.getByLabel("Email").fill("journalist@example.com");
    await page.getByLabel("Password").fill("dossier-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/newsroom$/);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const editorPage = await fetch(`${base}/newsroom/dossiers/large-save/article`, { headers: { cookie } });
    const html = (await editorPage.text()).length;
    const body = fs.readFileSync(path.join(folder, "article.md"), "utf8").length;

    const reader = `${base}/fr/dossiers/mistral-ai`;
    await fetch(reader); // rendered once, then served from the cache
    const idle = await p99(reader, 10);

    await page.goto("/newsroom/dossiers/large-save/article", { timeout: 120_000 });
    // Hydrated once the browser has built the preview with its marked passages.
    await page.locator(".preview mark").first().waitFor({ timeout: 300_000 });
    const editor = page.getByLabel("Article (Markdown)");
    await editor.evaluate((area: HTMLTextAreaElement) => {
      // One change event for the whole text (typing 350k characters is not what is measured).
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
      setter.call(area, `Un paragraphe ajouté en tête de l'article, qui déplace chaque passage.\n\n${area.value}`);
      area.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.getByText("Unsaved changes.").waitFor({ timeout: 300_000 });
    const started = performance.now();
    await page.getByRole("button", { name: "Save article" }).click({ timeout: 300_000 });
    const saving = Promise.race([
      page.getByText(/Saved as revision/).waitFor({ timeout: 900_000 }),
      page.getByRole("alert").filter({ hasText: /\w/ }).first().waitFor({ timeout: 900_000 }).then(async () => {
        throw new Error(`the save was refused: ${await page.getByRole("alert").filter({ hasText: /\w/ }).first().innerText()}`);
      }),
    ]);
    const busy = await p99(reader, 0, saving);
    await saving;
    const saveMs = performance.now() - started;
    return [
      {
        bench: `cached reader page (p99, 10 connections) while a ${fmt(CLAIMS, 0)}-claim article is saved (every passage moves)`,
        baseline: `no save running: p99 ${fmt(idle.p99)} ms (${fmt(idle.requests, 0)} requests in 10 s)`,
        measured: `during the save (${fmt(saveMs / 1000)} s): p99 ${fmt(busy.p99)} ms (${fmt(busy.requests, 0)} requests)`,
        ratio: `${fmt(busy.p99 / idle.p99, 2)}× (goal ≤ 1.5×)`,
      },
      {
        bench: `newsroom editor page of a ${fmt(CLAIMS, 0)}-claim article (${fmt(body / 1000, 0)}k characters of Markdown)`,
        baseline: `the article: ${fmt(body / 1e6, 2)} MB`,
        measured: `HTML: ${fmt(html / 1e6, 2)} MB`,
        ratio: `${fmt(html / body, 2)}× the article`,
      },
    ];
  } catch (error) {
    console.error(`The benchmark server said:\n${serverLog()}`);
    throw error;
  } finally {
    await browser.close();
    process.kill(-server.pid!, "SIGTERM");
  }
}
