// Shared e2e fixtures: `login({ role })` signs a demo account in through the real /login form
// (the same path a person uses), and `expectAccessible(page)` runs axe on the current page.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";

export type Role = "journalist" | "editor" | "admin";
export const DEMO_PASSWORD = "dossier-demo";
export const demoEmail = (role: Role) => `${role}@example.com`;

/** Signs in on this page through /login and waits for the newsroom. */
export async function signIn(page: Page, role: Role): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demoEmail(role));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/newsroom$/);
}

/** A second, independent browser session (its own cookies) signed in as `role`. */
export async function otherSession(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, role);
  return page;
}

export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, "axe violations").toEqual([]);
}

export const test = base.extend<{ login: (options: { role: Role }) => Promise<void> }>({
  // (The fixture callback is Playwright's `use`, renamed: ESLint's React rules read `use` as a hook.)
  login: async ({ page }, provide) => {
    await provide((options) => signIn(page, options.role));
  },
});

export { expect };
