import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadVerdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { DEFAULT_VERDICTS, findVerdict, verdictIcon } from "@/lib/domain/verdicts";

function file(content: string): string {
  const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "verdicts-")), "verdicts.yaml");
  fs.writeFileSync(p, content);
  return p;
}

describe("installation verdict vocabulary", () => {
  it("uses the default vocabulary when no file is configured", () => {
    expect(loadVerdictVocabulary(undefined)).toBe(DEFAULT_VERDICTS);
  });

  it("loads a newsroom's own vocabulary", () => {
    const vocab = loadVerdictVocabulary(
      file(`- key: accurate
  label: { fr: Vrai, en: "True" }
  description: { fr: Confirmé par nos sources., en: Confirmed by our sources. }
  rating: 5
  needsEvidence: true
  tone: positive
`),
    );
    expect(vocab.map((v) => v.key)).toEqual(["accurate"]);
  });

  it("gives Outdated and Unverifiable different icons (both are neutral), and takes a newsroom's own", () => {
    expect(verdictIcon(findVerdict("outdated"))).toBe("⌛");
    expect(verdictIcon(findVerdict("unverifiable"))).toBe("?");
    expect(verdictIcon(undefined)).toBe("…");
    const neutral = DEFAULT_VERDICTS.filter((v) => v.tone === "neutral").map(verdictIcon);
    expect(new Set(neutral).size).toBe(neutral.length);
    const [own] = loadVerdictVocabulary(
      file(`- key: pending-court
  label: { fr: En attente du tribunal, en: Awaiting the court }
  description: { fr: Le tribunal n’a pas statué., en: The court has not ruled. }
  rating: -1
  needsEvidence: false
  tone: neutral
  icon: "⚖"
`),
    );
    expect(verdictIcon(own)).toBe("⚖");
    expect(() => loadVerdictVocabulary(file(`- key: x\n  label: { fr: X, en: X }\n  description: { fr: X, en: X }\n  rating: 1\n  needsEvidence: false\n  tone: neutral\n  icon: "far too long"\n`))).toThrow(/icon/);
  });

  it("lets a verdict require a second person (four eyes), and refuses a non-boolean", () => {
    const entry = (fourEyes: string) => `- key: documented
  label: { fr: Documenté, en: Documented }
  description: { fr: Étayé par des documents., en: Backed by documents. }
  rating: 4
  needsEvidence: true
  fourEyes: ${fourEyes}
  tone: positive
`;
    expect(loadVerdictVocabulary(file(entry("true")))[0]).toMatchObject({ key: "documented", fourEyes: true });
    expect(() => loadVerdictVocabulary(file(entry("sometimes")))).toThrow(/\[0\]\.fourEyes/);
  });

  it("refuses an invalid file with the entry and the field", () => {
    expect(() => loadVerdictVocabulary(file(`- key: Vrai!\n  label: { fr: Vrai }\n  rating: 9\n`))).toThrow(
      /VERDICTS_FILE .* is invalid:\n {2}\[0\]\.key: must be lower-case[\s\S]*\[0\]\.label\.en[\s\S]*\[0\]\.rating/,
    );
  });

  it("refuses duplicate keys", () => {
    const one = `- key: ok\n  label: { fr: a, en: a }\n  description: { fr: a, en: a }\n  rating: 1\n  needsEvidence: false\n  tone: neutral\n`;
    expect(() => loadVerdictVocabulary(file(one + one))).toThrow(/verdict keys must be unique/);
  });
});
