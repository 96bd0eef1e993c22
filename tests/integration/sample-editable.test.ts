// Issue 9, item 5: the sample must be editable as shipped (every record saves unchanged through
// the newsroom's own forms), and no quote may show journalists a confidential source's withheld
// title as its speaker; the newsroom's quote form warns when a speaker label would.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_IMPORT } from "@/lib/server/actor";
import { importContentFolder } from "@/lib/server/content/import-folder";
import { getDossierWorkspace } from "@/lib/server/dossiers/get-dossier-workspace";
import { createQuote } from "@/lib/server/quotes/create-quote";
import { updateQuote } from "@/lib/server/quotes/update-quote";
import { updateQuestion } from "@/lib/server/questions/update-question";
import { parseInput } from "@/lib/schemas/parse";
import { UpdateQuestionSchema, UpdateQuoteSchema } from "@/lib/schemas/records";
import { db, resetDatabase } from "../support/db";
import { demoActors, type Actors } from "../support/newsroom";

let actors: Actors;
let dossierId: string;
beforeAll(async () => {
  await resetDatabase();
  actors = await demoActors();
  const result = await importContentFolder(SYSTEM_IMPORT, path.join(process.cwd(), "content", "dossiers"));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  expect(result.warnings).toEqual([]);
  dossierId = (await db.dossier.findUniqueOrThrow({ where: { slug: "mistral-ai" }, select: { id: true } })).id;
});

describe("the sample, edited as shipped", () => {
  it("saves every open question unchanged through the edit form's schema", async () => {
    const workspace = await getDossierWorkspace(actors.journalist, "mistral-ai");
    for (const q of workspace.questions) {
      // What the edit form posts for this question, untouched.
      const form = { dossierId, questionId: q.id, version: String(q.version), text: q.text, ownerId: q.ownerId ?? "", status: q.status, answeringClaimId: q.answeringClaimId ?? "", answer: q.answer ?? "" };
      const input = parseInput(UpdateQuestionSchema, form);
      await expect(updateQuestion(actors.journalist, input), q.text).resolves.toMatchObject({ question: { status: q.status } });
    }
    const openSource = await db.openQuestion.findFirstOrThrow({ where: { key: "sens-open-source" }, select: { status: true, answeringClaim: { select: { key: true } } } });
    expect(openSource).toEqual({ status: "answered", answeringClaim: { key: "communication-debut-2024" } });
  });

  it("saves every quote unchanged, without a warning", async () => {
    const workspace = await getDossierWorkspace(actors.journalist, "mistral-ai");
    for (const q of workspace.quotes) {
      const form = { dossierId, quoteId: q.id, version: String(q.version), text: q.text, language: q.language, speakerId: q.speakerId ?? "", speakerLabel: q.speakerLabel ?? "", date: q.date ?? "", context: q.context, sourceId: q.sourceId ?? "", ...(q.onRecord ? { onRecord: "on" } : {}) };
      const result = await updateQuote(actors.journalist, parseInput(UpdateQuoteSchema, form));
      expect(result.warnings, q.text).toEqual([]);
      expect(result.quote.text).toBe(q.text);
    }
  });

  it("never shows a journalist the confidential source's title on the quotes", async () => {
    const secret = await db.source.findFirstOrThrow({ where: { dossierId, confidential: true }, select: { title: true } });
    const workspace = await getDossierWorkspace(actors.journalist, "mistral-ai");
    expect(JSON.stringify(workspace.quotes)).not.toContain(secret.title);
  });
});

describe("the quote form's warning", () => {
  it("warns, once saved, when the speaker label repeats a confidential source's title or identity, naming the source only as readers know it", async () => {
    const secret = await db.source.findFirstOrThrow({ where: { dossierId, confidential: true }, select: { title: true, identity: true, publicDescription: true } });
    for (const label of [secret.title, `Selon ${secret.identity}`]) {
      const { quote, warnings } = await createQuote(actors.journalist, { dossierId, text: "Pas de commentaire.", language: "fr", speakerId: null, speakerLabel: label, date: null, context: "", sourceId: null, onRecord: false });
      expect(warnings).toEqual([expect.stringContaining(`“${secret.publicDescription}”`)]);
      expect(warnings[0]).not.toContain(secret.title);
      expect(warnings[0]).not.toContain(secret.identity!);
      expect(quote.speakerLabel).toBe(label);
    }
    const plain = await createQuote(actors.journalist, { dossierId, text: "Pas de commentaire.", language: "fr", speakerId: null, speakerLabel: "Une personne contactée", date: null, context: "", sourceId: null, onRecord: false });
    expect(plain.warnings).toEqual([]);
  });
});
