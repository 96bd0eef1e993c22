// What a reader can get from the data layer: published dossiers, public fields only. Every
// reader page, the JSON API and the JSON-LD are built from getPublishedDossier, so these rules
// hold for all of them (the e2e suite checks the HTML too).
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { getPublishedDossier, getPublishedVersion } from "@/lib/server/reader/get-published-dossier";
import { listPublishedDossiers } from "@/lib/server/reader/list-published-dossiers";
import { dossierClaimReviews, publicDossierJson } from "@/lib/server/reader/public-json";
import { scratchCopy } from "../support/content";
import { db, resetDatabase } from "../support/db";
import { publishedAfterChanges, republish } from "../support/reader";

beforeEach(async () => {
  await resetDatabase();
  await importContentFolder(SYSTEM_IMPORT, scratchCopy("mini"));
});

/** Everything a reader could ever be sent about a dossier, once its working copy is published. */
async function everythingPublic(slug: string): Promise<string> {
  const dossier = await publishedAfterChanges(slug);
  // The version pages too: this version and its diff against the one before.
  const versionPage = await getPublishedVersion(slug, dossier.version);
  return JSON.stringify([dossier, publicDossierJson(dossier), dossierClaimReviews(dossier), versionPage]);
}

describe("reader visibility", () => {
  it("shows a confidential source only by its public description", async () => {
    const dossier = await getPublishedDossier("mini");
    const confidential = dossier.sources.find((s) => s.confidential);
    expect(confidential).toEqual({ id: expect.any(String), number: 2, confidential: true, description: "Une personne proche de la direction" });
    const everything = await everythingPublic("mini");
    expect(everything).toContain("Une personne proche de la direction");
    for (const secret of ["Jean Secret", "directeur financier", "Directeur financier", "ne pas recontacter"]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("never reveals the sample's confidential source: identity, title or notes", async () => {
    await importContentFolder(SYSTEM_IMPORT, path.join(process.cwd(), "content", "dossiers"));
    const source = await db.source.findFirstOrThrow({ where: { confidential: true, dossier: { slug: "mistral-ai" } }, select: { title: true, identity: true, notes: true, publicDescription: true } });
    const everything = await everythingPublic("mistral-ai");
    expect(everything).toContain(source.publicDescription!);
    for (const secret of [source.title, source.identity!, source.notes!, "Identité consignée dans le carnet de la rédaction"]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("attributes a quote from a confidential source to its public description, whatever its speaker label or speaker says", async () => {
    const dossier = await db.dossier.findUniqueOrThrow({ where: { slug: "mini" }, select: { id: true } });
    const entity = await db.entity.findFirstOrThrow({ where: { dossierId: dossier.id } });
    await db.quote.updateMany({ where: { key: "citation" }, data: { speakerLabel: "Jean S., le directeur financier", speakerId: entity.id, onRecord: true } });
    const quote = (await publishedAfterChanges("mini")).quotes[0]!;
    expect(quote.speaker).toEqual({ name: "Une personne proche de la direction", description: null, named: false });
  });

  it("never names the speaker of an off-the-record quote", async () => {
    const dossier = await db.dossier.findUniqueOrThrow({ where: { slug: "mini" }, select: { id: true } });
    const entity = await db.entity.findFirstOrThrow({ where: { dossierId: dossier.id } });
    await db.quote.updateMany({ where: { key: "citation" }, data: { sourceId: null, speakerId: entity.id, speakerLabel: null, onRecord: false } });
    expect((await publishedAfterChanges("mini")).quotes[0]!.speaker).toEqual({ name: null, description: null, named: false });
    await db.quote.updateMany({ where: { key: "citation" }, data: { onRecord: true } });
    expect((await publishedAfterChanges("mini")).quotes[0]!.speaker).toEqual({ name: "Exemple SA", description: "Une société de test", named: true });
  });

  it("leaves internal fields out: evidence notes, authors, review state, proposals, owners", async () => {
    const claim = await db.claim.findFirstOrThrow({ where: { key: "creation" } });
    const user = await db.user.create({ data: { email: "editor@example.com", name: "Éditrice Interne", role: "editor" } });
    await db.evidence.updateMany({ where: { claimId: claim.id }, data: { note: "Note interne à ne pas publier" } });
    await db.claim.update({ where: { id: claim.id }, data: { authorId: user.id, assigneeId: user.id, reviewState: "proposed" } });
    await db.verdictProposal.create({ data: { claimId: claim.id, verdict: "false", rationale: "Proposition non relue", proposedById: user.id } });
    await db.openQuestion.updateMany({ data: { ownerId: user.id } });
    const everything = await everythingPublic("mini");
    for (const secret of ["Note interne à ne pas publier", "Proposition non relue", "editor@example.com", "Éditrice Interne", "proposed"]) {
      expect(everything).not.toContain(secret);
    }
    expect(Object.keys((await getPublishedDossier("mini")).claims[0]!.evidence[0]!).sort()).toEqual(["excerpt", "id", "sourceId", "stance"]);
    // The published version holds what the reader-visibility code built: the same fields, nothing more.
    const stored = await db.publishedVersion.findFirstOrThrow({ where: { dossier: { slug: "mini" } }, orderBy: { number: "desc" }, select: { snapshot: true } });
    for (const secret of ["Note interne à ne pas publier", "Proposition non relue", "editor@example.com", "Éditrice Interne"]) expect(stored.snapshot).not.toContain(secret);
  });

  it("treats a draft dossier as not found and leaves it out of the list", async () => {
    await db.dossier.update({ where: { slug: "mini" }, data: { status: "draft" } });
    await expect(getPublishedDossier("mini")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listPublishedDossiers()).toEqual([]);
  });

  it("leaves out claims whose passage left the article, and every link to them", async () => {
    await db.claim.updateMany({ where: { key: "creation" }, data: { anchorStatus: "orphaned" } });
    const dossier = await publishedAfterChanges("mini");
    expect(dossier.claims.map((c) => [c.number, c.text])).toEqual([[1, "Exemple aurait recruté vingt personnes en 2022."]]);
    const creationEvent = dossier.events.find((e) => e.title === "Création d'Exemple")!;
    expect(creationEvent.claimIds).toEqual([]);
    expect((await listPublishedDossiers())[0]!.claimCount).toBe(1);
  });

  it("shows open and answered questions, answers only for answered ones, never dropped ones", async () => {
    const claim = await db.claim.findFirstOrThrow({ where: { key: "creation" } });
    const dossier = await db.dossier.findUniqueOrThrow({ where: { slug: "mini" }, select: { id: true } });
    await db.openQuestion.updateMany({ where: { key: "effectif" }, data: { answer: "Brouillon de réponse" } });
    await db.openQuestion.create({ data: { dossierId: dossier.id, text: "Répondue ?", status: "answered", answer: "Oui.", answeringClaimId: claim.id, answeredAt: new Date("2024-02-01T12:00:00Z") } });
    await db.openQuestion.create({ data: { dossierId: dossier.id, text: "Abandonnée ?", status: "dropped" } });
    const { questions } = await publishedAfterChanges("mini");
    expect(questions.map((q) => [q.text, q.status, q.answer, q.answeringClaimId])).toEqual([
      ["Combien de salariés aujourd'hui ?", "open", null, null],
      ["Répondue ?", "answered", "Oui.", claim.id],
    ]);
  });

  it("keeps the verdict history and makes changes after publication the corrections log", async () => {
    const claim = await db.claim.findFirstOrThrow({ where: { key: "creation" } });
    await db.verdictChange.create({
      data: { claimId: claim.id, fromVerdict: "verified", toVerdict: "false", rationale: "Le registre a été rectifié.", correctionNote: "Nous avions lu une mauvaise date.", createdAt: new Date("2024-03-01T12:00:00Z") },
    });
    await db.claim.update({ where: { id: claim.id }, data: { verdict: "false", verdictRationale: "Le registre a été rectifié.", verdictSetAt: new Date("2024-03-01T12:00:00Z") } });
    const dossier = await publishedAfterChanges("mini");
    const first = dossier.claims[0]!;
    expect(first.history.map((h) => [h.fromVerdict, h.toVerdict, h.isCorrection, h.correctionNote])).toEqual([
      [null, "verified", false, null],
      ["verified", "false", true, "Nous avions lu une mauvaise date."],
    ]);
    expect(dossier.corrections).toHaveLength(1);
    expect(dossier.corrections[0]).toMatchObject({ claimId: claim.id, claimNumber: 1, change: { toVerdict: "false" } });
    const review = dossierClaimReviews(dossier).find((r) => r.claimReviewed === first.text)!;
    // Modified when readers were shown the correction: the update that published it.
    expect(review).toMatchObject({ datePublished: "2024-01-10", dateModified: dossier.versionPublishedAt.slice(0, 10), reviewRating: { alternateName: "Faux", ratingValue: 1 } });
    expect(first.updatedAt).toBe(dossier.versionPublishedAt);
  });

  it("shows readers the published version only: a change in the working copy reaches them once published", async () => {
    const before = await getPublishedDossier("mini");
    await db.claim.updateMany({ where: { key: "creation" }, data: { text: "Une autre affirmation." } });
    await db.dossier.update({ where: { slug: "mini" }, data: { title: "Titre changé" } });
    const still = await getPublishedDossier("mini");
    expect(still.title).toBe(before.title);
    expect(still.claims.map((c) => c.text)).toEqual(before.claims.map((c) => c.text));
    expect(still.version).toBe(1);
    expect((await listPublishedDossiers())[0]!.title).toBe(before.title);
    await republish("mini");
    const after = await getPublishedDossier("mini");
    expect(after).toMatchObject({ title: "Titre changé", version: 2 });
    expect(after.claims[0]!.text).toBe("Une autre affirmation.");
    expect(after.updates.map((u) => [u.version, u.note])).toEqual([
      [1, null],
      [2, "Test update."],
    ]);
  });

  it("orders the timeline by the dates' real bounds", async () => {
    const dossier = await getPublishedDossier("mini");
    expect(dossier.events.map((e) => e.date)).toEqual(["2021-03-03", "2022~"]);
  });
});

describe("the public JSON", () => {
  it("gives the article as sanitised HTML, never the Markdown with its comments", async () => {
    const dossier = await db.dossier.findUniqueOrThrow({ where: { slug: "mini" } });
    await db.dossier.update({ where: { id: dossier.id }, data: { body: `${dossier.body}\n\n<!-- source : Jean Secret, à ne pas publier -->\n\n<script>alert(1)</script>` } });
    const json = publicDossierJson(await publishedAfterChanges("mini"));
    expect(json.article.html).toContain("a été créée le 3 mars 2021 à Lyon");
    expect(JSON.stringify(json)).not.toContain("Jean Secret");
    expect(json.article.html).not.toContain("<script");
    expect(json).not.toHaveProperty("body");
  });

  it("describes claims with verdicts, evidence by source number, and the vocabulary", async () => {
    const json = publicDossierJson(await getPublishedDossier("mini"));
    expect(json.claims.map((c) => [c.number, c.verdict])).toEqual([
      [1, "verified"],
      [2, "unverifiable"],
    ]);
    expect(json.claims[1]!.evidence).toEqual([{ sourceId: expect.any(String), sourceNumber: 2, stance: "supports", excerpt: "Une vingtaine d'embauches" }]);
    expect(json.verdicts.map((v) => v.key)).toContain("unverifiable");
    expect(json.url).toMatch(/\/dossiers\/mini$/);
  });

  it("gives a ClaimReview for each claim with a verdict; an unverifiable one has no number", async () => {
    const dossier = await getPublishedDossier("mini");
    await db.claim.updateMany({ where: { key: "creation" }, data: { verdict: null } });
    const reviews = dossierClaimReviews(await publishedAfterChanges("mini"));
    expect(dossier.claims).toHaveLength(2);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.reviewRating).toEqual({ "@type": "Rating", alternateName: "Invérifiable", ratingExplanation: expect.any(String) });
    expect(reviews[0]!.url).toMatch(/\/dossiers\/mini\/claims\/[a-z0-9]+$/);
  });
});

describe("the XSS corpus through the importer", () => {
  it("imports it as plain data and the public article has no live markup", async () => {
    const { writeXssDossier, XSS_SLUG } = await import("../support/xss-dossier");
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-xss-"));
    const result = await importContentFolder(SYSTEM_IMPORT, writeXssDossier(parent));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const dossier = await getPublishedDossier(XSS_SLUG);
    expect(dossier.title).toContain("<script>alert('xss')</script>");
    expect(dossier.claims).toHaveLength(2);
    const json = publicDossierJson(dossier);
    // Real tags and attributes only: the attacks are still there, as escaped text (&#x3C;script…).
    expect(json.article.html).not.toMatch(/<(script|svg|math|iframe|img|object|embed|form|style|input|meta|base)\b/i);
    const attributeNames = (json.article.html.match(/<[a-z][^>]*>/gi) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
    expect(attributeNames.filter((tag) => /\s(on\w+|style)\s*=/i.test(tag))).toEqual([]);
    expect(json.article.html).not.toMatch(/(href|src|action)="\s*(javascript|data|vbscript):/i);
    expect(json.article.html).toContain("&#x3C;script>alert('xss')&#x3C;/script>");
    const everything = JSON.stringify([dossier, json, dossierClaimReviews(dossier)]);
    for (const secret of ["Titre secret de la source", "Identité secrète de la source", "Notes internes secrètes"]) expect(everything).not.toContain(secret);
  });

  it("refuses a javascript: source URL, naming the field, and writes nothing", async () => {
    const { writeXssDossier } = await import("../support/xss-dossier");
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-xss-"));
    const before = await db.dossier.count();
    const dir = writeXssDossier(parent, "xss-url", (data) => ({ ...data, sources: data.sources.map((s, i) => (i === 0 ? { ...s, url: "javascript:alert('xss')" } : s)) }));
    const result = await importContentFolder(SYSTEM_IMPORT, dir);
    expect(result).toMatchObject({ ok: false, errors: [{ field: "sources[0].url", message: expect.stringContaining("http:// or https://") }] });
    expect(await db.dossier.count()).toBe(before);
  });
});
