// End-to-end tests in a real Chromium against `npm start` on a fresh database.
// Uses Debian's Chromium when present (no browser download on these machines), otherwise
// Playwright's own browser, so the suite also runs on an ordinary laptop.
import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { E2E_DATABASE_URL, E2E_HEALTH_TOKEN, E2E_PROVIDER } from "./tests/e2e/database";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const systemChromium = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: "tests/e2e",
  // One server, one database: journeys run one after another.
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: CI machines are shared and slower; no test asserts on time.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: systemChromium
          ? {
              executablePath: systemChromium,
              args: [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
              ],
            }
          : {},
      },
    },
  ],
  webServer: {
    // A fresh database each run, then exactly what a newsroom runs: `npm start`.
    // E2E_DATABASE picks SQLite (default) or PostgreSQL (tests/e2e/database.ts).
    command: `node tests/e2e/reset-db.mjs '${E2E_DATABASE_URL}' && npm start`,
    url: `${baseURL}/api/health`,
    // The first start builds the site: minutes on a busy 2-core machine.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: E2E_DATABASE_URL,
      // Lets tests/e2e/foundation.spec.ts read the health details as a monitor would.
      HEALTH_TOKEN: E2E_HEALTH_TOKEN,
      PORT: String(port),
      DEMO_MODE: "on",
      // Sign-in rate limiting has its own integration test; journeys sign in many times.
      SIGNIN_RATE_LIMIT: "1000",
      SIGNIN_ACCOUNT_LIMIT: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
      // Captures and uploads of this run, and the journeys' own web page to capture on 127.0.0.1
      // (tests/e2e/archive.spec.ts starts it): internal addresses are refused unless named here.
      STORAGE_DIR: path.join("tests", ".tmp", `e2e-${port}-${E2E_PROVIDER}-storage`),
      CAPTURE_ALLOW_PRIVATE_HOSTS: "127.0.0.1",
      // tests/e2e/webhooks.spec.ts's receiver listens on 127.0.0.1 too (docs/decisions/074).
      WEBHOOK_ALLOW_PRIVATE_HOSTS: "127.0.0.1",
    },
  },
});
