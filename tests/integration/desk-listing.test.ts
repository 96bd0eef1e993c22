// The claims desk and each dossier's verification progress, against the real database.
import { beforeEach, describe, expect, it } from "vitest";
import { getVerificationProgress } from "../support/use-cases";
import { listDeskClaims } from "@/lib/server/desk/list-desk-claims";
import { proposeVerdict } from "../support/use-cases";
import { db, resetDatabase } from "../support/db";
import { seedDesk, type DeskFixture } from "../support/desk";

let f: DeskFixture;
let proposalId: string;

const day = (iso: string) => new Date(`${iso}T12:00:00.000Z`);

beforeEach(async () => {
  await resetDatabase();
  f = await seedDesk();
  // Dates that make the expected order unambiguous.
  await db.claim.update({ where: { id: f.claims.siege.id }, data: { createdAt: day("2024-03-01"), assigneeId: f.journalist.id } });
  await db.claim.update({ where: { id: f.claims.chiffre.id }, data: { createdAt: day("2024-02-01"), assigneeId: f.journalist2.id } });
  await db.claim.update({ where: { id: f.claims.licenciements.id }, data: { createdAt: day("2024-04-01") } });
  await db.claim.update({ where: { id: f.claims.recrutement.id }, data: { verdictSetAt: day("2024-01-07") } });
  const { proposal } = await proposeVerdict(f.journalist, { claimId: f.claims.produit.id, version: f.claims.produit.version, verdict: "outdated", rationale: "Version 2 sortie." });
  proposalId = proposal.id;
  await db.verdictProposal.update({ where: { id: proposal.id }, data: { createdAt: day("2024-01-15") } });
});

const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id);

describe("the claims desk", () => {
  it("lists every claim of every dossier, waiting ones first, the longest-waiting at the top", async () => {
    const page = await listDeskClaims(f.journalist, {});
    expect(ids(page)).toEqual([
      f.claims.produit.id, // proposal waiting since 15 January
      f.claims.chiffre.id, // unchecked since 1 February
      f.claims.siege.id, // since 1 March
      f.claims.licenciements.id, // since 1 April
      f.claims.recrutement.id, // checked 7 January
      f.claims.creation.id, // checked 8 January
    ]);
    expect(page).toMatchObject({ total: 6, page: 1, pageCount: 1, pageSize: 25, filters: {} });
  });

  it("describes each claim with what the desk needs to act on it", async () => {
    const page = await listDeskClaims(f.editor, {});
    const produit = page.items[0]!;
    expect(produit).toMatchObject({
      verdict: "verified",
      reviewState: "proposed",
      blocking: ["pending-proposal"],
      waitingSince: day("2024-01-15").toISOString(),
      dossier: { slug: "desk", status: "draft" },
      pendingProposal: { id: proposalId, verdict: "outdated", proposedBy: { id: f.journalist.id, name: f.journalist.name } },
      evidenceCount: 1,
      author: null,
    });
    expect(page.items[1]).toMatchObject({ verdict: null, reviewState: "unreviewed", blocking: ["not-yet-checked"], author: { id: f.editor.id }, assignee: { id: f.journalist2.id }, evidenceCount: 1 });
    expect(page.items[4]).toMatchObject({ verdict: "unverifiable", reviewState: "reviewed", blocking: [], waitingSince: day("2024-01-07").toISOString(), dossier: { slug: "mini" } });
    // Nothing confidential travels with the desk.
    expect(JSON.stringify(page)).not.toMatch(/Paul Dupont|Chef d'équipe|Jean Secret/);
  });

  it("filters by verdict, including not yet checked", async () => {
    expect(ids(await listDeskClaims(f.editor, { verdict: "unchecked" }))).toEqual([f.claims.chiffre.id, f.claims.siege.id, f.claims.licenciements.id]);
    expect(ids(await listDeskClaims(f.editor, { verdict: "verified" }))).toEqual([f.claims.produit.id, f.claims.creation.id]);
    expect(ids(await listDeskClaims(f.editor, { verdict: "false" }))).toEqual([]);
  });

  it("filters by review state", async () => {
    expect(ids(await listDeskClaims(f.editor, { reviewState: "proposed" }))).toEqual([f.claims.produit.id]);
    expect(ids(await listDeskClaims(f.editor, { reviewState: "reviewed" }))).toEqual([f.claims.recrutement.id, f.claims.creation.id]);
    expect(ids(await listDeskClaims(f.editor, { reviewState: "unreviewed" }))).toEqual([f.claims.chiffre.id, f.claims.siege.id, f.claims.licenciements.id]);
  });

  it("filters by dossier and by assignee (someone, me, nobody), and combines filters", async () => {
    expect(ids(await listDeskClaims(f.editor, { dossierId: f.published.id }))).toEqual([f.claims.recrutement.id, f.claims.creation.id]);
    expect(ids(await listDeskClaims(f.editor, { assignee: f.journalist2.id }))).toEqual([f.claims.chiffre.id]);
    const mine = await listDeskClaims(f.journalist, { assignee: "me" });
    expect(ids(mine)).toEqual([f.claims.siege.id]);
    expect(mine.filters).toEqual({ assigneeId: f.journalist.id });
    expect(ids(await listDeskClaims(f.editor, { assignee: "unassigned", dossierId: f.dossier.id }))).toEqual([f.claims.produit.id, f.claims.licenciements.id]);
    expect(ids(await listDeskClaims(f.editor, { verdict: "unchecked", assignee: "unassigned" }))).toEqual([f.claims.licenciements.id]);
  });

  it("treats empty filter values from a form as no filter", async () => {
    const page = await listDeskClaims(f.editor, { verdict: "", reviewState: "", dossierId: "", assignee: "", page: "", pageSize: "" });
    expect(page).toMatchObject({ total: 6, filters: {} });
  });

  it("pages through the list", async () => {
    const second = await listDeskClaims(f.editor, { pageSize: 2, page: "2" });
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 2, pageCount: 3 });
    expect(ids(second)).toEqual([f.claims.siege.id, f.claims.licenciements.id]);
    const beyond = await listDeskClaims(f.editor, { pageSize: 2, page: 9 });
    expect(beyond).toMatchObject({ items: [], total: 6, pageCount: 3 });
  });

  it("refuses bad filters with the field at fault, and anonymous visitors", async () => {
    await expect(listDeskClaims(f.editor, { verdict: "pants-on-fire" })).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { verdict: [expect.any(String)] } });
    await expect(listDeskClaims(f.editor, { reviewState: "done" as "reviewed" })).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { reviewState: [expect.any(String)] } });
    await expect(listDeskClaims(f.editor, { pageSize: 500 })).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { pageSize: ["The page size must be at most 100."] } });
    await expect(listDeskClaims(f.anonymous, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("is a person's view: system actors are refused, here and for progress", async () => {
    await expect(listDeskClaims(f.system, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getVerificationProgress(f.system)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("verification progress", () => {
  it("counts each dossier's claims per review state and verdict, drafts first", async () => {
    const progress = await getVerificationProgress(f.journalist);
    expect(progress.map((p) => p.dossier.slug)).toEqual(["desk", "mini"]);
    const [desk, mini] = progress;
    expect(desk).toMatchObject({ total: 4, byReviewState: { unreviewed: 3, proposed: 1, reviewed: 0 }, pendingProposals: 1, blocking: 4, ready: false });
    expect(desk!.byVerdict).toEqual([
      { verdict: "verified", count: 1 },
      { verdict: "partly-true", count: 0 },
      { verdict: "misleading", count: 0 },
      { verdict: "false", count: 0 },
      { verdict: "unverifiable", count: 0 },
      { verdict: "outdated", count: 0 },
      { verdict: null, count: 3 },
    ]);
    expect(mini).toMatchObject({ total: 2, byReviewState: { unreviewed: 0, proposed: 0, reviewed: 2 }, pendingProposals: 0, blocking: 0, ready: true, dossier: { status: "published" } });
    expect(mini!.byVerdict.filter((v) => v.count > 0)).toEqual([
      { verdict: "verified", count: 1 },
      { verdict: "unverifiable", count: 1 },
    ]);
  });

  it("gives one dossier on request, keeps verdicts no longer in the vocabulary, and has a row for a dossier without claims", async () => {
    await db.claim.update({ where: { id: f.claims.creation.id }, data: { verdict: "retired-verdict" } });
    const [mini] = await getVerificationProgress(f.editor, { dossierId: f.published.id });
    expect(mini!.byVerdict.slice(-2)).toEqual([
      { verdict: "retired-verdict", count: 1 },
      { verdict: null, count: 0 },
    ]);
    const empty = await db.dossier.create({ data: { slug: "vide", title: "Vide" }, select: { id: true } });
    expect(await getVerificationProgress(f.editor, { dossierId: empty.id })).toEqual([
      expect.objectContaining({ total: 0, blocking: 0, ready: true, byReviewState: { unreviewed: 0, proposed: 0, reviewed: 0 } }),
    ]);
  });

  it("is not found for an unknown dossier and refused to anonymous visitors", async () => {
    await expect(getVerificationProgress(f.editor, { dossierId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVerificationProgress(f.anonymous)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
