// `npm run bench -- --only=save` (issue 10, item 4): does one large save freeze the site?
// A server (`npm start`, its own SQLite file) holds the sample and a 2,000-claim dossier. The p99
// latency of cached reader requests (the sample's page, 10 connections) is measured with nothing
// else running, then while a journalist saves the large article with a paragraph added at the top
// (every claim's passage moves: 2,000 re-anchored), both in the same run.
// The save is the editor's own request: Chromium edits the article and clicks "Save article", the
// server action's request is captured (and not sent), Chromium is closed (it would share the two
// cores with the server), then that request is sent by this process with no client-side timeout —
// a browser or Playwright limit can no longer fail a slow save, only the server's own answer.
// Also: the HTML size of that dossier's editor page.
// Every server it starts runs in its own process group and is killed on every path (finally,
// SIGINT/SIGTERM, process exit), so a failed run leaves nothing listening.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import { chromium } from "playwright-core";
import { writeSyntheticDossier } from "./synthetic";

/** The benchmark server's output (its last 20 kB), printed when the benchmark fails. */
let serverLog = () => "";
type Row = { bench: string; baseline: string; measured: string; ratio: string };
const CLAIMS = 2000;

const started = new Set<ChildProcess>();
function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}
process.once("exit", () => started.forEach((c) => killGroup(c, "SIGKILL")));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    started.forEach((c) => killGroup(c, "SIGKILL"));
    process.exit(130);
  });
}

/** Stops the server's whole process group (npm → start.ts → serve.ts), forcibly after 10 s. */
async function stopServer(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
  // Grandchildren that outlived their parent.
  killGroup(child, "SIGKILL");
  started.delete(child);
}

function startServer(port: number, databaseUrl: string, scratch: string): Promise<ChildProcess> {
  const child = spawn("npm", ["start"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", DEMO_MODE: "on", SIGNIN_RATE_LIMIT: "1000", STORAGE_DIR: path.join(scratch, "save-storage") },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  started.add(child);
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
      if (child.exitCode !== null || Date.now() > deadline) {
        void stopServer(child).then(() => reject(new Error(`server did not start:\n${log}`)));
        return;
      }
      setTimeout(poll, 500);
    };
    void poll();
  });
}

/** p99 latency (ms) of the cached page under 10 connections, for as long as `during` runs (or `seconds`). */
async function p99(url: string, seconds: number, during?: Promise<unknown>): Promise<{ p99: number; max: number; requests: number }> {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: 10, duration: during ? 3600 : seconds }, (error, r) => (error ? reject(error) : resolve(r)));
    if (during) void during.finally(() => instance.stop());
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { p99: result.latency.p99, max: result.latency.max, requests: result.requests.total };
}

/** Sends a captured request (no timeout on this side) and returns its status and body. */
function send(url: string, request: { headers: Record<string, string>; body: Buffer }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers };
    for (const name of Object.keys(headers)) if (name.startsWith(":") || name === "content-length" || name === "host" || name === "connection") delete headers[name];
    const req = http.request(url, { method: "POST", headers: { ...headers, "content-length": String(request.body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(0);
    req.on("error", reject);
    req.end(request.body);
  });
}

export async function benchLargeSave(scratch: string, fmt: (n: number, digits?: number) => string): Promise<Row[]> {
  // Ports: BENCH_PORT + 1 (BENCH_PORT is the http benchmark's).
  const port = Number(process.env.BENCH_PORT ?? 3300) + 1;
  const databaseUrl = `file:${path.join(scratch, "save.db")}`;
  const base = `http://localhost:${port}`;
  const editorPath = "/newsroom/dossiers/large-save/article";
  const server = await startServer(port, databaseUrl, scratch);
  try {
    const folder = writeSyntheticDossier(path.join(scratch, "save-content"), "large-save", CLAIMS);
    const imported = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/import.ts", folder], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    });
    if (imported.status !== 0) throw new Error(`import failed:\n${imported.stdout}\n${imported.stderr}`);

    // The editor's save request, as Chromium sends it.
    let saveRequest: { headers: Record<string, string>; body: Buffer } | null = null;
    let cookie = "";
    const browser = await chromium.launch({
      executablePath: ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((p) => fs.existsSync(p)),
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    try {
      const page = await browser.newPage({ baseURL: base });
      page.setDefaultTimeout(300_000);
      page.setDefaultNavigationTimeout(300_000);
      await page.goto("/login");
      await page.getByLabel("Email").fill("journalist@example.com");
      await page.getByLabel("Password").fill("dossier-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/newsroom$/);
      cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

      let captured!: () => void;
      const capturedSave = new Promise<void>((resolve) => (captured = resolve));
      let armed = false;
      await page.route(`**${editorPath}`, async (route) => {
        const request = route.request();
        const headers = await request.allHeaders();
        // Only the save (the autosave's draft requests go through).
        if (armed && request.method() === "POST" && headers["next-action"] && (request.postData() ?? "").includes("confirmOrphans")) {
          saveRequest = { headers: { ...headers, cookie }, body: request.postDataBuffer()! };
          captured();
          return route.abort();
        }
        return route.continue();
      });
      await page.goto(editorPath);
      // Hydrated once the browser has built the preview with its marked passages.
      await page.locator(".preview mark").first().waitFor();
      const editor = page.getByLabel("Article (Markdown)");
      await editor.evaluate((area: HTMLTextAreaElement) => {
        // One change event for the whole text (typing 350k characters is not what is measured).
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
        setter.call(area, `Un paragraphe ajouté en tête de l'article, qui déplace chaque passage.\n\n${area.value}`);
        area.dispatchEvent(new Event("input", { bubbles: true }));
      });
      await page.getByText("Unsaved changes.").waitFor();
      armed = true;
      await page.getByRole("button", { name: "Save article" }).click();
      await capturedSave;
    } finally {
      await browser.close();
    }
    if (!saveRequest) throw new Error("the editor sent no save request");

    const editorPage = await fetch(`${base}${editorPath}`, { headers: { cookie } });
    if (!editorPage.ok) throw new Error(`editor page: ${editorPage.status}`);
    const html = Buffer.byteLength(await editorPage.text());
    const body = Buffer.byteLength(fs.readFileSync(path.join(folder, "article.md"), "utf8"));

    const reader = `${base}/fr/dossiers/mistral-ai`;
    await fetch(reader); // rendered once, then served from the cache
    const idle = await p99(reader, 10);

    const startedAt = performance.now();
    const saving = send(`${base}${editorPath}`, saveRequest);
    const busy = await p99(reader, 0, saving);
    const answer = await saving;
    const saveMs = performance.now() - startedAt;
    if (answer.status !== 200 || !answer.body.includes('"ok":true')) throw new Error(`the save failed (${answer.status}): ${answer.body.slice(0, 2000)}`);
    const revision = /"revision":(\d+)/.exec(answer.body)?.[1] ?? "?";
    const moved = /"moved":\[([^\]]*)\]/.exec(answer.body)?.[1]?.split(",").filter(Boolean).length;
    if (moved !== undefined && moved !== CLAIMS) throw new Error(`the save moved ${moved} claims, not ${CLAIMS}`);
    const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    console.log(`large save: ${fmt(saveMs / 1000)} s for ${CLAIMS} moved claims (revision ${revision}); load average ${load}`);
    return [
      {
        bench: `cached reader page (p99, 10 connections) while a ${fmt(CLAIMS, 0)}-claim article is saved (every passage moves; load average ${load})`,
        baseline: `no save running: p99 ${fmt(idle.p99)} ms, max ${fmt(idle.max)} ms (${fmt(idle.requests, 0)} requests in 10 s)`,
        measured: `during the save (${fmt(saveMs / 1000)} s): p99 ${fmt(busy.p99)} ms, max ${fmt(busy.max)} ms (${fmt(busy.requests, 0)} requests)`,
        ratio: `${fmt(busy.p99 / idle.p99, 2)}× (goal ≤ 1.5×)`,
      },
      {
        bench: `newsroom editor page of a ${fmt(CLAIMS, 0)}-claim article (${fmt(body / 1000, 0)} kB of Markdown)`,
        baseline: `the article: ${fmt(body / 1e6, 2)} MB`,
        measured: `HTML: ${fmt(html / 1e6, 2)} MB`,
        ratio: `${fmt(html / body, 2)}× the article`,
      },
    ];
  } catch (error) {
    console.error(`The benchmark server said:\n${serverLog()}`);
    throw error;
  } finally {
    await stopServer(server);
  }
}
