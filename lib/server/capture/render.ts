import "server-only";
// A screenshot (or PDF) of the captured page in Chromium, when one is installed. The browser never
// reaches the network itself: the page is the captured response, served from memory, JavaScript is
// off, and every sub-resource it asks for (images, styles, fonts) goes through the same guarded
// fetch as the page (internal addresses refused, size and deadline enforced) and is kept for the
// WARC. A dead proxy catches anything that would slip past the interception.
import type { Browser } from "playwright-core";
import type { CaptureSettings } from "./settings";
import { decodedBody, fetchOnce, headerValue, type Exchange } from "./safe-fetch";

export interface Rendered {
  kind: "screenshot" | "pdf";
  mediaType: "image/png" | "application/pdf";
  bytes: Uint8Array;
  at: string;
  browserVersion: string;
  subresources: Exchange[];
}

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
  "--mute-audio",
  // Nothing leaves the browser on its own: intercepted requests are answered from Dossier's fetch.
  "--proxy-server=http://127.0.0.1:9",
  "--proxy-bypass-list=<-loopback>",
  "--host-resolver-rules=MAP * ~NOTFOUND",
];

export async function renderPage(
  page: { url: string; exchange: Exchange; body: Uint8Array },
  settings: CaptureSettings,
  deadline: number,
): Promise<Rendered | null> {
  if (!settings.browserPath || settings.render === "off") return null;
  const { chromium } = await import("playwright-core");
  let browser: Browser | null = null;
  const subresources: Exchange[] = [];
  let budget = settings.maxBytes;
  try {
    browser = await chromium.launch({ executablePath: settings.browserPath, args: ARGS, timeout: Math.max(1000, deadline - Date.now()) });
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, serviceWorkers: "block", acceptDownloads: false });
    await context.route("**/*", async (route) => {
      const request = route.request();
      const url = request.url();
      if (url === page.url && request.isNavigationRequest()) {
        const headers = Object.fromEntries(
          page.exchange.responseHeaders
            .filter(([k]) => !["content-encoding", "content-length", "content-security-policy", "set-cookie"].includes(k.toLowerCase()))
            .map(([k, v]) => [k, v]),
        );
        await route.fulfill({ status: page.exchange.status, headers, body: Buffer.from(page.body) });
        return;
      }
      if (request.method() !== "GET" || !/^https?:/.test(url) || subresources.length >= settings.maxSubresources || budget <= 0 || request.isNavigationRequest()) {
        await route.abort("blockedbyclient");
        return;
      }
      try {
        const exchange = await fetchOnce(url, {
          allowPrivateHosts: settings.allowPrivateHosts,
          userAgent: settings.userAgent,
          deadline: Math.min(deadline, Date.now() + 10_000),
          maxBytes: Math.min(budget, 10_000_000),
          accept: "*/*",
        });
        budget -= exchange.body.byteLength;
        subresources.push(exchange);
        const body = decodedBody(exchange, settings.maxBytes);
        const contentType = headerValue(exchange.responseHeaders, "content-type") ?? "application/octet-stream";
        await route.fulfill({ status: exchange.status, headers: { "content-type": contentType }, body: Buffer.from(body) });
      } catch {
        await route.abort("failed");
      }
    });
    const tab = await context.newPage();
    const timeout = Math.max(1000, deadline - Date.now());
    await tab.goto(page.url, { waitUntil: "load", timeout });
    const at = new Date().toISOString();
    const bytes =
      settings.render === "pdf"
        ? await tab.pdf({ printBackground: true, format: "A4" })
        : await tab.screenshot({ fullPage: true, type: "png", timeout: Math.max(1000, deadline - Date.now()) });
    return {
      kind: settings.render === "pdf" ? "pdf" : "screenshot",
      mediaType: settings.render === "pdf" ? "application/pdf" : "image/png",
      bytes: new Uint8Array(bytes),
      at,
      browserVersion: `Chromium ${browser.version()}`,
      subresources,
    };
  } finally {
    await browser?.close().catch(() => undefined);
  }
}
