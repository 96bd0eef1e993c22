// Issue 10, item 4: one large save froze the whole site. Saving an article of 300 claims with a
// paragraph added at the top moves every claim's passage (300 re-anchored, each audited). While
// it runs, the server must keep answering what does not need the save: here a timer, standing in
// for a cached reader page (served without the database). On SQLite the save used to run as one
// unbroken chain of synchronous statements, and nothing else ran until it ended. Other requests'
// statements see the save's result only once committed, never its half-written state
// (docs/decisions/101).
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { articleText } from "@/lib/markdown/render";
import { statementCount } from "@/lib/server/db";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { db, provider, resetDatabase } from "../support/db";
import { demoActors, type Actors } from "../support/newsroom";
import { sentence, syntheticArticle } from "../bench/synthetic";

const CLAIMS = 300;
let actors: Actors;

beforeEach(async () => {
  await resetDatabase();
  actors = await demoActors();
});

async function largeDossier() {
  const body = syntheticArticle(CLAIMS);
  const text = articleText(body);
  const dossier = await db.dossier.create({ data: { slug: "large", title: "Large", summary: "", language: "fr", status: "draft", body }, select: { id: true, version: true } });
  await db.claim.createMany({
    data: Array.from({ length: CLAIMS }, (_, i) => {
      const exact = sentence(i);
      const start = text.indexOf(exact);
      return { dossierId: dossier.id, text: `Fait ${i}`, anchorExact: exact, anchorPrefix: text.slice(Math.max(0, start - 32), start), anchorSuffix: text.slice(start + exact.length, start + exact.length + 32), anchorStart: start, anchorEnd: start + exact.length, position: i };
    }),
  });
  return { ...dossier, body };
}

describe(`a save that re-anchors ${CLAIMS} claims (${provider})`, () => {
  it("lets other work run while it saves, and other statements see only what it committed", { timeout: 180_000 }, async () => {
    const d = await largeDossier();
    const edited = `Un paragraphe ajouté en tête, qui déplace chaque passage.\n\n${d.body}`;
    let saved = 0;
    const save = saveArticle(actors.journalist, { dossierId: d.id, version: d.version, body: edited, note: "" }).then((r) => {
      saved = performance.now();
      return r;
    });
    // Scheduled once the save is under way: "another request" arriving during the save.
    await new Promise((resolve) => setImmediate(resolve));
    const answered = new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 1));
    const read = db.dossier.findUniqueOrThrow({ where: { id: d.id }, select: { version: true } });
    const [result, answeredAt, during] = await Promise.all([save, answered, read]);

    expect(result.changed && result.claims.moved.length).toBe(CLAIMS);
    expect(answeredAt, "the timer fired before the save finished").toBeLessThan(saved);
    // Read during the save: the version before it or after it, never a half-written state.
    expect([d.version, d.version + 1]).toContain(during.version);
    const moved = await db.claim.count({ where: { dossierId: d.id, anchorStart: { gt: 0 } } });
    expect(moved).toBe(CLAIMS);
  });
});

// The re-anchoring writes its claim updates and audit entries in batches (docs/decisions/102).
// This 2,000-claim save mixes every case — claims left in place, moved, changed slightly, lost
// (orphaned), found again (restored), still lost — and must write exactly what the one-statement-
// per-claim code wrote: the digest below was taken from that code (commit 33f64eb) on SQLite, and
// is the same on PostgreSQL.
const MOVE_CLAIMS = 2000;
const LONG_LOST = "Une phrase retirée de l'article depuis longtemps.";
const ORIGINAL = new Date("2024-01-01T00:00:00.000Z");
/** Passages that this edit removes, each after the paragraph of the claim of that number. */
const LOST = new Map([
  [1003, "Le maire de Quimperlé a démissionné en secret durant l'hiver."],
  [1253, "Trois navires chargés de zinc ont quitté Anvers sans déclaration."],
  [1503, "Une fondation suisse a financé la campagne par un prêt caché."],
  [1753, "Le rapport d'audit de 2019 n'a jamais été transmis au conseil."],
]);
const wasOrphaned = (i: number) => i < 1000 && i % 200 === 7; // 7, 207, 407, 607, 807
const reworded = 1511;

async function mixedDossier() {
  const body = syntheticArticle(MOVE_CLAIMS)
    .trimEnd()
    .split("\n\n")
    .flatMap((paragraph) => {
      const lost = LOST.get(Number(/^Le fait numéro (\d+) /.exec(paragraph)?.[1] ?? -1));
      return lost ? [paragraph, lost] : [paragraph];
    })
    .join("\n\n");
  const text = articleText(body);
  const dossier = await db.dossier.create({ data: { slug: "mixed", title: "Mixed", summary: "", language: "fr", status: "draft", body }, select: { id: true, version: true } });
  const passages = [...Array.from({ length: MOVE_CLAIMS }, (_, i) => ({ key: `c${i}`, exact: sentence(i) })), ...[...LOST.values()].map((exact, k) => ({ key: `l${k}`, exact }))]
    .map((p) => ({ ...p, start: text.indexOf(p.exact) }))
    .sort((a, b) => a.start - b.start);
  await db.claim.createMany({
    data: [
      ...passages.map(({ key, exact, start }, position) => ({
        dossierId: dossier.id,
        key,
        text: `Fait ${key}`,
        anchorExact: exact,
        anchorPrefix: text.slice(Math.max(0, start - 32), start),
        anchorSuffix: text.slice(start + exact.length, start + exact.length + 32),
        anchorStart: start,
        anchorEnd: start + exact.length,
        anchorStatus: key.startsWith("c") && wasOrphaned(Number(key.slice(1))) ? "orphaned" : "anchored",
        position,
        version: 1 + (position % 3),
        createdAt: ORIGINAL,
        updatedAt: ORIGINAL,
      })),
      { dossierId: dossier.id, key: "gone", text: "Fait disparu", anchorExact: LONG_LOST, anchorStatus: "orphaned", position: passages.length, createdAt: ORIGINAL, updatedAt: ORIGINAL },
    ],
  });
  return { ...dossier, body };
}

/** The edit: a paragraph inserted in the middle, four passages removed after it, one sentence reworded. */
function mixedEdit(body: string): string {
  const out: string[] = [];
  for (const paragraph of body.split("\n\n")) {
    if ([...LOST.values()].includes(paragraph)) continue;
    const i = Number(/^Le fait numéro (\d+) /.exec(paragraph)?.[1] ?? -1);
    out.push(i === reworded ? paragraph.replace("établi", "etabli") : paragraph);
    if (i === 1000) out.push("Un paragraphe ajouté au milieu, qui déplace chaque passage après lui.");
  }
  return out.join("\n\n") + "\n";
}

describe(`a save that moves, orphans and restores among ${MOVE_CLAIMS} claims (${provider})`, () => {
  it("writes the same claim rows and audit entries as one statement per claim did", { timeout: 600_000 }, async () => {
    const d = await mixedDossier();
    const statementsBefore = statementCount();
    const result = await saveArticle(actors.journalist, { dossierId: d.id, version: d.version, body: mixedEdit(d.body), note: "milieu" });
    const statements = statementCount() - statementsBefore;
    if (!result.changed) throw new Error("nothing saved");
    // Fifty claims per statement (decision 102): 1,003 moved claims cost 2,006 statements one by one.
    expect(statements).toBeLessThan(150);

    const claims = await db.claim.findMany({ where: { dossierId: d.id }, orderBy: { key: "asc" } });
    const keyOf = new Map(claims.map((c) => [c.id, c.key!]));
    const index = (key: string) => (key === "gone" ? 4000 : Number(key.slice(1)) + (key.startsWith("l") ? 3000 : 0));
    claims.sort((a, b) => index(a.key!) - index(b.key!));
    const rows = claims.map((c) => ({
      key: c.key,
      text: c.text,
      exact: c.anchorExact,
      prefix: c.anchorPrefix,
      suffix: c.anchorSuffix,
      start: c.anchorStart,
      end: c.anchorEnd,
      status: c.anchorStatus,
      position: c.position,
      version: c.version,
      anchorRevision: c.anchorRevision,
      createdAt: c.createdAt.toISOString(),
      touched: c.updatedAt.getTime() !== ORIGINAL.getTime(),
    }));
    const audit = (await db.auditLog.findMany({ where: { dossierId: d.id } }))
      .map((a) => ({
        action: a.action,
        entityType: a.entityType,
        entity: a.entityType === "claim" ? keyOf.get(a.entityId) : "dossier",
        actorId: a.actorId === actors.journalist.id,
        actorLabel: a.actorLabel,
        dossierSlug: a.dossierSlug,
        before: a.before,
        after: a.after?.replace(/"(c[a-z0-9]{20,})"/g, (_, id: string) => JSON.stringify(keyOf.get(id) ?? id)) ?? null,
      }))
      .sort((a, b) => `${a.entity}\0${a.action}`.localeCompare(`${b.entity}\0${b.action}`));
    const report = {
      anchored: result.claims.anchored,
      moved: result.claims.moved.map((id) => keyOf.get(id)).sort(),
      orphaned: result.claims.orphaned.map((c) => ({ key: keyOf.get(c.id), text: c.text, exact: c.exact })),
      restored: result.claims.restored.map((id) => keyOf.get(id)).sort(),
    };

    // What a reader of the failure needs, before the digest.
    expect(report.orphaned.map((c) => c.key)).toEqual(["l0", "l1", "l2", "l3"]);
    expect(report.restored).toEqual(["c207", "c407", "c607", "c7", "c807"]);
    expect(report.anchored).toBe(MOVE_CLAIMS);
    expect(rows.filter((r) => r.touched).length).toBeGreaterThan(900);
    expect(rows.filter((r) => !r.touched).length).toBeGreaterThan(900);
    expect(rows.filter((r) => r.status === "orphaned").map((r) => [r.key, r.position, r.touched])).toEqual([
      ["l0", 2000, true],
      ["l1", 2001, true],
      ["l2", 2002, true],
      ["l3", 2003, true],
      ["gone", 2004, false],
    ]);
    expect(rows.find((r) => r.key === "c1511")).toMatchObject({ status: "anchored", touched: true, exact: sentence(1511).replace("établi", "etabli") });
    expect(audit.filter((a) => a.action === "claim.reanchor").length).toBe(report.moved.length);
    expect(audit.filter((a) => a.action === "claim.orphan").length).toBe(4);
    expect(audit.filter((a) => a.action === "claim.reanchor-restored").length).toBe(5);

    const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
    expect({ rows: digest(rows), audit: digest(audit), report: digest(report) }).toEqual(GOLDEN);
  });
});

const GOLDEN = {
  rows: "756f9e5fe27e5925ad5cb94d9e1e99b8e6ce432179a4bfeef27f726b36b40277",
  audit: "44b2722a4425c4ff97b56861cc7a300e461a4b8e7900cff82d04f1f7595837e0",
  report: "f20c9810bd491c0c03a80bd654d906acb6c59e7020c10b09f7f0e007ff62fd19",
};
