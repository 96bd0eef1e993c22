// Issue 10, item 5: a content file that is not clean UTF-8 text, or that abuses YAML, is refused
// with `file:line: field: reason` — never stored garbled ("Soci�t�"), never a stack trace — and
// issue 9, item 5: the importer refuses what the newsroom refuses, and warns when a quote's
// speaker label repeats a confidential source's withheld title.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { speakerLabelLeaks } from "@/lib/domain/confidential-label";
import { formatContentError, loadDossierFolder, type ContentError } from "@/lib/content/load-dossier-folder";
import { decodeText } from "@/lib/content/read-text-file";
import { scratchCopy } from "../support/content";

function refused(dir: string): string[] {
  const result = loadDossierFolder(dir);
  if (result.ok) throw new Error("expected the folder to be refused");
  return result.errors.map(formatContentError);
}

const rewrite = (dir: string, file: string, bytes: (text: string) => Buffer) => {
  const target = path.join(dir, file);
  fs.writeFileSync(target, bytes(fs.readFileSync(target, "utf8")));
  return dir;
};

describe("file encodings", () => {
  it("refuses a Latin-1 dossier.yaml, naming the byte, its line and column and the likely encoding", () => {
    const dir = rewrite(scratchCopy("mini", { yaml: (y) => y.replace("summary: Un dossier de test.", "summary: Société de test.") }), "dossier.yaml", (t) => Buffer.from(t, "latin1"));
    const [error, ...rest] = refused(dir);
    expect(rest).toEqual([]);
    // "Une petite enquête" is on line 3: its ê (0xEA in Latin-1) is the first byte that is not UTF-8.
    expect(error).toMatch(/mini\/dossier\.yaml:3: is not UTF-8: byte 0xEA at column 23 cannot be read as UTF-8 \(.*Latin-1 or Windows-1252, where it is “ê”\); save the file as UTF-8$/);
  });

  it("refuses a Latin-1 article.md the same way", () => {
    const dir = rewrite(scratchCopy("mini", { article: (a) => `${a}\nLa Société a répondu.\n` }), "article.md", (t) => Buffer.from(t, "latin1"));
    expect(refused(dir).join("\n")).toMatch(/mini\/article\.md:\d+: is not UTF-8: byte 0x[0-9A-F]{2} at column \d+/);
  });

  it("refuses a UTF-16 file and NUL bytes, with their line", () => {
    const utf16 = rewrite(scratchCopy("mini"), "dossier.yaml", (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]));
    expect(refused(utf16)).toEqual([expect.stringMatching(/dossier\.yaml:1: is encoded in UTF-16 .*save it as UTF-8/)]);
    const nul = scratchCopy("mini", { article: (a) => `${a}\nUne ligne\u0000 piégée.\n` });
    expect(refused(nul)).toEqual([expect.stringMatching(/article\.md:\d+: contains a NUL byte \(U\+0000\) at column 10/)]);
  });

  it("accepts UTF-8 with or without a byte-order mark, and rejects overlong and surrogate encodings", () => {
    const bom = rewrite(scratchCopy("mini"), "dossier.yaml", (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, "utf8")]));
    expect(loadDossierFolder(bom).ok).toBe(true);
    expect(decodeText(Buffer.from("Société 😀 €", "utf8"))).toEqual({ ok: true, text: "Société 😀 €" });
    for (const bytes of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      expect(decodeText(Uint8Array.from([0x61, 0x0a, ...bytes])), JSON.stringify(bytes)).toMatchObject({ ok: false, problem: { line: 2 } });
    }
  });
});

describe("YAML that is not plain data", () => {
  it("refuses an alias bomb before expanding it, with the line of the first alias", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
    const dir = scratchCopy("mini", { yaml: (y) => `${y}\n${bomb}\n` });
    const errors = refused(dir);
    expect(errors[0]).toMatch(/dossier\.yaml:\d+: YAML aliases \(\*a\) are not allowed in dossier files: write the value out in full/);
    expect(errors.length).toBeLessThanOrEqual(9);
  });

  it("refuses a single alias too", () => {
    const dir = scratchCopy("mini", { yaml: (y) => y.replace("title: Une petite enquête", "title: &t Une petite enquête").replace("summary: Un dossier de test.", "summary: *t") });
    expect(refused(dir)).toEqual([expect.stringMatching(/dossier\.yaml:4: YAML aliases \(\*t\)/)]);
  });

  it("refuses lone-surrogate and NUL escapes with file:line: field: reason", () => {
    expect(refused(scratchCopy("mini", { yaml: (y) => y.replace("summary: Un dossier de test.", 'summary: "Un dossier \\uD800 de test."') }))).toEqual([
      expect.stringMatching(/dossier\.yaml:4: summary: Summary contains a broken character \(half of a UTF-16 surrogate pair/),
    ]);
    expect(refused(scratchCopy("mini", { yaml: (y) => y.replace("text: Nous avons beaucoup recruté", 'text: "Nous avons\\0 beaucoup recruté"') }))).toEqual([
      expect.stringMatching(/dossier\.yaml:\d+: quotes\[0\]\.text: The quote contains a NUL character \(U\+0000\)/),
    ]);
  });

  it("answers a file nested too deeply with a sentence", () => {
    const dir = scratchCopy("mini", { yaml: (y) => `${y}\nzz: ${"[".repeat(20000)}${"]".repeat(20000)}\n` });
    expect(refused(dir).join("\n")).toMatch(/dossier\.yaml(:\d+)?: (not valid YAML: )?.*nested too deeply/);
  });
});

describe("the newsroom's rules, in files", () => {
  it.each([
    ["a claim longer than the newsroom accepts", (y: string) => y.replace("text: Exemple a été créée le 3 mars 2021.", `text: "${"x".repeat(1001)}"`), /claims\[0\]\.text: The claim must be at most 1000 characters\./],
    ["a slug the newsroom's own routes use", (y: string) => y.replace("slug: mini", "slug: new"), /slug: This web address is reserved/],
    ["a slug longer than a web address may be", (y: string) => y.replace("slug: mini", `slug: ${"m".repeat(81)}`), /slug: The web address must be at most 80 characters\./],
    ["an answered question without the claim that answers it", (y: string) => y.replace("text: Combien de salariés aujourd'hui ?", "text: Combien de salariés aujourd'hui ?\n    status: answered\n    answer: Vingt."), /questions\[0\]\.answeredBy: An answered question is answered by a claim/],
  ])("refuses %s", (_label, yaml, message) => {
    expect(refused(scratchCopy("mini", { yaml })).join("\n")).toMatch(message);
  });

  it("keeps a quote verbatim, as the newsroom does", () => {
    const result = loadDossierFolder(scratchCopy("mini", { yaml: (y) => y.replace("text: Nous avons beaucoup recruté", 'text: "  Nous avons beaucoup recruté  "') }));
    expect(result.ok && result.dossier.data.quotes[0]!.text).toBe("  Nous avons beaucoup recruté  ");
  });

  it("refuses an article.md longer than the newsroom's limit", () => {
    const dir = scratchCopy("mini", { article: (a) => a + "x".repeat(400_001) });
    expect(refused(dir)).toEqual([expect.stringMatching(/article\.md: The article must be at most 400,000 characters\. This one has 4\d\d,\d{3}\./)]);
  });

  it("ships a sample that passes every rule, warning-free", () => {
    const result = loadDossierFolder(path.join(process.cwd(), "content", "dossiers", "mistral-ai"));
    if (!result.ok) throw new Error(result.errors.map(formatContentError).join("\n"));
    expect(result.dossier.warnings).toEqual([]);
    const question = result.dossier.data.questions.find((q) => q.key === "sens-open-source")!;
    expect(question).toMatchObject({ status: "answered", answeredBy: "communication-debut-2024" });
    const secret = result.dossier.data.sources.find((s) => s.confidential)!;
    for (const quote of result.dossier.data.quotes) expect(quote.speakerLabel ?? "").not.toContain(secret.title);
  });
});

describe("speaker labels that repeat what is withheld about a confidential source", () => {
  it("warns with the file, line and field, naming the source by its key and public description", () => {
    const result = loadDossierFolder(scratchCopy("mini", { yaml: (y) => y.replace("speakerLabel: Une personne proche de la direction", "speakerLabel: Directeur financier d’Exemple") }));
    if (!result.ok) throw new Error("expected the folder to load");
    expect(result.dossier.warnings.map((w: ContentError) => formatContentError(w))).toEqual([
      expect.stringMatching(/dossier\.yaml:\d+: quotes\[0\]\.speakerLabel: warning: repeats the title of the confidential source "proche", which journalists never see.*“Une personne proche de la direction”/),
    ]);
  });

  it("matches a label equal to the title or identity whatever the typography, or containing it", () => {
    const sources = [{ name: "s", title: "Salariés et investisseurs ayant refusé de s'exprimer", identity: "Jean Secret, directeur financier" }];
    expect(speakerLabelLeaks("salariés et investisseurs ayant refusé de s’exprimer.", sources)).toEqual([{ source: "s", field: "title" }]);
    expect(speakerLabelLeaks("« Salariés  et investisseurs ayant refusé de s'exprimer »", sources)).toHaveLength(1);
    expect(speakerLabelLeaks("Selon Jean Secret, directeur financier", sources)).toEqual([{ source: "s", field: "identity" }]);
    expect(speakerLabelLeaks("Une personne contactée, sous couvert d'anonymat", sources)).toEqual([]);
    expect(speakerLabelLeaks("Salariés", sources)).toEqual([]);
    expect(speakerLabelLeaks(null, sources)).toEqual([]);
  });
});
