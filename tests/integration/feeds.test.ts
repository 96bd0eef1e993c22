// The open feeds (issue 16, item 3) through their real route handlers against the real database
// (SQLite and PostgreSQL): each validates against its format, carries the published content, and
// never anything a reader may not see — a draft, an unpublished change made by any role, or a
// confidential source's title, identity or notes — whoever asks. A publication then shows the
// change. Next's data cache is bypassed (each request reads the database), as after a revalidation.
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ unstable_cache: (fn: () => unknown) => fn, revalidateTag: vi.fn(), revalidatePath: vi.fn() }));

const { SYSTEM_IMPORT } = await import("@/lib/server/actor");
const { importContentFolder } = await import("@/lib/server/content/import-folder");
const { createDossier } = await import("@/lib/server/dossiers/create-dossier");
const { saveArticle } = await import("@/lib/server/dossiers/save-article");
const { updateDossier } = await import("@/lib/server/dossiers/update-dossier");
const { unpublishDossier } = await import("@/lib/server/publishing/unpublish-dossier");
const { createSource } = await import("@/lib/server/sources/create-source");
const { DEMO_PASSWORD } = await import("@/lib/server/setup/demo-users");
const { getClaimVerdictHistory } = await import("@/lib/server/verdicts/get-claim-verdict-history");
const { proposeVerdict } = await import("@/lib/server/verdicts/propose-verdict");
const { setVerdict } = await import("@/lib/server/verdicts/set-verdict");
const { withdrawProposal } = await import("@/lib/server/verdicts/withdraw-proposal");
const { htmlText, xmlText } = await import("@/lib/domain/feeds");
const { publicUrl } = await import("@/lib/env");
const newsroomJson = (await import("@/app/api/feeds/verdicts.json/route")).GET;
const newsroomAtom = (await import("@/app/api/feeds/updates.atom/route")).GET;
const dossierJson = (await import("@/app/api/dossiers/[slug]/verdicts.json/route")).GET;
const dossierAtom = (await import("@/app/api/dossiers/[slug]/updates.atom/route")).GET;
const dossierTimeline = (await import("@/app/api/dossiers/[slug]/timeline.json/route")).GET;
const claimReviewRoute = (await import("@/app/api/dossiers/[slug]/claimreview/route")).GET;
const { signInRequest } = await import("../support/auth");
const { scratchCopy } = await import("../support/content");
const { db, resetDatabase } = await import("../support/db");
const { publishUpdate } = await import("../support/desk");
const { ClaimReviewSchema, JsonFeedSchema, parseAtom, TimelineJsSchema } = await import("../support/feed-formats");
const { demoActors } = await import("../support/newsroom");

type Actors = Awaited<ReturnType<typeof demoActors>>;
let a: Actors;

beforeEach(async () => {
  await resetDatabase();
  a = await demoActors();
  const result = await importContentFolder(SYSTEM_IMPORT, scratchCopy("mini"));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
});

const request = (p: string, headers: Record<string, string> = {}) => new Request(`${publicUrl()}${p}`, { headers });
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

/** Every feed of the site, for these dossiers, fetched with these request headers. */
async function allFeeds(slugs: string[], headers: Record<string, string> = {}) {
  const out: Record<string, Response> = {
    "/api/feeds/verdicts.json": await newsroomJson(request("/api/feeds/verdicts.json", headers)),
    "/api/feeds/updates.atom": await newsroomAtom(request("/api/feeds/updates.atom", headers)),
  };
  for (const slug of slugs) {
    out[`/api/dossiers/${slug}/verdicts.json`] = await dossierJson(request(`/api/dossiers/${slug}/verdicts.json`, headers), params(slug));
    out[`/api/dossiers/${slug}/updates.atom`] = await dossierAtom(request(`/api/dossiers/${slug}/updates.atom`, headers), params(slug));
    out[`/api/dossiers/${slug}/timeline.json`] = await dossierTimeline(request(`/api/dossiers/${slug}/timeline.json`, headers), params(slug));
  }
  return out;
}

async function bodies(responses: Record<string, Response>): Promise<Record<string, { status: number; text: string }>> {
  const out: Record<string, { status: number; text: string }> = {};
  for (const [k, r] of Object.entries(responses)) out[k] = { status: r.status, text: await r.text() };
  return out;
}

/** Parses and validates each feed against its format (throws on the first violation). */
function validate(feeds: Record<string, { status: number; text: string }>) {
  for (const [p, { status, text }] of Object.entries(feeds)) {
    expect(status, p).toBe(200);
    if (p.endsWith("verdicts.json")) {
      const feed = JsonFeedSchema.parse(JSON.parse(text));
      for (const item of feed.items) ClaimReviewSchema.parse((item._dossier as { claimReview: unknown }).claimReview);
    } else if (p.endsWith("timeline.json")) TimelineJsSchema.parse(JSON.parse(text));
    else parseAtom(text);
  }
}

/** A secret is absent in every form a feed could carry it: as written, escaped for HTML (TimelineJS), XML (Atom) or JSON. */
function expectAbsent(all: string, secret: string, label = secret) {
  for (const form of new Set([secret, htmlText(secret), xmlText(secret), JSON.stringify(secret).slice(1, -1)])) expect(all, label).not.toContain(form);
}

const MINI_SECRETS = ["Jean Secret", "Directeur financier d'Exemple", "directeur financier", "ne pas recontacter", "Rencontré deux fois"];

describe("the open feeds", () => {
  it("validate against their formats and carry the published verdicts, their history, the dossier and its timeline", async () => {
    const feeds = await bodies(await allFeeds(["mini"]));
    validate(feeds);
    const json = JsonFeedSchema.parse(JSON.parse(feeds["/api/dossiers/mini/verdicts.json"]!.text));
    expect(json).toMatchObject({ title: "Une petite enquête — verdicts", language: "fr", feed_url: `${publicUrl()}/api/dossiers/mini/verdicts.json` });
    expect(json.items.map((i) => i.title).sort()).toEqual(["Invérifiable: Exemple aurait recruté vingt personnes en 2022.", "Vérifié: Exemple a été créée le 3 mars 2021."]);
    const creation = json.items.find((i) => i.title!.startsWith("Vérifié"))!;
    expect(creation.url).toMatch(/\/fr\/dossiers\/mini\/claims\/[a-z0-9]+$/);
    expect(creation).toMatchObject({ date_published: "2024-01-10T12:00:00.000Z", tags: ["verified"], language: "fr", summary: "Le registre le confirme." });
    expect(creation._dossier).toMatchObject({
      verdict: { key: "verified", rating: 5 },
      history: [{ kind: "verdict", fromVerdict: null, toVerdict: "verified", rationale: "Le registre le confirme.", isCorrection: false }],
      corrections: [],
      evidence: [{ stance: "supports", source: { number: 1, confidential: false, title: "Registre du commerce de Lyon" } }],
    });
    // The confidential source: its public description, nothing else.
    const recruitment = json.items.find((i) => i.title!.startsWith("Invérifiable"))!;
    expect((recruitment._dossier as { evidence: unknown[]; verdict: unknown }).evidence).toEqual([
      { stance: "supports", excerpt: "Une vingtaine d'embauches", source: { number: 2, confidential: true, description: "Une personne proche de la direction", citationUrl: expect.stringMatching(/#source-2$/) } },
    ]);
    expect(recruitment._dossier).toMatchObject({ verdict: { key: "unverifiable", rating: null } });
    // The same items as the ClaimReview endpoint's, and in the newsroom-wide feed.
    const reviews = (await (await claimReviewRoute(request("/api/dossiers/mini/claimreview"), params("mini"))).json()) as unknown[];
    expect(json.items.map((i) => (i._dossier as { claimReview: unknown }).claimReview)).toEqual(expect.arrayContaining(reviews));
    expect(JSON.parse(feeds["/api/feeds/verdicts.json"]!.text).items.map((i: { id: string }) => i.id).sort()).toEqual(json.items.map((i) => i.id).sort());

    const atom = parseAtom(feeds["/api/dossiers/mini/updates.atom"]!.text);
    expect(atom.entries).toEqual([expect.objectContaining({ title: "Nouveau dossier : Une petite enquête", summary: "Un dossier de test.", updated: "2024-01-10T12:00:00.000Z", categories: ["dossier"], lang: "fr" })]);
    expect(atom.entries[0]!.links[0]!.href).toBe(`${publicUrl()}/fr/dossiers/mini`);

    const timeline = TimelineJsSchema.parse(JSON.parse(feeds["/api/dossiers/mini/timeline.json"]!.text));
    expect(timeline.events.map((e) => [e.start_date, e.end_date, e.display_date])).toEqual([
      [{ year: 2021, month: 3, day: 3 }, undefined, "3 mars 2021"],
      [{ year: 2022 }, undefined, expect.stringContaining("2022")],
    ]);
    expect(timeline.events[1]!.text!.text).toContain("Rapporté, non confirmé");
    expect(timeline.events[0]!.text!.text).toMatch(/<a href="[^"]+\/fr\/dossiers\/mini\/claims\/[a-z0-9]+">Affirmation 1/);
    for (const { text } of Object.values(feeds)) for (const secret of MINI_SECRETS) expectAbsent(text, secret);
  });

  it("never show a draft, an unpublished change or a confidential source's secrets, whichever role made them or asks; a publication shows the change", async () => {
    const mini = await db.dossier.findUniqueOrThrow({ where: { slug: "mini" }, select: { id: true, version: true } });
    // A journalist: a draft dossier with a checked claim's words, a confidential source, a new title.
    const { dossier: draft } = await createDossier(a.journalist, { title: "Brouillon du journaliste", summary: "Résumé du brouillon", language: "fr" });
    await saveArticle(a.journalist, { dossierId: draft.id, version: draft.version, body: "Texte du brouillon jamais publié.", note: "" });
    await createSource(a.journalist, {
      dossierId: mini.id,
      kind: "person",
      title: "Titre confidentiel du journaliste",
      url: null,
      publisher: null,
      author: null,
      date: null,
      accessedAt: null,
      reliability: "medium",
      confidential: true,
      publicDescription: "Un témoin du dossier",
      identity: "Identité confidentielle du journaliste",
      notes: "Notes confidentielles du journaliste",
    } as never);
    await updateDossier(a.journalist, { dossierId: mini.id, version: mini.version, title: "Titre de travail non publié", summary: "Un dossier de test.", language: "fr" });
    const recruitment = await db.claim.findFirstOrThrow({ where: { key: "recrutement" }, select: { id: true, version: true } });
    const recruitmentEvidence = await db.evidence.findMany({ where: { claimId: recruitment.id }, select: { id: true } });
    const { proposal } = await proposeVerdict(a.journalist, { claimId: recruitment.id, version: recruitment.version, verdict: "false", rationale: "Proposition non relue du journaliste", evidenceIds: recruitmentEvidence.map((e) => e.id) });
    // An editor: a correction of a verdict, not yet published.
    const creation = await db.claim.findFirstOrThrow({ where: { key: "creation" }, select: { id: true } });
    const history = await getClaimVerdictHistory(a.editor, { claimId: creation.id });
    await setVerdict(a.editor, {
      claimId: creation.id,
      version: history.claim.version,
      verdict: "false",
      rationale: "Raison de la correction pas encore publiée",
      evidenceIds: history.evidence.map((e) => e.id),
      correctionNote: "Note de correction pas encore publiée",
    });
    // An admin: a paragraph added to the article.
    const now = await db.dossier.findUniqueOrThrow({ where: { id: mini.id }, select: { version: true, body: true } });
    await saveArticle(a.admin, { dossierId: mini.id, version: now.version, body: `${now.body}\n\nParagraphe ajouté par l'administratrice.\n`, note: "" });

    const unpublished = [
      "Brouillon du journaliste",
      "Résumé du brouillon",
      "Texte du brouillon",
      "Titre confidentiel du journaliste",
      "Identité confidentielle du journaliste",
      "Notes confidentielles du journaliste",
      "Titre de travail non publié",
      "Proposition non relue du journaliste",
      "Raison de la correction pas encore publiée",
      "Note de correction pas encore publiée",
      "Paragraphe ajouté",
    ];
    // Whoever asks — anonymous, or signed in as any role — gets the same feeds: the published ones.
    const sessions: Record<string, Record<string, string>> = { anonymous: {} };
    for (const role of ["journalist", "editor", "admin"] as const) {
      const { cookie } = await signInRequest(`${role}@example.com`, DEMO_PASSWORD, `203.0.113.${role.length}`);
      expect(cookie, role).toBeTruthy();
      sessions[role] = { cookie: cookie! };
    }
    const draftSlug = (await db.dossier.findUniqueOrThrow({ where: { id: draft.id }, select: { slug: true } })).slug;
    let anonymous: Record<string, { status: number; text: string }> | undefined;
    for (const [role, headers] of Object.entries(sessions)) {
      const feeds = await bodies(await allFeeds(["mini"], headers));
      validate(feeds);
      const all = Object.values(feeds).map((f) => f.text).join("\n");
      for (const secret of [...unpublished, ...MINI_SECRETS]) expectAbsent(all, secret, `${role}: ${secret}`);
      expect(all).toContain("Une petite enquête");
      expect(all).toContain("Le registre le confirme.");
      expect(all).toContain("Une personne proche de la direction");
      anonymous ??= feeds;
      expect(feeds, role).toEqual(anonymous);
      // The draft's own feeds do not exist, for anyone.
      for (const [p, r] of Object.entries(await allFeeds([draftSlug], headers))) {
        if (!p.includes(draftSlug)) continue;
        expect(r.status, p).toBe(404);
        expect(await r.json()).toEqual({ error: { code: "NOT_FOUND", message: `No published dossier "${draftSlug}".` } });
      }
    }

    // The journalist withdraws the proposal (a pending one blocks publishing), then the editor
    // publishes the update: the correction, the new title and article reach the feeds; secrets never do.
    await withdrawProposal(a.journalist, { proposalId: proposal.id });
    await publishUpdate(a.editor, mini.id, "Le verdict sur la date de création a été corrigé.");
    const after = await bodies(await allFeeds(["mini"]));
    validate(after);
    const all = Object.values(after).map((f) => f.text).join("\n");
    for (const secret of ["Titre confidentiel du journaliste", "Identité confidentielle du journaliste", "Notes confidentielles du journaliste", "Proposition non relue du journaliste", "Brouillon du journaliste", ...MINI_SECRETS]) {
      expectAbsent(all, secret);
    }
    const json = JsonFeedSchema.parse(JSON.parse(after["/api/dossiers/mini/verdicts.json"]!.text));
    expect(json.title).toBe("Titre de travail non publié — verdicts");
    const corrected = json.items.find((i) => i.url!.endsWith(creation.id))!;
    expect(corrected).toMatchObject({ title: "Faux: Exemple a été créée le 3 mars 2021.", tags: ["false"] });
    expect(corrected.content_text).toContain("Correction: Note de correction pas encore publiée");
    expect((corrected._dossier as { corrections: unknown[] }).corrections).toEqual([expect.objectContaining({ fromVerdict: "verified", toVerdict: "false", correctionNote: "Note de correction pas encore publiée" })]);
    expect(corrected.date_modified! > corrected.date_published!).toBe(true);
    // Newest first: the corrected verdict leads the newsroom's feed.
    expect(JSON.parse(after["/api/feeds/verdicts.json"]!.text).items[0].id).toBe(corrected.id);

    const atom = parseAtom(after["/api/feeds/updates.atom"]!.text);
    expect(atom.entries.map((e) => [e.title, e.categories])).toEqual([
      ["Mise à jour (version 2) : Titre de travail non publié", ["update"]],
      ["Correction de l'affirmation 1 : Exemple a été créée le 3 mars 2021.", ["correction"]],
      ["Nouveau dossier : Titre de travail non publié", ["dossier"]],
    ]);
    expect(atom.entries[0]).toMatchObject({ summary: "Le verdict sur la date de création a été corrigé." });
    expect(atom.entries[0]!.links[0]!.href).toBe(`${publicUrl()}/fr/dossiers/mini/versions/2`);
    expect(atom.entries[1]!.content).toContain("Verdict : Vérifié → Faux.");
    expect(atom.entries[1]!.content).toContain("Note de correction pas encore publiée");
    // Entry ids are permanent: version 1's entry keeps its id after the update.
    const before = parseAtom(anonymous!["/api/feeds/updates.atom"]!.text);
    expect(atom.entries[2]!.id).toBe(before.entries[0]!.id);
  });

  it("drop an unpublished dossier at once, and answer its feeds with a 404", async () => {
    const mini = await db.dossier.findUniqueOrThrow({ where: { slug: "mini" }, select: { id: true, version: true } });
    await unpublishDossier(a.editor, { dossierId: mini.id, version: mini.version, reason: null });
    const feeds = await allFeeds(["mini"]);
    const json = JsonFeedSchema.parse(await feeds["/api/feeds/verdicts.json"]!.json());
    expect(json.items).toEqual([]);
    expect(parseAtom(await feeds["/api/feeds/updates.atom"]!.text()).entries).toEqual([]);
    for (const p of ["/api/dossiers/mini/verdicts.json", "/api/dossiers/mini/updates.atom", "/api/dossiers/mini/timeline.json"]) expect(feeds[p]!.status, p).toBe(404);
  });

  it("are cached like the reader JSON: public, tagged for purging, with an ETag that answers 304", async () => {
    const feeds = await allFeeds(["mini"]);
    const types: Record<string, string> = {
      "/api/feeds/verdicts.json": "application/feed+json; charset=utf-8",
      "/api/feeds/updates.atom": "application/atom+xml; charset=utf-8",
      "/api/dossiers/mini/verdicts.json": "application/feed+json; charset=utf-8",
      "/api/dossiers/mini/updates.atom": "application/atom+xml; charset=utf-8",
      "/api/dossiers/mini/timeline.json": "application/json; charset=utf-8",
    };
    for (const [p, r] of Object.entries(feeds)) {
      expect(r.headers.get("content-type"), p).toBe(types[p]);
      expect(r.headers.get("cache-control"), p).toMatch(/^public, max-age=0, s-maxage=\d+/);
      expect(r.headers.get("access-control-allow-origin"), p).toBe("*");
      expect(r.headers.get("cache-tag"), p).toBe(p.startsWith("/api/feeds/") ? "reader,reader:list" : "reader,reader:dossier:mini");
    }
    const etag = feeds["/api/dossiers/mini/updates.atom"]!.headers.get("etag")!;
    const again = await dossierAtom(request("/api/dossiers/mini/updates.atom", { "if-none-match": etag }), params("mini"));
    expect(again.status).toBe(304);
  });

  it("answer an unknown or malformed slug with a 404 in JSON", async () => {
    for (const slug of ["no-such-dossier", "../etc/passwd", "Mini"]) {
      const r = await dossierTimeline(request(`/api/dossiers/${encodeURIComponent(slug)}/timeline.json`), params(slug));
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({ error: { code: "NOT_FOUND", message: `No published dossier "${slug}".` } });
    }
  });

  it("keep the shipped sample's confidential source to its description, and validate on a full dossier", async () => {
    await importContentFolder(SYSTEM_IMPORT, path.join(process.cwd(), "content", "dossiers"));
    const source = await db.source.findFirstOrThrow({ where: { confidential: true, dossier: { slug: "mistral-ai" } }, select: { title: true, identity: true, notes: true, publicDescription: true } });
    const feeds = await bodies(await allFeeds(["mistral-ai"]));
    validate(feeds);
    const all = Object.values(feeds).map((f) => f.text).join("\n");
    for (const secret of [source.title, source.identity!, source.notes!]) expectAbsent(all, secret);
    // By its public description, in the timeline (escaped for TimelineJS's HTML) as on the timeline page.
    expect(feeds["/api/dossiers/mistral-ai/timeline.json"]!.text).toContain(JSON.stringify(htmlText(source.publicDescription!)).slice(1, -1));
    expect(TimelineJsSchema.parse(JSON.parse(feeds["/api/dossiers/mistral-ai/timeline.json"]!.text)).events.length).toBeGreaterThan(3);
  });
});
