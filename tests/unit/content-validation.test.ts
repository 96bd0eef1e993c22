// The content loader rejects invalid files with the file, the line, the field and the reason.
import { describe, expect, it } from "vitest";
import { formatContentError, loadDossierFolder } from "@/lib/content/load-dossier-folder";
import { scratchCopy } from "../support/content";

function errorsFor(edit: Parameters<typeof scratchCopy>[1]) {
  const result = loadDossierFolder(scratchCopy("mini", edit));
  if (result.ok) throw new Error("expected the folder to be rejected");
  return result.errors;
}

describe("content validation", () => {
  it("accepts the valid fixture and resolves every anchor", () => {
    const result = loadDossierFolder(scratchCopy("mini"));
    expect(result.ok).toBe(true);
    if (result.ok) expect([...result.dossier.anchors.keys()]).toEqual(["creation", "recrutement"]);
  });

  it.each([
    ["an unknown field", (y: string) => y.replace("summary:", "sumary:"), "", /Unrecognized key.*sumary/],
    ["a bad source kind", (y: string) => y.replace("kind: official-record", "kind: rumour"), "sources[0].kind", /official-record/],
    ["an invalid EDTF date", (y: string) => y.replace("date: 2022~", "date: vers 2022"), "events[1].date", /not a valid EDTF date.*2023-06~/],
    ["a confidential source without public description", (y: string) => y.replace("    publicDescription: Une personne proche de la direction\n", ""), "sources[1].publicDescription", /confidential source needs a public description/],
    ["evidence pointing at a missing source", (y: string) => y.replace("source: registre\n        stance", "source: greffe\n        stance"), "claims[0].evidence[0].source", /"greffe", which is not defined/],
    ["a passage that is not in the article", (y: string) => y.replace("exact: a été créée le 3 mars 2021 à Lyon", "exact: a été fondée à Paris en 1999 par personne"), "claims[0].anchor.exact", /not found in .*article\.md/],
    ["a verified verdict without evidence", (y: string) => y.replace(/    evidence:\n      - source: registre\n        stance: supports\n        excerpt: .*\n/, ""), "claims[0].verdicts[0].status", /needs at least one evidence/],
    ["a slug that differs from the folder", (y: string) => y.replace("slug: mini", "slug: autre"), "slug", /must match the folder name "mini"/],
    ["a duplicate key", (y: string) => y.replace("key: recrutement\n    text", "key: creation\n    text"), "claims[1].key", /duplicate key "creation"/],
    ["a bad date", (y: string) => y.replace("publishedAt: 2024-01-10", "publishedAt: 10/01/2024"), "publishedAt", /YYYY-MM-DD/],
  ])("rejects %s", (_label, yaml, field, message) => {
    const errors = errorsFor({ yaml });
    const match = errors.find((e) => e.field === field && message.test(e.message));
    expect(match, JSON.stringify(errors, null, 2)).toBeDefined();
    expect(match!.file).toMatch(/mini\/dossier\.yaml$/);
    expect(match!.line).toBeGreaterThan(0);
  });

  it("reports YAML syntax errors with their line", () => {
    const errors = errorsFor({ yaml: (y) => y.replace("title: Une petite enquête", "title: [Une petite enquête") });
    expect(errors[0]!.message).toMatch(/not valid YAML/);
    expect(errors[0]!.line).toBeGreaterThan(0);
  });

  it("reports a passage that occurs twice and asks for context", () => {
    const errors = errorsFor({ article: (a) => a + "\nElle aurait recruté vingt personnes en 2022, encore.\n" });
    expect(errors.map(formatContentError).join("\n")).toMatch(/claims\[1\]\.anchor\.exact: the passage occurs more than once/);
  });

  it("never says a passage occurs more than once when it occurs nowhere, and names what differs", () => {
    // Two sentences equally close to the anchor ("vingt" where it says "vingt-deux", or "2023"), neither it.
    const errors = errorsFor({
      article: (a) => a.replace("recruté vingt personnes en 2022", "recruté vingt personnes en 2023") + "\nElle aurait recruté vingt personnes en 2024, encore.\n",
    });
    const message = errors.map(formatContentError).join("\n");
    expect(message).toMatch(/claims\[1\]\.anchor\.exact: the passage was not found in .*article\.md/);
    expect(message).toMatch(/2 in your passage, [34] in the article/);
    expect(message).not.toMatch(/more than once/);
  });

  it("demands a correction note for a verdict changed after publication", () => {
    const errors = errorsFor({
      yaml: (y) => y.replace("        decidedAt: 2024-01-08\n  - key: recrutement", "        decidedAt: 2024-01-08\n      - status: outdated\n        rationale: Dépassé.\n        decidedAt: 2024-02-01\n  - key: recrutement"),
    });
    expect(errors.map(formatContentError).join("\n")).toMatch(/claims\[0\]\.verdicts\[1\]\.correctionNote: decided after the dossier's publication \(2024-01-10\): a correction note for readers is required/);
  });

  it("demands a correction note for a first verdict decided after publication (readers would see a correction without a word)", () => {
    const errors = errorsFor({ yaml: (y) => y.replace(/decidedAt: 2024-01-08/, "decidedAt: 2024-02-01") });
    expect(errors.map(formatContentError).join("\n")).toMatch(/claims\[0\]\.verdicts\[0\]\.correctionNote: decided after the dossier's publication/);
  });

  it("applies four eyes: a claim's author cannot mark it verified", () => {
    const errors = errorsFor({ yaml: (y) => y.replace("  - key: creation\n", "  - key: creation\n    author: julie@example.com\n").replace("        decidedAt: 2024-01-08\n", "        decidedAt: 2024-01-08\n        decidedBy: julie@example.com\n") });
    expect(errors.map(formatContentError).join("\n")).toMatch(/claims\[0\]\.verdicts\[0\]\.decidedBy: julie@example\.com wrote this claim, so cannot mark it "Verified"/);
  });

  it("formats errors as file:line: field: reason", () => {
    const [error] = errorsFor({ yaml: (y) => y.replace("kind: official-record", "kind: rumour") });
    expect(formatContentError(error!)).toMatch(/mini\/dossier\.yaml:\d+: sources\[0\]\.kind: /);
  });
});
