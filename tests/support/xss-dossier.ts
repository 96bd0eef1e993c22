// Writes a dossier folder whose every text field carries the XSS corpus, for the importer, the
// data layer and the pages to prove they keep it inert.
import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { HTML_ATTACKS, XSS_CORPUS } from "../fixtures/xss-corpus";

export const XSS_SLUG = "xss";
/** Plain sentences the claims are anchored to (the attack strings render unpredictably). */
export const SAFE_PASSAGES = ["Première phrase sûre de l'enquête", "Deuxième phrase sûre de l'enquête"] as const;

const all = XSS_CORPUS.join(" ");
const pick = (i: number) => XSS_CORPUS[i % XSS_CORPUS.length]!;
/**
 * As many attack strings as fit in a field of `max` characters, starting at `from`: the file
 * must stay within the newsroom's own limits (the importer refuses what the newsroom would).
 */
const fit = (prefix: string, max: number, from = 0) => {
  let text = prefix;
  for (let i = from; i < from + XSS_CORPUS.length; i++) {
    const next = `${text} ${pick(i)}`;
    if (next.length > max) break;
    text = next;
  }
  return text;
};

export function xssDossierData(slug = XSS_SLUG) {
  return {
    slug,
    title: `Titre ${HTML_ATTACKS[0]} ${HTML_ATTACKS[2]}`,
    summary: fit("Résumé", 1000),
    language: "fr",
    status: "published",
    publishedAt: "2024-01-10",
    entities: [{ key: "personne", kind: "person", name: `Nom ${HTML_ATTACKS[4]}`, description: `Rôle ${HTML_ATTACKS[15]}` }],
    sources: [
      {
        key: "document",
        kind: "document",
        title: fit("Document", 300, 10),
        url: `https://example.org/"><script>alert('xss')</script>`,
        publisher: `Éditeur ${HTML_ATTACKS[2]}`,
        author: `Auteur ${HTML_ATTACKS[11]}`,
        date: "2023-06-0X",
        reliability: "high",
      },
      {
        key: "secret",
        kind: "person",
        title: "Titre secret de la source",
        confidential: true,
        publicDescription: `Description publique ${HTML_ATTACKS[5]}`,
        identity: "Identité secrète de la source",
        notes: "Notes internes secrètes",
      },
    ],
    claims: SAFE_PASSAGES.map((passage, i) => ({
      key: `affirmation-${i + 1}`,
      text: `Affirmation ${i + 1} ${pick(i * 7)} ${pick(i * 7 + 3)} ${pick(i * 7 + 5)}`,
      anchor: { exact: passage },
      evidence: [{ source: i === 0 ? "document" : "secret", stance: "supports", excerpt: `Extrait ${pick(i * 5 + 1)}`, note: `Note ${pick(2)}` }],
      verdicts: [
        { status: "verified", rationale: `Motif ${pick(i + 8)} ${pick(i + 20)}`, decidedAt: "2024-01-08" },
        ...(i === 1 ? [{ status: "false", rationale: `Motif corrigé ${pick(30)}`, decidedAt: "2024-02-01", correctionNote: `Correction ${pick(31)} ${pick(40)}` }] : []),
      ],
    })),
    quotes: [
      { key: "citation", text: `Citation ${all}`, speaker: "personne", date: "2023-12", context: `Contexte ${pick(9)}`, source: "document" },
      { key: "anonyme", text: `Citation anonyme ${pick(12)}`, speakerLabel: `Étiquette ${pick(13)}`, source: "secret", onRecord: false, context: `Contexte ${pick(14)}` },
    ],
    questions: [
      { key: "ouverte", text: `Question ${pick(16)} ${pick(40)}` },
      { key: "repondue", text: `Question répondue ${pick(17)}`, status: "answered", answer: `Réponse ${pick(18)} ${pick(41)}`, answeredBy: "affirmation-1", answeredAt: "2024-01-09" },
    ],
    events: [
      { key: "evenement", title: `Événement ${pick(19)}`, description: `Description ${pick(20)} ${pick(44)}`, date: "2023-06~", claims: ["affirmation-1"], sources: ["document", "secret"] },
      { key: "prevu", title: `Prévu ${pick(21)}`, date: "2024-21", certainty: "expected", claims: ["affirmation-2"] },
    ],
  };
}

export function xssArticle(): string {
  return [
    `# Enquête ${HTML_ATTACKS[0]}`,
    `${SAFE_PASSAGES[0]}.`,
    ...XSS_CORPUS,
    `${SAFE_PASSAGES[1]}.`,
    "",
  ].join("\n\n");
}

/** Writes <parent>/<slug>/{dossier.yaml,article.md} and returns the folder. */
export function writeXssDossier(parent: string, slug = XSS_SLUG, edit?: (data: ReturnType<typeof xssDossierData>) => unknown): string {
  const dir = path.join(parent, slug);
  fs.mkdirSync(dir, { recursive: true });
  const data = xssDossierData(slug);
  fs.writeFileSync(path.join(dir, "dossier.yaml"), stringify(edit ? edit(data) : data));
  fs.writeFileSync(path.join(dir, "article.md"), xssArticle());
  return dir;
}
