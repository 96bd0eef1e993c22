// Search conformance: the same tests on both engines (this file runs in the `integration` project
// on SQLite FTS5 and in `integration-postgresql` on PostgreSQL's tsvector). Ranking sanity,
// French and English stemming and accent folding, filters, the permission matrix with the
// confidential source's own strings, the readers' published-only rule, and the index kept in step
// with writes (including a rolled-back one).
import { beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/domain/errors";
import { findSimilarClaims } from "@/lib/server/search/find-similar-claims";
import { rebuildSearchIndex } from "@/lib/server/search/search-index";
import { searchNewsroom } from "@/lib/server/search/search-newsroom";
import { searchPublished } from "@/lib/server/search/search-published";
import { db, provider, resetDatabase } from "../support/db";
import { demoActors, type Actors } from "../support/newsroom";
import { republish } from "../support/reader";

let actors: Actors;
const ids: Record<string, string> = {};

const SECRETS = { title: "Ancien comptable Zorglubtitre", identity: "Jean Zorglubidentite", notes: "Rencontre au café Zorglubnotes" };

async function seed() {
  const fr = await db.dossier.create({
    data: {
      slug: "port-de-brest",
      title: "Le port de Brest",
      language: "fr",
      body: "Les investisseur du port ont signé en mars.\n\nUn long paragraphe sur le port, les quais, la mer, les bateaux et la ville, qui parle une seule fois du contrat portuaire au milieu de beaucoup d'autres mots.\n",
    },
  });
  ids.fr = fr.id;
  const c1 = await db.claim.create({
    data: { dossierId: fr.id, text: "Le contrat portuaire a été vérifié par la mairie", anchorExact: "signé en mars", verdict: "verified", verdictRationale: "Registre consulté.", verdictSetAt: new Date("2024-02-10T00:00:00Z"), position: 1 },
  });
  ids.verified = c1.id;
  const c2 = await db.claim.create({ data: { dossierId: fr.id, text: "Nordmarine a payé zéro impôt en 2022", anchorExact: "Les investisseur", position: 2 } });
  ids.unchecked = c2.id;
  const pub = await db.source.create({ data: { dossierId: fr.id, kind: "official-record", title: "Registre du commerce de Brest", publisher: "Greffe", position: 1 } });
  ids.publicSource = pub.id;
  await db.evidence.create({ data: { claimId: c1.id, sourceId: pub.id, stance: "supports", excerpt: "Contrat enregistré le 3 mars." } });
  const conf = await db.source.create({
    data: { dossierId: fr.id, kind: "person", title: SECRETS.title, identity: SECRETS.identity, notes: SECRETS.notes, confidential: true, publicDescription: "Une personne proche de l'armateur", position: 2 },
  });
  ids.confidentialSource = conf.id;
  const marie = await db.entity.create({ data: { dossierId: fr.id, kind: "person", name: "Marie Durand", description: "porte-parole de la mairie" } });
  ids.entity = marie.id;
  // Written without accents, as a hurried transcription would be.
  const quote = await db.quote.create({ data: { dossierId: fr.id, text: "Nous avons tout declare et tout a ete verifie", language: "fr", speakerId: marie.id, date: "2023-06-01" } });
  ids.quote = quote.id;
  await db.openQuestion.create({ data: { dossierId: fr.id, text: "Qui a négocié les subventions portuaires ?" } });
  const e1 = await db.timelineEvent.create({ data: { dossierId: fr.id, title: "Signature du contrat portuaire", date: "2023-03-12", sortStart: "2023-03-12", sortEnd: "2023-03-12" } });
  ids.event2023 = e1.id;
  const e2 = await db.timelineEvent.create({ data: { dossierId: fr.id, title: "Renouvellement du contrat portuaire", date: "2025-01-05", sortStart: "2025-01-05", sortEnd: "2025-01-05" } });
  ids.event2025 = e2.id;
  await db.dossier.update({ where: { id: fr.id }, data: { status: "published", publishedAt: new Date("2024-03-01T00:00:00Z") } });
  await republish("port-de-brest");
  // After publication: working-copy changes readers must never find.
  await db.claim.create({ data: { dossierId: fr.id, text: "Brouillon Zorglubdraft non publié", anchorExact: "les quais", position: 3 } });
  await db.dossier.update({ where: { id: fr.id }, data: { body: fr.body + "\nUn paragraphe Zorglubarticle ajouté après publication.\n" } });

  const en = await db.dossier.create({ data: { slug: "harbour-investors", title: "Harbour investors", language: "en", body: "The investors checked every invoice.\n" } });
  ids.en = en.id;
  const c3 = await db.claim.create({ data: { dossierId: en.id, text: "The harbour investor was checked by the auditor", anchorExact: "The investors checked", verdict: "false", verdictSetAt: new Date("2024-05-01T00:00:00Z") } });
  ids.english = c3.id;

  const archived = await db.dossier.create({ data: { slug: "archived-one", title: "Archived one", language: "en", archivedAt: new Date() } });
  await db.claim.create({ data: { dossierId: archived.id, text: "Zorglubarchived harbour contract", anchorExact: "x" } });
}

const kinds = (page: { results: { kind: string }[] }) => page.results.map((r) => r.kind);
const recordIds = (page: { results: { recordId: string }[] }) => page.results.map((r) => r.recordId);

beforeAll(async () => {
  await resetDatabase();
  actors = await demoActors();
  await seed();
});

describe(`search on ${provider}`, () => {
  describe("stemming and accents", () => {
    it("finds accented French by words typed without accents, and the reverse", async () => {
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "verifie" }))).toContain(ids.verified);
      // "vérifié" finds the transcription's "verifie"…
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "vérifié" }))).toContain(ids.quote);
      // …and "declaré" (a misspelt accent) finds "declare".
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "déclaré" }))).toContain(ids.quote);
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "CONTRAT Vérifié" }))).toContain(ids.verified);
    });

    it("finds French words by another form of them", async () => {
      const page = await searchNewsroom(actors.journalist, { q: "investisseurs" });
      expect(kinds(page)).toContain("passage"); // the article says "investisseur"
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "négocier subvention" }))).toHaveLength(1);
    });

    it("finds English words by another form of them", async () => {
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "investors" }))).toContain(ids.english);
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "checking auditors" }))).toContain(ids.english);
    });

    it("needs every word: a word nowhere narrows to nothing", async () => {
      expect((await searchNewsroom(actors.journalist, { q: "contrat zzzyxw" })).results).toEqual([]);
    });
  });

  describe("ranking", () => {
    it("puts a record named by the words above a long passage that mentions them once", async () => {
      const page = await searchNewsroom(actors.journalist, { q: "contrat portuaire" });
      const passage = page.results.findIndex((r) => r.kind === "passage");
      const claim = page.results.findIndex((r) => r.recordId === ids.verified);
      expect(claim).toBeGreaterThanOrEqual(0);
      expect(passage).toBeGreaterThan(claim);
    });

    it("highlights the matched words, as text", async () => {
      const page = await searchNewsroom(actors.journalist, { q: "verifie" });
      const hit = page.results.find((r) => r.recordId === ids.quote)!;
      expect(hit.snippet.filter((p) => p.hit).map((p) => p.text)).toContain("verifie");
      expect(hit.href).toBe(`/newsroom/dossiers/port-de-brest/quotes/${ids.quote}`);
      expect(hit.title.map((p) => p.text).join("")).toBe("Marie Durand");
    });
  });

  describe("filters", () => {
    it("by kind, dossier, verdict and date", async () => {
      expect(new Set(kinds(await searchNewsroom(actors.journalist, { q: "contrat", type: "event" })))).toEqual(new Set(["event"]));
      const inEnglish = await searchNewsroom(actors.journalist, { q: "investors", dossier: ids.en });
      expect(inEnglish.results.every((r) => r.dossier.id === ids.en)).toBe(true);
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "contrat", verdict: "verified" }))).toEqual([ids.verified]);
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "Nordmarine", verdict: "unchecked" }))).toEqual([ids.unchecked]);
      const in2023 = await searchNewsroom(actors.journalist, { q: "contrat portuaire", type: "event", from: "2023-01-01", to: "2023-12-31" });
      expect(recordIds(in2023)).toEqual([ids.event2023]);
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "contrat portuaire", type: "event", from: "2024-06-01" }))).toEqual([ids.event2025]);
    });

    it("refuses bad filters with a sentence, and never fails on a query's punctuation", async () => {
      for (const bad of [{ q: "x", type: "everything" }, { q: "x", from: "2024-02-31" }, { q: "x", from: "2024-05-01", to: "2024-01-01" }, { q: "x".repeat(201) }, { q: "*" }, { q: '")(:' }]) {
        await expect(searchNewsroom(actors.journalist, bad)).rejects.toSatisfy((e: unknown) => isAppError(e) && e.code === "INVALID_INPUT");
      }
      for (const syntax of ['contrat" OR "x', "contrat*", "NEAR(contrat portuaire)", "contrat -portuaire", "contrat AND OR NOT", "{fr_title}: contrat", "contrat & | ! <-> :*", "l'investisseur", "contrat\u0000"]) {
        const run = searchNewsroom(actors.journalist, { q: syntax });
        if (syntax.includes("\u0000")) await expect(run).rejects.toSatisfy((e: unknown) => isAppError(e) && e.code === "INVALID_INPUT");
        else await expect(run).resolves.toBeDefined();
      }
      expect((await searchNewsroom(actors.journalist, { q: "   " })).results).toEqual([]);
    });
  });

  describe("permissions", () => {
    it("refuses anonymous visitors", async () => {
      await expect(searchNewsroom(actors.anonymous, { q: "contrat" })).rejects.toSatisfy((e: unknown) => isAppError(e) && e.code === "UNAUTHENTICATED");
      await expect(findSimilarClaims(actors.anonymous, { text: "contrat" })).rejects.toSatisfy((e: unknown) => isAppError(e) && e.code === "UNAUTHENTICATED");
    });

    it("never lets a journalist find a confidential source by its title, identity or notes", async () => {
      for (const secret of [SECRETS.title, SECRETS.identity, SECRETS.notes, "Zorglubtitre", "Zorglubidentite", "Zorglubnotes", "comptable"]) {
        const page = await searchNewsroom(actors.journalist, { q: secret });
        expect(page.results, secret).toEqual([]);
      }
      // It is found by what journalists know of it, and the result says nothing more.
      const known = await searchNewsroom(actors.journalist, { q: "armateur" });
      expect(recordIds(known)).toEqual([ids.confidentialSource]);
      const sent = JSON.stringify(known);
      for (const s of ["Zorglub", "comptable", "Jean"]) expect(sent).not.toContain(s);
    });

    it("lets an editor find a confidential source by its title, identity and notes, once", async () => {
      for (const secret of ["Zorglubtitre", "Zorglubidentite", "Zorglubnotes", "armateur"]) {
        expect(recordIds(await searchNewsroom(actors.editor, { q: secret })), secret).toEqual([ids.confidentialSource]);
        expect(recordIds(await searchNewsroom(actors.admin, { q: secret })), secret).toEqual([ids.confidentialSource]);
      }
    });

    it("leaves archived dossiers out for everybody", async () => {
      for (const actor of [actors.journalist, actors.editor, actors.admin]) expect((await searchNewsroom(actor, { q: "Zorglubarchived" })).results).toEqual([]);
      expect((await searchPublished({ q: "Zorglubarchived" }, "en")).results).toEqual([]);
    });

    it("shows readers the published version only: never a draft, an unpublished change or a confidential source", async () => {
      const claim = await searchPublished({ q: "verifie mairie" }, "fr");
      expect(recordIds(claim)).toContain(ids.verified);
      expect(claim.results.find((r) => r.recordId === ids.verified)!.href).toBe(`/fr/dossiers/port-de-brest/claims/${ids.verified}`);
      for (const hidden of ["Zorglubdraft", "Zorglubarticle", "Zorglubtitre", "Zorglubidentite", "Zorglubnotes", "armateur", "investors", "auditor"]) {
        expect((await searchPublished({ q: hidden }, "fr")).results, hidden).toEqual([]);
      }
      // The newsroom does find the working copy.
      expect((await searchNewsroom(actors.journalist, { q: "Zorglubdraft" })).results).toHaveLength(1);
      expect((await searchNewsroom(actors.journalist, { q: "Zorglubarticle" })).results).toHaveLength(1);
    });
  });

  describe("kept in step with writes", () => {
    it("follows an edit, a deletion, a rolled-back write, an unpublication and a rebuild", async () => {
      await db.entity.update({ where: { id: ids.entity }, data: { name: "Marie Quenelle" } });
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "Quenelle", type: "quote" }))).toEqual([ids.quote]);
      await expect(
        db.$transaction(async (tx) => {
          await tx.claim.update({ where: { id: ids.unchecked }, data: { text: "Zorglubrollback" } });
          throw new Error("abandoned");
        }),
      ).rejects.toThrow("abandoned");
      expect((await searchNewsroom(actors.journalist, { q: "Zorglubrollback" })).results).toEqual([]);
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "Nordmarine impôt" }))).toEqual([ids.unchecked]);

      await db.claim.update({ where: { id: ids.unchecked }, data: { text: "Nordmarine a reçu une subvention" } });
      expect((await searchNewsroom(actors.journalist, { q: "impôt" })).results).toEqual([]);
      expect(recordIds(await searchNewsroom(actors.journalist, { q: "subvention", type: "claim" }))).toEqual([ids.unchecked]);

      const before = recordIds(await searchNewsroom(actors.editor, { q: "contrat" })).sort();
      const rebuilt = await rebuildSearchIndex();
      expect(rebuilt.documents).toBeGreaterThan(10);
      expect(recordIds(await searchNewsroom(actors.editor, { q: "contrat" })).sort()).toEqual(before);

      await db.dossier.update({ where: { id: ids.fr }, data: { status: "draft" } });
      expect((await searchPublished({ q: "verifie" }, "fr")).results).toEqual([]);
      await db.dossier.update({ where: { id: ids.fr }, data: { status: "published" } });
      expect(recordIds(await searchPublished({ q: "verifie" }, "fr"))).toContain(ids.verified);

      await db.claim.delete({ where: { id: ids.english } });
      expect((await searchNewsroom(actors.journalist, { q: "auditor" })).results).toEqual([]);
    });
  });

  describe("seen before", () => {
    it("offers a claim of another dossier with its verdict and evidence, not the dossier's own", async () => {
      const offered = await findSimilarClaims(actors.journalist, { text: "Le contrat portuaire de Brest a été vérifié", dossierId: ids.en });
      expect(offered.map((c) => c.id)).toEqual([ids.verified]);
      expect(offered[0]).toMatchObject({ verdict: "verified", dossier: { slug: "port-de-brest" }, evidence: [{ stance: "supports", sourceLabel: "Registre du commerce de Brest" }] });
      expect(await findSimilarClaims(actors.journalist, { text: "Le contrat portuaire de Brest a été vérifié", dossierId: ids.fr })).toEqual([]);
      expect(await findSimilarClaims(actors.journalist, { text: "Un chat noir dort au soleil" })).toEqual([]);
    });

    it("offers a claim having every word of the wording even when a thousand others have some of them", async () => {
      // Each word of the wording is in 500 claims: only the first thousand claims having one are
      // compared, and the one that says it all comes after them.
      const fleet = await db.dossier.create({ data: { slug: "flotte-commune", title: "Flotte", language: "fr" } });
      await db.claim.createMany({
        data: Array.from({ length: 1000 }, (_, i) => ({ dossierId: fleet.id, text: i % 2 ? `La flotte et l'armement du navire ${i}` : `Le registre et l'escale du navire ${i}`, anchorExact: "x", position: i })),
      });
      const other = await db.dossier.create({ data: { slug: "flotte-entiere", title: "Autre", language: "fr" } });
      const all = await db.claim.create({ data: { dossierId: other.id, text: "La flotte, l'armement, le registre et l'escale", anchorExact: "x" } });
      const offered = await findSimilarClaims(actors.journalist, { text: "Flotte, armement, registre, escale" });
      expect(offered[0]).toMatchObject({ id: all.id, overlap: 1 });
      expect(offered.slice(1).map((c) => c.overlap)).toEqual([0.5, 0.5, 0.5, 0.5]);
    });
  });
});
