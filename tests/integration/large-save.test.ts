// Issue 10, item 4: one large save froze the whole site. Saving an article of 300 claims with a
// paragraph added at the top moves every claim's passage (300 re-anchored, each audited). While
// it runs, the server must keep answering what does not need the save: here a timer, standing in
// for a cached reader page (served without the database). On SQLite the save used to run as one
// unbroken chain of synchronous statements, and nothing else ran until it ended. Other requests'
// statements see the save's result only once committed, never its half-written state
// (docs/decisions/101).
import { beforeEach, describe, expect, it } from "vitest";
import { articleText } from "@/lib/markdown/render";
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
