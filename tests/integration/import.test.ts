// The importer against a real SQLite file: what lands, idempotency, and all-or-nothing refusal.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { loadDossierFolder } from "@/lib/content/load-dossier-folder";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { importDossier } from "@/lib/server/content/import-dossier";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { scratchCopy } from "../support/content";
import { db, resetDatabase } from "../support/db";

async function rowCounts() {
  const [dossiers, revisions, claims, changes, evidence, sources, quotes, entities, questions, events, audit] = await Promise.all([
    db.dossier.count(),
    db.articleRevision.count(),
    db.claim.count(),
    db.verdictChange.count(),
    db.evidence.count(),
    db.source.count(),
    db.quote.count(),
    db.entity.count(),
    db.openQuestion.count(),
    db.timelineEvent.count(),
    db.auditLog.count(),
  ]);
  return { dossiers, revisions, claims, changes, evidence, sources, quotes, entities, questions, events, audit };
}

beforeEach(resetDatabase);

describe("importing content", () => {
  it("imports a dossier with its claims, verdict history, evidence, sources and timeline", async () => {
    const result = await importContentFolder(SYSTEM_IMPORT, scratchCopy("mini"));
    expect(result.ok).toBe(true);
    const dossier = await db.dossier.findUniqueOrThrow({
      where: { slug: "mini" },
      include: { claims: { orderBy: { position: "asc" }, include: { evidence: true, history: true } }, revisions: true, events: { include: { claims: true } } },
    });
    expect(dossier.status).toBe("published");
    expect(dossier.revisions).toHaveLength(1);
    expect(dossier.claims.map((c) => [c.key, c.verdict, c.reviewState, c.hedged])).toEqual([
      ["creation", "verified", "reviewed", false],
      ["recrutement", "unverifiable", "reviewed", true],
    ]);
    const creation = dossier.claims[0]!;
    expect(creation.anchorExact).toBe("a été créée le 3 mars 2021 à Lyon");
    expect(creation.evidence).toHaveLength(1);
    expect(creation.history).toHaveLength(1);
    expect(JSON.parse(creation.history[0]!.evidenceIds)).toEqual([creation.evidence[0]!.id]);
    const recruitment = dossier.events.find((e) => e.key === "recrutements")!;
    expect(recruitment).toMatchObject({ date: "2022~", certainty: "reported", sortStart: "2022-01-01T00:00:00.000Z" });
    expect(recruitment.claims).toHaveLength(1);
  });

  it("is idempotent: importing the same files again changes nothing", async () => {
    const dir = scratchCopy("mini");
    await importContentFolder(SYSTEM_IMPORT, dir);
    const before = await rowCounts();
    const again = await importContentFolder(SYSTEM_IMPORT, dir);
    expect(again).toMatchObject({ ok: true, imported: [{ slug: "mini", outcome: "unchanged" }] });
    expect(await rowCounts()).toEqual(before);
  });

  it("re-imports changed files by key: new revision, appended verdict, nothing deleted", async () => {
    await importContentFolder(SYSTEM_IMPORT, scratchCopy("mini"));
    const changed = scratchCopy("mini", {
      article: (a) => a.replace("# Une petite enquête", "# Une petite enquête, mise à jour"),
      yaml: (y) =>
        y
          .replace("        decidedAt: 2024-01-08\nquotes:", "        decidedAt: 2024-01-08\n      - status: verified\n        rationale: Confirmé par le registre du personnel.\n        decidedAt: 2024-02-01\n        correctionNote: Le nombre d'embauches est désormais confirmé.\nquotes:")
          .replace(/questions:\n  - key: effectif\n    text: .*\n/, "questions: []\n"),
    });
    const result = await importContentFolder(SYSTEM_IMPORT, changed);
    expect(result).toMatchObject({ ok: true, imported: [{ outcome: "updated", keptWithoutFile: ["question effectif"] }] });
    const claim = await db.claim.findFirstOrThrow({ where: { key: "recrutement" }, include: { history: { orderBy: { createdAt: "asc" } } } });
    expect(claim.verdict).toBe("verified");
    expect(claim.history.map((h) => [h.fromVerdict, h.toVerdict])).toEqual([
      [null, "unverifiable"],
      ["unverifiable", "verified"],
    ]);
    expect(claim.history[1]!.correctionNote).toBe("Le nombre d'embauches est désormais confirmé.");
    expect(await db.articleRevision.count()).toBe(2);
    expect(await db.openQuestion.count()).toBe(1);
  });

  it("writes nothing when any dossier in the folder is invalid", async () => {
    const parent = path.dirname(scratchCopy("mini"));
    const broken = path.join(parent, "broken");
    fs.cpSync(path.join(parent, "mini"), broken, { recursive: true });
    fs.writeFileSync(path.join(broken, "dossier.yaml"), fs.readFileSync(path.join(broken, "dossier.yaml"), "utf8").replace("slug: mini", "slug: broken").replace("stance: supports", "stance: agrees"));
    const before = await rowCounts();
    const result = await importContentFolder(SYSTEM_IMPORT, parent);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ field: "claims[0].evidence[0].stance" });
      expect(result.errors[0]!.file).toMatch(/broken\/dossier\.yaml$/);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("says so when a folder holds no dossier", async () => {
    const result = await importContentFolder(SYSTEM_IMPORT, path.join(process.cwd(), "tests", "fixtures"));
    expect(result).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("no dossier found") }] });
  });

  it("refuses an import by an actor without the permission and writes nothing", async () => {
    const loaded = loadDossierFolder(scratchCopy("mini"));
    if (!loaded.ok) throw new Error("fixture invalid");
    const journalist = { kind: "user", id: "u1", role: "journalist", email: "j@example.com", name: "J" } as const;
    await expect(importDossier(journalist, loaded.dossier)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.dossier.count()).toBe(0);
  });

  it("records the import in the audit log", async () => {
    await importContentFolder(SYSTEM_IMPORT, scratchCopy("mini"));
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "dossier.import" } });
    expect(entry).toMatchObject({ actorLabel: "import", dossierSlug: "mini", entityType: "dossier" });
  });
});

describe("the shipped sample dossier", () => {
  it("imports from content/dossiers with all twelve claims checked", async () => {
    const result = await importContentFolder(SYSTEM_IMPORT, path.join(process.cwd(), "content", "dossiers"));
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.file}:${e.line} ${e.field} ${e.message}`).join("\n"));
    const dossier = await db.dossier.findUniqueOrThrow({
      where: { slug: "mistral-ai" },
      select: { status: true, language: true, claims: { select: { verdict: true, evidence: { select: { id: true } } } }, questions: { select: { status: true, answeringClaimId: true } }, sources: { select: { confidential: true, publicDescription: true, url: true, publisher: true, kind: true } } },
    });
    expect(dossier).toMatchObject({ status: "published", language: "fr" });
    expect(dossier.claims).toHaveLength(12);
    expect(dossier.claims.every((c) => c.verdict !== null)).toBe(true);
    expect(dossier.claims.filter((c) => c.verdict === "outdated")).toHaveLength(1);
    expect(dossier.questions.filter((q) => q.status === "answered").length).toBeGreaterThanOrEqual(2);
    expect(dossier.questions.some((q) => q.answeringClaimId)).toBe(true);
    const confidential = dossier.sources.filter((s) => s.confidential);
    expect(confidential).toHaveLength(1);
    expect(confidential[0]!.publicDescription).toBeTruthy();
    // The original September 2023 article: a press article whose URL and publisher are unknown.
    expect(dossier.sources.some((s) => s.kind === "press-article" && s.url === null && s.publisher === null)).toBe(true);
  });
});
