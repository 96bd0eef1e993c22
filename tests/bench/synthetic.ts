// Synthetic dossiers for benchmarks: n claims, each anchored to its own sentence.
import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";

export function sentence(i: number): string {
  return `Le fait numéro ${i} a été établi par la rédaction le ${(i % 28) + 1} mars, selon le document ${i}.`;
}

export function syntheticArticle(paragraphs: number): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    if (p % 10 === 0) out.push(`## Partie ${p / 10 + 1}`);
    out.push(`${sentence(p)} Un **contexte** utile suit, avec [un lien](https://example.org/${p}) et du texte ordinaire.`);
  }
  return out.join("\n\n") + "\n";
}

/** `uncheckedEvery`: every n-th claim has no verdict yet (the desk's waiting list). */
export function writeSyntheticDossier(dir: string, slug: string, claims: number, options: { uncheckedEvery?: number } = {}): string {
  const folder = path.join(dir, slug);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "article.md"), syntheticArticle(claims));
  const sources = Array.from({ length: Math.max(1, Math.ceil(claims / 4)) }, (_, i) => ({
    key: `s${i}`,
    kind: "document",
    title: `Document ${i}`,
    reliability: "high",
  }));
  const doc = {
    slug,
    title: `Synthetic ${slug} (${claims})`,
    status: "draft",
    sources,
    claims: Array.from({ length: claims }, (_, i) => ({
      key: `c${i}`,
      text: `Fait ${i}`,
      anchor: { exact: sentence(i) },
      evidence: [{ source: `s${Math.floor(i / 4)}`, stance: "supports", excerpt: `Extrait ${i}` }],
      verdicts: options.uncheckedEvery && i % options.uncheckedEvery === 0 ? [] : [{ status: "verified", rationale: "Document consulté.", decidedAt: "2024-01-01" }],
    })),
    events: Array.from({ length: Math.ceil(claims / 10) }, (_, i) => ({
      key: `e${i}`,
      title: `Événement ${i}`,
      date: `20${10 + (i % 15)}-0${(i % 9) + 1}~`,
      claims: [`c${i}`],
    })),
  };
  fs.writeFileSync(path.join(folder, "dossier.yaml"), stringify(doc));
  return folder;
}
