// Copies a content fixture to a scratch folder so a test can break it without touching the repo.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const FIXTURES = path.join(process.cwd(), "tests", "fixtures", "content");

export function scratchCopy(fixture: string, edit?: { yaml?: (text: string) => string; article?: (text: string) => string }): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-content-"));
  const dir = path.join(parent, fixture);
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  const yamlFile = path.join(dir, "dossier.yaml");
  const articleFile = path.join(dir, "article.md");
  if (edit?.yaml) fs.writeFileSync(yamlFile, edit.yaml(fs.readFileSync(yamlFile, "utf8")));
  if (edit?.article) fs.writeFileSync(articleFile, edit.article(fs.readFileSync(articleFile, "utf8")));
  return dir;
}
