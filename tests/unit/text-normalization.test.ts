import { describe, expect, it } from "vitest";
import { normalizeText, normalizeWithOffsets, sameWords } from "@/lib/domain/text-normalization";

describe("one typographic normalisation", () => {
  it("treats curly and straight apostrophes and quotes as the same", () => {
    expect(sameWords("Mistral AI a levé 105 millions d’euros", "Mistral AI a levé 105 millions d'euros")).toBe(true);
    expect(sameWords("il a dit “non”", 'il a dit "non"')).toBe(true);
    expect(sameWords("‘non’", "'non'")).toBe(true);
  });

  it("treats « guillemets » with their spaces as straight double quotes", () => {
    expect(sameWords("des modèles « souverains »", 'des modèles "souverains"')).toBe(true);
    expect(sameWords("des modèles «\u202Fsouverains\u202F»", "des modèles « souverains »")).toBe(true);
    expect(sameWords("des modèles «souverains»", 'des modèles "souverains"')).toBe(true);
  });

  it("treats no-break, narrow no-break spaces, line breaks and runs of spaces as one space", () => {
    expect(sameWords("105\u00A0millions", "105 millions")).toBe(true);
    expect(sameWords("105\u202Fmillions", "105 millions")).toBe(true);
    expect(sameWords("105  millions\nd'euros", "105 millions d'euros")).toBe(true);
  });

  it("ignores the French spaces before ; : ! ?", () => {
    expect(sameWords("Faut-il s'inquiéter de ce mutisme ?", "Faut-il s'inquiéter de ce mutisme?")).toBe(true);
    expect(sameWords("une fourchette\u00A0: 11 à 50", "une fourchette: 11 à 50")).toBe(true);
  });

  it("treats dashes and the minus sign as a hyphen", () => {
    expect(sameWords("2023 – 2024", "2023 - 2024")).toBe(true);
    expect(sameWords("Samuelian‑Werve", "Samuelian-Werve")).toBe(true);
    expect(sameWords("une pause — longue", "une pause - longue")).toBe(true);
    expect(sameWords("−3 %", "-3 %")).toBe(true);
  });

  it("applies Unicode normalisation (composed and decomposed accents, ligatures, ellipsis)", () => {
    expect(sameWords("immatricule\u0301e", "immatriculée")).toBe(true);
    expect(sameWords("ef\uFB01cace", "efficace")).toBe(true);
    expect(sameWords("et puis…", "et puis...")).toBe(true);
    expect(sameWords("Mis\u00ADtral", "Mistral")).toBe(true);
  });

  it("keeps every change of words, digits and case", () => {
    expect(sameWords("105 millions d'euros", "15 millions d'euros")).toBe(false);
    expect(sameWords("tribunal de Paris", "tribunal de commerce de Paris")).toBe(false);
    expect(sameWords("Paris", "paris")).toBe(false);
    expect(sameWords("il a dit oui", "il a dit non")).toBe(false);
  });

  it("says where each normalised character comes from", () => {
    const original = "« 105\u00A0millions »";
    const n = normalizeWithOffsets(original);
    expect(n.text).toBe('"105 millions"');
    expect(n.text.length).toBe(n.startOf.length);
    const start = n.text.indexOf("105");
    expect(original.slice(n.startOf[start]!, n.endOf[start + "105 millions".length - 1]!)).toBe("105\u00A0millions");
    expect(normalizeText("e\u0301")).toBe("é");
  });
});
