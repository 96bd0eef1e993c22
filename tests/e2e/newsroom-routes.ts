// Every newsroom page route, read from the file system (so a new page cannot escape the tests
// that walk them), and real ids of the sample dossier's records to fill their parameters.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { signIn } from "./fixtures";

export const SAMPLE = "mistral-ai";

export function newsroomRoutes(): string[] {
  const root = path.join("app", "(newsroom)", "newsroom");
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === "page.tsx" ? [dir] : []));
  return walk(root).map((dir) => "/newsroom" + dir.slice(root.length).split(path.sep).join("/"));
}

/** Signs `page` in as a journalist and reads the ids of the sample dossier's first records. */
export async function sampleParams(page: Page): Promise<Record<string, string>> {
  await signIn(page, "journalist");
  const firstId = async (section: string, param: string) => {
    await page.goto(`/newsroom/dossiers/${SAMPLE}/${section}`);
    const href = await page.locator(`main a[href^="/newsroom/dossiers/${SAMPLE}/${section}/"]`).first().getAttribute("href");
    return [param, href!.split("/").pop()!] as const;
  };
  await page.goto(`/newsroom/dossiers/${SAMPLE}`);
  const dossierId = await page.locator('input[name="dossierId"]').first().inputValue();
  return Object.fromEntries([
    ["slug", SAMPLE],
    ["dossierId", dossierId],
    await firstId("claims", "claimId"),
    await firstId("sources", "sourceId"),
    await firstId("quotes", "quoteId"),
    await firstId("entities", "entityId"),
    await firstId("questions", "questionId"),
    await firstId("timeline", "eventId"),
  ]);
}

export const fill = (route: string, params: Record<string, string>) => route.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? "x");
