// Published means signed off (issue 9), against the real database, on the shipped sample: readers
// see only published versions; edits change the working copy; a verdict needs a re-check when the
// words it checked change; only editors publish updates, through the gate, with a note when a
// claim changed; every refusal writes nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { reattachClaim } from "@/lib/server/claims/reattach-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { listDeskClaims } from "@/lib/server/desk/list-desk-claims";
import { getVerificationProgress } from "../support/use-cases";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { updateDossier } from "@/lib/server/dossiers/update-dossier";
import { updateEvidence } from "@/lib/server/evidence/update-evidence";
import { getPendingChanges } from "../support/use-cases";
import { getPublishReadiness } from "../support/use-cases";
import { publishDossier } from "../support/use-cases";
import { requestUpdate } from "@/lib/server/publishing/request-update";
import { unpublishDossier } from "../support/use-cases";
import { getPublishedDossier, getPublishedVersion } from "@/lib/server/reader/get-published-dossier";
import { listPublishedDossiers } from "@/lib/server/reader/list-published-dossiers";
import { dossierClaimReviews, publicDossierJson } from "@/lib/server/reader/public-json";
import { updateSource } from "@/lib/server/sources/update-source";
import { confirmVerdict } from "../support/use-cases";
import { getClaimVerdictHistory } from "../support/use-cases";
import { proposeVerdict } from "../support/use-cases";
import { setVerdict } from "../support/use-cases";
import { db, resetDatabase } from "../support/db";
import { deskSnapshot, expectRefusedWithoutWrites, publishUpdate } from "../support/desk";
import { demoActors, type Actors } from "../support/newsroom";

const SAMPLE = path.join(process.cwd(), "content", "dossiers", "mistral-ai");
const EDIT_1 = ["Mistral AI a levé 105 millions d'euros", "Mistral AI a levé 15 millions d'euros"] as const;

let a: Actors;
beforeEach(async () => {
  await resetDatabase();
  a = await demoActors();
});

async function importSample(edit?: { article?: (t: string) => string; yaml?: (t: string) => string }) {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dossier-sample-")), "mistral-ai");
  fs.cpSync(SAMPLE, dir, { recursive: true });
  for (const [file, fn] of [["article.md", edit?.article], ["dossier.yaml", edit?.yaml]] as const) {
    if (fn) fs.writeFileSync(path.join(dir, file), fn(fs.readFileSync(path.join(dir, file), "utf8")));
  }
  const result = await importContentFolder(SYSTEM_IMPORT, dir);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return db.dossier.findUniqueOrThrow({ where: { slug: "mistral-ai" }, select: { id: true, version: true, body: true } });
}

const claim = (key: string) => db.claim.findFirstOrThrow({ where: { key, dossier: { slug: "mistral-ai" } }, select: { id: true, version: true, text: true, verdict: true, verdictRationale: true, anchorExact: true, anchorStatus: true } });
const dossierNow = () => db.dossier.findUniqueOrThrow({ where: { slug: "mistral-ai" }, select: { id: true, version: true, body: true } });
const publicClaim = async (key: string) => {
  const { id } = await claim(key);
  return (await getPublishedDossier("mistral-ai")).claims.find((c) => c.id === id);
};
async function journalistSaves(replace: readonly [string, string], confirmOrphans = false) {
  const d = await dossierNow();
  if (!d.body.includes(replace[0])) throw new Error(`“${replace[0]}” is not in the article`);
  return saveArticle(a.journalist, { dossierId: d.id, version: d.version, body: d.body.replace(replace[0], replace[1]), note: "", confirmOrphans });
}

describe("published versions on the sample", () => {
  it("imports the published sample as its version 1, which readers, the JSON API and ClaimReview read", async () => {
    const d = await importSample();
    const versions = await db.publishedVersion.findMany({ where: { dossierId: d.id }, select: { number: true, claimCount: true, minor: true, note: true } });
    expect(versions).toEqual([{ number: 1, claimCount: 12, minor: false, note: null }]);
    const dossier = await getPublishedDossier("mistral-ai");
    expect(dossier).toMatchObject({ version: 1, updates: [{ version: 1, note: null }], removedClaims: [] });
    expect(publicDossierJson(dossier)).toMatchObject({ version: 1, updates: [{ version: 1, url: expect.stringMatching(/\/dossiers\/mistral-ai\/versions\/1$/) }], removedClaims: [] });
    expect(await listPublishedDossiers()).toMatchObject([{ slug: "mistral-ai", version: 1, claimCount: 12 }]);
  });

  it("edit 1: the journalist's save changes the working copy only, the claim needs a re-check, the update is blocked until an editor re-checks it, then readers see it with the note", async () => {
    await importSample();
    const levee = await claim("levee-105-millions");
    const saved = await journalistSaves(EDIT_1);
    if (!saved.changed) throw new Error("not saved");
    // The working copy changed; the claim followed its passage, and now needs a re-check.
    expect(saved.claims.recheck).toEqual([{ id: levee.id, text: levee.text }]);
    expect((await claim("levee-105-millions")).anchorExact).toContain("15 millions");

    // Readers: still 105 millions, still verified, in the page, the JSON and the ClaimReview.
    const reader = await getPublishedDossier("mistral-ai");
    expect(reader.body).toContain("105 millions d'euros lors d'un tour");
    expect(reader.body).not.toContain("a levé 15 millions");
    expect(reader.claims.find((c) => c.id === levee.id)).toMatchObject({ verdict: "verified", anchorExact: expect.stringContaining("105 millions") });
    expect(dossierClaimReviews(reader).find((r) => r.claimReviewed === levee.text)?.reviewRating.alternateName).toBe("Vérifié");

    // The desk: needs re-check (its own filter), blocking publication; the editors were told.
    const desk = await listDeskClaims(a.editor, { attention: "recheck" });
    expect(desk.items.map((c) => [c.id, c.blocking, c.recheck.map((r) => r.reason)])).toEqual([[levee.id, ["needs-recheck"], ["passage"]]]);
    expect((await getVerificationProgress(a.editor, {}))[0]).toMatchObject({ needsRecheck: 1, blocking: 1 });
    const told = await db.notification.findMany({ where: { kind: "claim.recheck" }, select: { userId: true, message: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([a.editor.id, a.admin.id].sort());
    expect(told[0]!.message).toContain("the words of its passage changed");

    // The claim page: old and new passage side by side.
    const record = await getClaimVerdictHistory(a.editor, { claimId: levee.id });
    expect(record.recheck).toEqual([{ reason: "passage", before: expect.stringContaining("105 millions"), after: expect.stringContaining("15 millions") }]);

    // Publishing the update is blocked, and the refusal writes nothing.
    const pending = await getPendingChanges(a.editor, { dossierId: (await dossierNow()).id });
    expect(pending.diff?.articleChanged).toBe(true);
    expect(pending.note.required).toBe(true);
    expect(pending.note.reasons).toContainEqual({ claimId: levee.id, text: levee.text, reason: "passage" });
    await expectRefusedWithoutWrites(() => publishUpdate(a.editor, pending.dossier.id, "Correction du montant."), {
      code: "RULE_VIOLATION",
      details: { blockingClaims: [{ id: levee.id, reasons: ["needs-recheck"] }] },
    });

    // The editor re-checks: the verdict no longer holds for 15 millions, so they change it (with the correction note).
    const history = await getClaimVerdictHistory(a.editor, { claimId: levee.id });
    await setVerdict(a.editor, {
      claimId: levee.id,
      version: history.claim.version,
      verdict: "false",
      rationale: "La levée de juin 2023 est de 105 millions d'euros, non de 15 millions.",
      evidenceIds: history.evidence.map((e) => e.id),
      correctionNote: "Le montant indiqué est faux : la levée était de 105 millions d'euros.",
    });
    expect((await getClaimVerdictHistory(a.editor, { claimId: levee.id })).recheck).toEqual([]);
    // Without a note the update is refused (a passage and a verdict changed), writing nothing.
    await expectRefusedWithoutWrites(() => publishUpdate(a.editor, pending.dossier.id, null), { code: "INVALID_INPUT", fieldErrors: { note: [expect.stringContaining("Write the note")] } });
    const published = await publishUpdate(a.editor, pending.dossier.id, "Le montant de la levée a été modifié ; son verdict a été revu.");
    expect(published).toMatchObject({ versionNumber: 2, minor: false, readerSlug: "mistral-ai" });

    const after = await getPublishedDossier("mistral-ai");
    expect(after.version).toBe(2);
    expect(after.body).toContain("a levé 15 millions d'euros");
    expect(after.claims.find((c) => c.id === levee.id)).toMatchObject({ verdict: "false", updatedAt: after.versionPublishedAt });
    expect(after.updates.at(-1)).toMatchObject({ version: 2, note: "Le montant de la levée a été modifié ; son verdict a été revu.", minor: false });
    expect(after.corrections[0]).toMatchObject({ claimId: levee.id, change: { toVerdict: "false", correctionNote: expect.stringContaining("105 millions") } });
    expect(dossierClaimReviews(after).find((r) => r.claimReviewed === levee.text)).toMatchObject({ reviewRating: { alternateName: "Faux" }, dateModified: after.versionPublishedAt.slice(0, 10) });
    // The version's page: its diff against version 1.
    const page = await getPublishedVersion("mistral-ai", 2);
    expect(page.previous?.body).toContain("105 millions");
    expect(page.view.body).toContain("15 millions");
    expect(page.update.note).toContain("montant");
  });

  it("edit 1 reverted: changing the words back clears the re-check, with nothing left to publish", async () => {
    await importSample();
    await journalistSaves(EDIT_1);
    expect((await listDeskClaims(a.editor, { attention: "recheck" })).total).toBe(1);
    await journalistSaves([EDIT_1[1], EDIT_1[0]]);
    expect((await listDeskClaims(a.editor, { attention: "recheck" })).total).toBe(0);
    const pending = await getPendingChanges(a.editor, { dossierId: (await dossierNow()).id });
    expect(pending.diff?.identical).toBe(true);
    await expectRefusedWithoutWrites(() => publishUpdate(a.editor, pending.dossier.id, "Rien."), { code: "CONFLICT", details: { rule: "nothing-to-publish" } });
  });

  it("ignores typography: retyped quotes, apostrophes and spaces in a passage need no re-check", async () => {
    await importSample();
    await journalistSaves(["Mistral AI a levé 105 millions d'euros", "Mistral AI a levé 105\u00A0millions d’euros"]);
    expect((await listDeskClaims(a.editor, { attention: "recheck" })).total).toBe(0);
    const pending = await getPendingChanges(a.editor, { dossierId: (await dossierNow()).id });
    // Readers would see the new characters: an update, but a minor one (no note needed).
    expect(pending.note.required).toBe(false);
    const result = await publishUpdate(a.editor, pending.dossier.id, null);
    expect(result).toMatchObject({ versionNumber: 2, minor: true });
    expect((await getPublishedDossier("mistral-ai")).updates.at(-1)).toMatchObject({ minor: true, note: null });
  });

  it("edit 2: applying the editor's correction to the passage keeps the claim and its correction for readers throughout", async () => {
    // The sample as it would be after an editor corrected this claim's verdict for a wrong court.
    await importSample({
      article: (t) => t.replace("greffe du tribunal de commerce de Paris le 24 avril", "greffe du tribunal de Paris le 24 avril"),
      yaml: (y) =>
        y
          .replace('exact: "Mistral AI a été immatriculée au greffe du tribunal de commerce de Paris le 24 avril 2023"', 'exact: "Mistral AI a été immatriculée au greffe du tribunal de Paris le 24 avril 2023"')
          .replace(
            `        rationale: "L'immatriculation et sa date figurent au registre du greffe du tribunal de commerce de Paris, source officielle."\n        decidedAt: "2023-09-25"\n`,
            `        rationale: "L'immatriculation et sa date figurent au registre du greffe du tribunal de commerce de Paris, source officielle."\n        decidedAt: "2023-09-25"\n      - status: partly-true\n        rationale: "La date est exacte, mais l'immatriculation relève du greffe du tribunal de commerce de Paris."\n        decidedAt: "2023-09-27"\n        correctionNote: "Il s'agit du greffe du tribunal de commerce de Paris, non du tribunal de Paris."\n`,
          ),
    });
    const registration = await claim("immatriculation-greffe-paris");
    const before = await getPublishedDossier("mistral-ai");
    expect(before.corrections.map((c) => c.claimId)).toContain(registration.id);

    const saved = await journalistSaves(["greffe du tribunal de Paris le 24", "greffe du tribunal de commerce de Paris le 24"]);
    if (!saved.changed) throw new Error("not saved");
    // Not orphaned: the passage follows the correction…
    expect(saved.claims.orphaned).toEqual([]);
    expect(await claim("immatriculation-greffe-paris")).toMatchObject({ anchorStatus: "anchored", anchorExact: "Mistral AI a été immatriculée au greffe du tribunal de commerce de Paris le 24 avril 2023" });
    // …its words changed, so its verdict awaits a re-check; readers keep the claim and its correction.
    expect(saved.claims.recheck.map((c) => c.id)).toEqual([registration.id]);
    const during = await getPublishedDossier("mistral-ai");
    expect(during.claims.map((c) => c.id)).toContain(registration.id);
    expect(during.corrections.map((c) => c.claimId)).toContain(registration.id);

    // The editor confirms the verdict (rationale kept: no correction note needed) and publishes.
    const record = await getClaimVerdictHistory(a.editor, { claimId: registration.id });
    const confirmed = await confirmVerdict(a.editor, { claimId: registration.id, version: record.claim.version, rationale: record.claim.verdictRationale!, evidenceIds: record.evidence.map((e) => e.id), correctionNote: null });
    expect(confirmed.change).toMatchObject({ kind: "recheck", fromVerdict: "partly-true", toVerdict: "partly-true", correctionNote: null });
    await publishUpdate(a.editor, record.dossier.id, "Le texte de l'article reprend désormais la correction du greffe.");
    const after = await getPublishedDossier("mistral-ai");
    const shown = after.claims.find((c) => c.id === registration.id)!;
    expect(shown).toMatchObject({ verdict: "partly-true", anchorExact: expect.stringContaining("tribunal de commerce de Paris") });
    expect(shown.history.at(-1)).toMatchObject({ kind: "recheck", toVerdict: "partly-true" });
    expect(after.corrections.map((c) => c.change.correctionNote)).toContain("Il s'agit du greffe du tribunal de commerce de Paris, non du tribunal de Paris.");
    expect(after.removedClaims).toEqual([]);
  });

  it("case 4: rewording the claim, flipping its evidence's stance or replacing the excerpt each puts it back to needs re-check, readers unchanged", async () => {
    await importSample();
    const levee = await claim("levee-105-millions");
    const recheckReasons = async () => (await listDeskClaims(a.editor, { attention: "recheck" })).items.find((c) => c.id === levee.id)?.recheck.map((r) => r.reason) ?? [];
    const d = await dossierNow();

    await updateClaim(a.journalist, { dossierId: d.id, claimId: levee.id, version: levee.version, text: "Début juin 2023, Mistral AI a levé 15 millions d'euros.", hedged: false });
    expect(await recheckReasons()).toEqual(["wording"]);
    await updateClaim(a.journalist, { dossierId: d.id, claimId: levee.id, version: levee.version + 1, text: levee.text, hedged: false });
    expect(await recheckReasons()).toEqual([]);

    const evidence = await db.evidence.findFirstOrThrow({ where: { claimId: levee.id, stance: "supports" }, select: { id: true, version: true, sourceId: true, excerpt: true } });
    await updateEvidence(a.journalist, { dossierId: d.id, evidenceId: evidence.id, version: evidence.version, sourceId: evidence.sourceId, stance: "contradicts", excerpt: evidence.excerpt, note: null });
    expect(await recheckReasons()).toEqual(["evidence-changed"]);
    expect((await getClaimVerdictHistory(a.editor, { claimId: levee.id })).recheck).toEqual([expect.objectContaining({ reason: "evidence-changed", fields: ["stance"] })]);
    await updateEvidence(a.journalist, { dossierId: d.id, evidenceId: evidence.id, version: evidence.version + 1, sourceId: evidence.sourceId, stance: "supports", excerpt: "Levée de 15 millions d'euros.", note: null });
    expect((await getClaimVerdictHistory(a.editor, { claimId: levee.id })).recheck).toEqual([expect.objectContaining({ reason: "evidence-changed", fields: ["excerpt"] })]);

    // Readers see the claim exactly as published, verified, with its evidence as it was.
    const shown = await publicClaim("levee-105-millions");
    expect(shown).toMatchObject({ text: levee.text, verdict: "verified" });
    expect(shown!.evidence.find((e) => e.id === evidence.id)).toMatchObject({ stance: "supports", excerpt: evidence.excerpt });
  });

  it("a claim re-attached to another passage needs a re-check", async () => {
    await importSample();
    const site = await claim("site-message-recrutement");
    await journalistSaves(["le site officiel de l'entreprise n'affiche qu'un message de recrutement", "le site officiel de l'entreprise reste muet"], true);
    expect((await claim("site-message-recrutement")).anchorStatus).toBe("orphaned");
    const d = await dossierNow();
    const { articleText } = await import("@/lib/markdown/render");
    const text = articleText(d.body);
    const exact = "le site officiel de l'entreprise reste muet";
    const start = text.indexOf(exact);
    await reattachClaim(a.journalist, { dossierId: d.id, claimId: site.id, version: (await claim("site-message-recrutement")).version, selection: { exact, prefix: text.slice(start - 32, start), suffix: text.slice(start + exact.length, start + exact.length + 32), start, end: start + exact.length } });
    const reasons = (await getClaimVerdictHistory(a.editor, { claimId: site.id })).recheck.map((r) => r.reason);
    expect(reasons).toEqual(["passage", "reattached"]);
  });
});

describe("orphaned claims of a published dossier", () => {
  const REMOVE = ["Sa page LinkedIn indique qu'elle compte entre 11 et 50 salariés, une fourchette trop large pour en tirer des conclusions.", "La fourchette de ses effectifs reste inconnue."] as const;

  it("warns with the list before a save would orphan them, and writes nothing unless confirmed", async () => {
    await importSample();
    const before = await deskSnapshot();
    const revisions = await db.articleRevision.count();
    await expect(journalistSaves(REMOVE)).rejects.toMatchObject({ code: "RULE_VIOLATION", details: { rule: "orphans-unconfirmed", orphaned: [{ text: (await claim("effectifs-linkedin")).text }] } });
    expect(await deskSnapshot()).toEqual(before);
    expect(await db.articleRevision.count()).toBe(revisions);
    const saved = await journalistSaves(REMOVE, true);
    expect(saved.changed && saved.claims.orphaned.map((c) => c.text)).toEqual([(await claim("effectifs-linkedin")).text]);
    expect((await listDeskClaims(a.editor, { attention: "orphaned" })).items.map((c) => c.text)).toEqual([(await claim("effectifs-linkedin")).text]);
  });

  it("asks the same before restoring an old revision that would orphan them", async () => {
    await importSample();
    await journalistSaves(REMOVE, true);
    const d = await dossierNow();
    await journalistSaves([REMOVE[1], REMOVE[0]]);
    const { restoreRevision } = await import("@/lib/server/dossiers/restore-revision");
    const now = await dossierNow();
    const before = await deskSnapshot();
    await expect(restoreRevision(a.journalist, { dossierId: d.id, version: now.version, number: 2 })).rejects.toMatchObject({ code: "RULE_VIOLATION", details: { rule: "orphans-unconfirmed" } });
    expect(await deskSnapshot()).toEqual(before);
    await restoreRevision(a.journalist, { dossierId: d.id, version: now.version, number: 2, confirmOrphans: true });
    expect((await claim("effectifs-linkedin")).anchorStatus).toBe("orphaned");
  });

  it("keep the published claim for readers until an update removes it, and the update log keeps it with the editor's reason", async () => {
    await importSample();
    const linkedin = await claim("effectifs-linkedin");
    await journalistSaves(REMOVE, true);
    expect((await getPublishedDossier("mistral-ai")).claims.map((c) => c.id)).toContain(linkedin.id);
    const pending = await getPendingChanges(a.editor, { dossierId: (await dossierNow()).id });
    expect(pending.note.reasons).toContainEqual({ claimId: linkedin.id, text: linkedin.text, reason: "removed" });
    await publishUpdate(a.editor, pending.dossier.id, "La fourchette LinkedIn, trop imprécise, a été retirée de l'article.");
    const after = await getPublishedDossier("mistral-ai");
    expect(after.claims.map((c) => c.id)).not.toContain(linkedin.id);
    expect(after.removedClaims).toEqual([
      expect.objectContaining({ id: linkedin.id, text: linkedin.text, verdict: "verified", removedInVersion: 2, note: "La fourchette LinkedIn, trop imprécise, a été retirée de l'article." }),
    ]);
    expect(publicDossierJson(after).removedClaims).toEqual([expect.objectContaining({ id: linkedin.id, reason: expect.stringContaining("retirée") })]);
    // It never vanishes: the next update still lists it.
    const d = await dossierNow();
    await updateDossier(a.editor, { dossierId: d.id, version: d.version, title: "Mistral AI, le pari très discret de l'IA ouverte", summary: (await getPublishedDossier("mistral-ai")).summary, language: "fr" });
    await publishUpdate(a.editor, d.id, null);
    expect((await getPublishedDossier("mistral-ai")).removedClaims.map((c) => c.id)).toEqual([linkedin.id]);
  });
});

describe("publishing updates: every transition and refusal", () => {
  it("publishes only the changes the editor reviewed: a save in between refuses the publication, which writes nothing", async () => {
    await importSample();
    const d = await dossierNow();
    await updateDossier(a.journalist, { dossierId: d.id, version: d.version, title: "Un autre titre", summary: "Résumé.", language: "fr" });
    const reviewed = await getPendingChanges(a.editor, { dossierId: d.id });
    // A journalist saves while the editor reads the changes.
    await journalistSaves(["Cent cinq millions d'euros levés", "Cent cinq millions d'euros levés, vraiment,"]);
    const version = (await dossierNow()).version;
    await expectRefusedWithoutWrites(() => publishDossier(a.editor, { dossierId: d.id, version, reviewedHash: reviewed.workingHash, note: "Titre." }), {
      code: "CONFLICT",
      details: { rule: "working-copy-changed" },
    });
    // Reviewed again, it publishes both changes.
    await publishUpdate(a.editor, d.id, "Nouveau titre et article précisé.");
    const after = await getPublishedDossier("mistral-ai");
    expect(after.title).toBe("Un autre titre");
    expect(after.body).toContain("levés, vraiment,");
  });

  it("publishing while a journalist saves: the publication holds exactly one consistent working copy, and the save is never lost", async () => {
    await importSample();
    const d = await dossierNow();
    await updateDossier(a.journalist, { dossierId: d.id, version: d.version, title: "Titre revu", summary: "Résumé.", language: "fr" });
    const reviewed = await getPendingChanges(a.editor, { dossierId: d.id });
    const current = await dossierNow();
    const [published, saved] = await Promise.allSettled([
      publishDossier(a.editor, { dossierId: d.id, version: current.version, reviewedHash: reviewed.workingHash, note: "Titre revu." }),
      saveArticle(a.journalist, { dossierId: d.id, version: current.version, body: current.body.replace("puis plus rien", "puis presque plus rien"), note: "" }),
    ]);
    // Whatever the order, nothing unreviewed reaches readers and the journalist's text is kept or refused, never silently dropped.
    const reader = await getPublishedDossier("mistral-ai");
    if (published.status === "fulfilled") {
      expect(reader.title).toBe("Titre revu");
      expect(reader.body).not.toContain("presque plus rien");
      const stored = await db.publishedVersion.findFirstOrThrow({ where: { dossierId: d.id, number: published.value.versionNumber }, select: { hash: true } });
      expect(stored.hash).toBe(reviewed.workingHash);
    } else {
      expect(published.reason).toMatchObject({ code: "CONFLICT" });
      expect(reader.version).toBe(1);
    }
    if (saved.status === "fulfilled") {
      expect((await dossierNow()).body).toContain("presque plus rien");
      if (published.status === "fulfilled") expect((await getPendingChanges(a.editor, { dossierId: d.id })).diff?.articleChanged).toBe(true);
    } else {
      expect(saved.reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(published.status === "fulfilled" || saved.status === "fulfilled").toBe(true);
  });

  it("is for editors only: journalists ask for it, editors are notified, and the request is listed until the update", async () => {
    await importSample();
    const d = await dossierNow();
    await expectRefusedWithoutWrites(() => requestUpdate(a.journalist, { dossierId: d.id, message: null }), { code: "RULE_VIOLATION", details: { rule: "nothing-to-publish" } });
    await updateDossier(a.journalist, { dossierId: d.id, version: d.version, title: "Titre à publier", summary: "Résumé.", language: "fr" });
    const reviewed = await getPendingChanges(a.journalist, { dossierId: d.id });
    await expectRefusedWithoutWrites(() => publishDossier(a.journalist, { dossierId: d.id, version: reviewed.dossier.version, reviewedHash: reviewed.workingHash, note: "Moi." }), { code: "FORBIDDEN" });
    const request = await requestUpdate(a.journalist, { dossierId: d.id, message: "Le nouveau titre est prêt." });
    expect(request.notified).toBe(2);
    const notes = await db.notification.findMany({ where: { kind: "update.requested" }, select: { userId: true, message: true, link: true } });
    expect(notes.map((n) => n.userId).sort()).toEqual([a.editor.id, a.admin.id].sort());
    expect(notes[0]).toMatchObject({ message: expect.stringContaining("Le nouveau titre est prêt."), link: "/newsroom/dossiers/mistral-ai#publication" });
    expect((await getPendingChanges(a.editor, { dossierId: d.id })).requests).toEqual([expect.objectContaining({ by: { id: a.journalist.id, name: a.journalist.name }, message: "Le nouveau titre est prêt." })]);
    await publishUpdate(a.editor, d.id, null);
    expect((await getPendingChanges(a.editor, { dossierId: d.id })).requests).toEqual([]);
  });

  it("numbers versions across an unpublication: publishing again continues, and its changes need a note like any update", async () => {
    await importSample();
    const d = await dossierNow();
    await unpublishDossier(a.editor, { dossierId: d.id, version: d.version, reason: null });
    await expect(getPublishedDossier("mistral-ai")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await journalistSaves(EDIT_1);
    const levee = await claim("levee-105-millions");
    const record = await getClaimVerdictHistory(a.editor, { claimId: levee.id });
    // The dossier was published: the verdict decision needs a correction note, even off the site.
    await expect(setVerdict(a.editor, { claimId: levee.id, version: record.claim.version, verdict: "false", rationale: "15 millions est faux.", evidenceIds: record.evidence.map((e) => e.id) })).rejects.toMatchObject({ fieldErrors: { correctionNote: [expect.any(String)] } });
    await setVerdict(a.editor, { claimId: levee.id, version: record.claim.version, verdict: "false", rationale: "15 millions est faux.", evidenceIds: record.evidence.map((e) => e.id), correctionNote: "Montant erroné." });
    await expectRefusedWithoutWrites(() => publishUpdate(a.editor, d.id, null), { code: "INVALID_INPUT", fieldErrors: { note: [expect.any(String)] } });
    const again = await publishUpdate(a.editor, d.id, "Montant corrigé.");
    expect(again.versionNumber).toBe(2);
    expect((await getPublishedDossier("mistral-ai")).updates.map((u) => u.version)).toEqual([1, 2]);
  });

  it("lets an editor override a claim awaiting a re-check, which readers then see as not yet checked", async () => {
    await importSample();
    await journalistSaves(EDIT_1);
    const levee = await claim("levee-105-millions");
    const d = await dossierNow();
    const readiness = await getPublishReadiness(a.editor, { dossierId: d.id });
    expect(readiness.blockingClaims.map((c) => [c.id, c.reasons])).toEqual([[levee.id, ["needs-recheck"]]]);
    await publishUpdate(a.editor, d.id, "Montant mis à jour, verdict en cours de revérification.", { overrideReason: "Correction urgente du texte.", acknowledgedClaimIds: [levee.id] });
    const shown = await publicClaim("levee-105-millions");
    // Never "verified" next to words the verdict did not check.
    expect(shown).toMatchObject({ verdict: null, verdictRationale: null, anchorExact: expect.stringContaining("15 millions") });
    expect(dossierClaimReviews(await getPublishedDossier("mistral-ai")).some((r) => r.claimReviewed === levee.text)).toBe(false);
    const event = await db.publicationEvent.findFirstOrThrow({ where: { dossierId: d.id, versionNumber: 2 } });
    expect(JSON.parse(event.blockingClaimIds)).toEqual([levee.id]);
  });

  it("refuses a re-check confirmation that is not needed, from a journalist, on a stale version, and amended without a note — writing nothing", async () => {
    await importSample();
    const levee = await claim("levee-105-millions");
    const record = await getClaimVerdictHistory(a.editor, { claimId: levee.id });
    const confirm = (actor: typeof a.editor, over: Record<string, unknown> = {}) =>
      confirmVerdict(actor, { claimId: levee.id, version: record.claim.version, rationale: record.claim.verdictRationale!, evidenceIds: record.evidence.map((e) => e.id), correctionNote: null, ...over } as Parameters<typeof confirmVerdict>[1]);
    await expectRefusedWithoutWrites(() => confirm(a.editor), { code: "CONFLICT", details: { rule: "recheck-not-needed" } });
    await journalistSaves(EDIT_1);
    await expectRefusedWithoutWrites(() => confirm(a.journalist), { code: "FORBIDDEN" });
    await expectRefusedWithoutWrites(() => confirm(a.editor, { version: record.claim.version + 7 }), { code: "CONFLICT" });
    await expectRefusedWithoutWrites(() => confirm(a.editor, { rationale: "Une nouvelle justification." }), { code: "RULE_VIOLATION", fieldErrors: { correctionNote: [expect.any(String)] } });
    await expectRefusedWithoutWrites(() => confirm(a.editor, { evidenceIds: [] }), { code: "RULE_VIOLATION", fieldErrors: { evidenceIds: [expect.any(String)] } });
    const ok = await confirm(a.editor, { rationale: "Une nouvelle justification.", correctionNote: "La justification tient compte du nouveau montant." });
    expect(ok.change).toMatchObject({ kind: "recheck", correctionNote: "La justification tient compte du nouveau montant." });
    expect(await db.auditLog.count({ where: { action: "verdict.recheck" } })).toBe(1);
  });
});

describe("notifications", () => {
  it("tells editors of a new proposal, and a claim's author when it is published and when a publication corrects it", async () => {
    await importSample();
    const levee = await claim("levee-105-millions");
    await db.claim.update({ where: { id: levee.id }, data: { authorId: a.journalist.id } });
    const record = await getClaimVerdictHistory(a.journalist, { claimId: levee.id });
    await proposeVerdict(a.journalist, { claimId: levee.id, version: record.claim.version, verdict: "partly-true", rationale: "Le tour était mené avec d'autres fonds.", evidenceIds: record.evidence.map((e) => e.id) });
    const proposals = await db.notification.findMany({ where: { kind: "proposal.new" }, select: { userId: true } });
    expect(proposals.map((n) => n.userId).sort()).toEqual([a.editor.id, a.admin.id].sort());

    const history = await getClaimVerdictHistory(a.editor, { claimId: levee.id });
    await setVerdict(a.editor, { claimId: levee.id, version: history.claim.version, verdict: "partly-true", rationale: "Mené avec d'autres fonds.", evidenceIds: history.evidence.map((e) => e.id), correctionNote: "Le tour n'était pas mené par Lightspeed seul." });
    expect(await db.notification.count({ where: { kind: "claim.corrected" } })).toBe(0);
    await publishUpdate(a.editor, history.dossier.id, "Verdict revu.");
    const corrected = await db.notification.findMany({ where: { kind: "claim.corrected" }, select: { userId: true, message: true } });
    expect(corrected).toEqual([{ userId: a.journalist.id, message: expect.stringContaining("corrected for readers") }]);
  });
});

describe("version pages never say more of a source than the latest version does", () => {
  it("shows a source made confidential since only by its description, in older versions too", async () => {
    await importSample();
    const source = await db.source.findFirstOrThrow({ where: { key: "antoine-moyroud" } });
    const d = await dossierNow();
    await updateSource(a.editor, {
      dossierId: d.id, sourceId: source.id, version: source.version, kind: source.kind, title: source.title, url: null, publisher: null, author: null, date: source.date, accessedAt: null,
      reliability: source.reliability, confidential: true, publicDescription: "Un investisseur", identity: null, notes: null,
    } as Parameters<typeof updateSource>[1]);
    await publishUpdate(a.editor, d.id, null);
    const page = await getPublishedVersion("mistral-ai", 2);
    const everything = JSON.stringify([page.previous, page.view, page.dossier]);
    expect(everything).not.toContain("Antoine Moyroud, associé chez Lightspeed Venture Partners (entretien)");
    expect(page.previous!.sources.find((s) => s.id === source.id)).toEqual({ id: source.id, number: expect.any(Number), confidential: true, description: "Un investisseur" });
    // Version 1 itself stays as it was stored (immutable): only what pages show is redacted.
    expect((await db.publishedVersion.findFirstOrThrow({ where: { dossierId: d.id, number: 1 } })).snapshot).toContain("Antoine Moyroud, associé");
  });
});

describe("dossiers published before published versions existed", () => {
  it("get their version 1 at start-up, built from what readers were shown, once", async () => {
    const { backfillPublishedVersions } = await import("@/lib/server/setup/backfill-versions");
    const d = await importSample();
    await db.publishedVersion.deleteMany({ where: { dossierId: d.id } });
    await expect(getPublishedDossier("mistral-ai")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await backfillPublishedVersions()).toEqual(["mistral-ai"]);
    expect(await backfillPublishedVersions()).toEqual([]);
    expect(await getPublishedDossier("mistral-ai")).toMatchObject({ version: 1 });
    expect(await db.publishedVersion.count({ where: { dossierId: d.id } })).toBe(1);
  });
});

describe("the desk's attention filter", () => {
  it("refuses an unknown kind of attention with the field at fault", async () => {
    await expect(listDeskClaims(a.editor, { attention: "everything" })).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { attention: [expect.any(String)] } });
  });
});

describe("a re-check in the public history", () => {
  it("is a line of the claim's history, not a correction, when the verdict and rationale were kept", async () => {
    await importSample();
    const levee = await claim("levee-105-millions");
    await journalistSaves(EDIT_1);
    const record = await getClaimVerdictHistory(a.editor, { claimId: levee.id });
    await confirmVerdict(a.editor, { claimId: levee.id, version: record.claim.version, rationale: record.claim.verdictRationale!, evidenceIds: record.evidence.map((e) => e.id), correctionNote: null });
    await publishUpdate(a.editor, record.dossier.id, "Montant modifié, verdict revérifié.");
    const dossier = await getPublishedDossier("mistral-ai");
    const shown = dossier.claims.find((c) => c.id === levee.id)!;
    expect(shown.history.at(-1)).toMatchObject({ kind: "recheck", isCorrection: false, correctionNote: null });
    expect(dossier.corrections.map((c) => c.claimId)).not.toContain(levee.id);
  });
});
