// Helpers for journeys that need content the sample does not have (a draft, the XSS corpus):
// imported into the running server's database with the real CLI, as a newsroom would.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { stringify, parse } from "yaml";

import { E2E_DATABASE_URL } from "./database";

export { E2E_DATABASE_URL };
const port = Number(process.env.E2E_PORT ?? 3100);

export function importFolder(dir: string): void {
  // The real `npm run import`, which also tells the running server to refresh its pages.
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/import.ts", dir], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, PORT: String(port) },
  });
  if (result.status !== 0) throw new Error(`import failed:\n${result.stdout}\n${result.stderr}`);
  if (!result.stdout.includes("The running server now shows the imported content.")) {
    throw new Error(`the server was not refreshed after the import:\n${result.stdout}\n${result.stderr}`);
  }
}

/** A copy of a test fixture folder under a new slug, with changes to its YAML data. */
export function fixtureCopy(fixture: string, slug: string, edit: (data: Record<string, unknown>) => Record<string, unknown>): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dossier-e2e-")), slug);
  fs.cpSync(path.join("tests", "fixtures", "content", fixture), dir, { recursive: true });
  const file = path.join(dir, "dossier.yaml");
  fs.writeFileSync(file, stringify(edit({ ...(parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>), slug })));
  return dir;
}

/**
 * A copy of the shipped sample (content/dossiers/mistral-ai) under a new slug and title, with
 * optional changes to its files: journeys that change the sample work on their own copy, so the
 * sample itself stays as shipped for every other journey.
 */
export function sampleCopy(slug: string, title: string, edit: { article?: (text: string) => string; yaml?: (text: string) => string } = {}): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dossier-e2e-")), slug);
  fs.cpSync(path.join("content", "dossiers", "mistral-ai"), dir, { recursive: true });
  const yamlFile = path.join(dir, "dossier.yaml");
  const yaml = fs.readFileSync(yamlFile, "utf8").replace(/^slug: mistral-ai$/m, `slug: ${slug}`).replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
  fs.writeFileSync(yamlFile, edit.yaml ? edit.yaml(yaml) : yaml);
  const articleFile = path.join(dir, "article.md");
  if (edit.article) fs.writeFileSync(articleFile, edit.article(fs.readFileSync(articleFile, "utf8")));
  return dir;
}
