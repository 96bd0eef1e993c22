// What the desk's journeys share: their own copy of tests/fixtures/content/desk under a fresh
// slug (claim authors set to the demo accounts: four eyes needs a claim the demo editor wrote),
// and the ways they reach a claim's verdict and a reader's view.
import type { Browser, Page } from "@playwright/test";
import { expect } from "./fixtures";
import { fixtureCopy, importFolder } from "./support";

export const DESK_CLAIMS = {
  siege: "Témoin a son siège à Nantes depuis 2019.",
  chiffre: "Témoin déclare 12 millions d'euros de chiffre d'affaires en 2023.",
  licenciements: "Témoin aurait licencié quarante personnes cet hiver.",
  produit: "Le premier produit de Témoin est sorti le 2 mai 2024.",
};
export type DeskClaimKey = keyof typeof DESK_CLAIMS;

/** Who wrote each claim: the demo editor wrote "chiffre", so four eyes keeps them from verifying it. */
const AUTHORS: Partial<Record<DeskClaimKey, string>> = { siege: "journalist@example.com", chiffre: "editor@example.com", licenciements: "journalist@example.com" };

/** Imports the desk fixture as a new dossier (through the real CLI) and returns its newsroom address. */
export function importDeskDossier(slug: string, title: string): string {
  importFolder(
    fixtureCopy("desk", slug, (data) => ({
      ...data,
      title,
      claims: (data.claims as { key: DeskClaimKey }[]).map((c) => ({ ...c, author: AUTHORS[c.key] })),
    })),
  );
  return `/newsroom/dossiers/${slug}`;
}

export const verdictRegion = (page: Page) => page.getByRole("region", { name: "Verdict" });

/** Opens a claim's newsroom page from its dossier's list of claims. */
export async function openClaim(page: Page, base: string, key: DeskClaimKey) {
  await page.goto(`${base}/claims`);
  await page.getByRole("link", { name: DESK_CLAIMS[key], exact: true }).click();
  await expect(page).toHaveURL(/\/claims\/[^/#]+(#verdict)?$/);
  await expect(verdictRegion(page)).toBeVisible();
}

/** A reader's browser: no newsroom session, the public site only. */
export async function readerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}
