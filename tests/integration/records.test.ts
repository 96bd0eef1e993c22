// Sources (with the confidentiality rules), people and organisations, quotes, open questions and
// timeline events: created, edited, deleted with their rules, linked within one dossier.
import { beforeEach, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/schemas/parse";
import { CreateEventSchema, CreateQuoteSchema, UpdateQuestionSchema } from "@/lib/schemas/records";
import { CreateSourceSchema } from "@/lib/schemas/sources";
import { createClaim } from "@/lib/server/claims/create-claim";
import { getDossierWorkspace } from "@/lib/server/dossiers/get-dossier-workspace";
import { createEntity } from "@/lib/server/entities/create-entity";
import { deleteEntity } from "@/lib/server/entities/delete-entity";
import { createEvent } from "@/lib/server/events/create-event";
import { updateEvent } from "@/lib/server/events/update-event";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { createQuestion } from "@/lib/server/questions/create-question";
import { updateQuestion } from "@/lib/server/questions/update-question";
import { createQuote } from "@/lib/server/quotes/create-quote";
import { createSource } from "@/lib/server/sources/create-source";
import { deleteSource } from "@/lib/server/sources/delete-source";
import { updateSource } from "@/lib/server/sources/update-source";
import { getClaimVerdictHistory } from "../support/use-cases";
import { db, resetDatabase } from "../support/db";
import { demoActors, dossierWithArticle, selectionOf, tableCounts, type Actors } from "../support/newsroom";

let actors: Actors;
let d: Awaited<ReturnType<typeof dossierWithArticle>>;
beforeEach(async () => {
  await resetDatabase();
  actors = await demoActors();
  d = await dossierWithArticle(actors.journalist);
});

const confidential = {
  kind: "person" as const, title: "Former accountant", url: null, publisher: null, author: null, date: null, accessedAt: null,
  reliability: "medium" as const, confidential: true, publicDescription: "A former employee", identity: "Ana Secret", notes: "Met twice",
};

describe("confidential sources", () => {
  it("lets a journalist record an identity they will not be shown again; editors see it", async () => {
    const { source } = await createSource(actors.journalist, { dossierId: d.id, ...confidential });
    expect(source).toMatchObject({ identity: null, notes: null, withheld: true, publicDescription: "A former employee" });
    const stored = await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { identity: true, notes: true } });
    expect(stored).toEqual({ identity: "Ana Secret", notes: "Met twice" });
    const editorView = (await getDossierWorkspace(actors.editor, d.slug)).sources[0]!;
    expect(editorView).toMatchObject({ identity: "Ana Secret", notes: "Met twice", withheld: false });
  });

  it("keeps the stored identity when a journalist saves with the hidden fields left empty, replaces it when they type one", async () => {
    const { source } = await createSource(actors.journalist, { dossierId: d.id, ...confidential });
    await updateSource(actors.journalist, { dossierId: d.id, sourceId: source.id, version: 1, ...confidential, title: "Accountant", identity: null, notes: null });
    expect(await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { title: true, identity: true, notes: true } })).toEqual({ title: "Accountant", identity: "Ana Secret", notes: "Met twice" });
    await updateSource(actors.journalist, { dossierId: d.id, sourceId: source.id, version: 2, ...confidential, identity: "Ana Secret-Dupont", notes: null });
    expect(await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { identity: true, notes: true } })).toEqual({ identity: "Ana Secret-Dupont", notes: "Met twice" });
    // An editor, who sees the values, can clear them.
    await updateSource(actors.editor, { dossierId: d.id, sourceId: source.id, version: 3, ...confidential, notes: null });
    expect(await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { notes: true } })).toEqual({ notes: null });
  });

  it("withholds a confidential source's title from a journalist too: every newsroom view names it by its public description", async () => {
    const title = "Former accountant of Nordmarine";
    const { source } = await createSource(actors.journalist, { dossierId: d.id, ...confidential, title });
    expect(source).toMatchObject({ title: null, label: "A former employee", withheld: true });
    const { claim } = await createClaim(actors.journalist, { dossierId: d.id, selection: await selectionOf(d.id, "paid no tax in 2022"), text: "No tax", hedged: true });
    // What the server actions hand back reaches the browser too.
    const { evidence } = await createEvidence(actors.journalist, { dossierId: d.id, claimId: claim.id, sourceId: source.id, stance: "supports", excerpt: "", note: null });
    expect(evidence.sourceLabel).toBe("A former employee");
    const { quote } = await createQuote(actors.journalist, { dossierId: d.id, text: "Nothing paid.", language: "en", speakerId: null, speakerLabel: "An employee", date: null, context: "", sourceId: source.id, onRecord: false });
    expect(quote.sourceLabel).toBe("A former employee");

    const forJournalist = await getDossierWorkspace(actors.journalist, d.slug);
    expect(forJournalist.sources[0]).toMatchObject({ title: null, label: "A former employee" });
    expect(forJournalist.evidence[0]!.sourceLabel).toBe("A former employee");
    const history = await getClaimVerdictHistory(actors.journalist, { claimId: claim.id });
    for (const view of [forJournalist, history]) expect(JSON.stringify(view)).not.toContain(title);

    const forEditor = await getDossierWorkspace(actors.editor, d.slug);
    expect(forEditor.sources[0]).toMatchObject({ title, label: title });
    expect(forEditor.evidence[0]!.sourceLabel).toBe(title);
    expect(forEditor.quotes[0]!.sourceLabel).toBe(title);
  });

  it("keeps the stored title when a journalist leaves the hidden title empty; anyone who sees the title must give one", async () => {
    const { source } = await createSource(actors.journalist, { dossierId: d.id, ...confidential });
    await updateSource(actors.journalist, { dossierId: d.id, sourceId: source.id, version: 1, ...confidential, title: null, identity: null, notes: null, reliability: "high" });
    expect(await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { title: true, reliability: true } })).toEqual({ title: "Former accountant", reliability: "high" });

    const before = await tableCounts();
    await expect(updateSource(actors.editor, { dossierId: d.id, sourceId: source.id, version: 2, ...confidential, title: null })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { title: ["Title is required."] },
    });
    const { source: open } = await createSource(actors.journalist, { dossierId: d.id, ...confidential, confidential: false, publicDescription: null, title: "Annual report" });
    await expect(updateSource(actors.journalist, { dossierId: d.id, sourceId: open.id, version: 1, ...confidential, confidential: false, title: null })).rejects.toMatchObject({
      fieldErrors: { title: ["Title is required."] },
    });
    expect(await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { title: true, version: true } })).toEqual({ title: "Former accountant", version: 2 });
    expect((await tableCounts()).auditLog).toBe(before.auditLog! + 1);
  });

  it("does not let a journalist make a confidential source public; an editor may", async () => {
    const { source } = await createSource(actors.journalist, { dossierId: d.id, ...confidential });
    const before = await tableCounts();
    await expect(updateSource(actors.journalist, { dossierId: d.id, sourceId: source.id, version: 1, ...confidential, confidential: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
      fieldErrors: { confidential: [expect.stringContaining("Only an editor")] },
    });
    expect(await tableCounts()).toEqual(before);
    await updateSource(actors.editor, { dossierId: d.id, sourceId: source.id, version: 1, ...confidential, confidential: false });
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).confidential).toBe(false);
  });

  it("never copies a confidential identity or notes into the audit log", async () => {
    const { source } = await createSource(actors.journalist, { dossierId: d.id, ...confidential });
    await updateSource(actors.editor, { dossierId: d.id, sourceId: source.id, version: 1, ...confidential, identity: "Ana Secret-Dupont" });
    const audit = JSON.stringify(await db.auditLog.findMany({ where: { entityId: source.id }, select: { before: true, after: true } }));
    for (const secret of ["Ana Secret", "Met twice"]) expect(audit).not.toContain(secret);
    expect(audit).toContain("[confidential]");
  });

  it("needs a public description for a confidential source (the form's schema)", () => {
    expect(() => parseInput(CreateSourceSchema, { dossierId: "x", kind: "person", title: "Someone", reliability: "unknown", confidential: "on", publicDescription: "" })).toThrow(
      expect.objectContaining({ fieldErrors: { publicDescription: [expect.stringContaining("public description")] } }),
    );
  });

  it("refuses to delete a source that evidence cites", async () => {
    const { source } = await createSource(actors.journalist, { dossierId: d.id, ...confidential });
    const { claim } = await createClaim(actors.journalist, { dossierId: d.id, selection: await selectionOf(d.id, "paid no tax in 2022"), text: "No tax", hedged: true });
    await createEvidence(actors.journalist, { dossierId: d.id, claimId: claim.id, sourceId: source.id, stance: "supports", excerpt: "", note: null });
    await expect(deleteSource(actors.journalist, { dossierId: d.id, sourceId: source.id })).rejects.toMatchObject({ code: "RULE_VIOLATION", message: expect.stringContaining("cited as evidence once") });
    expect(await db.source.count()).toBe(1);
  });
});

describe("quotes and speakers", () => {
  it("keeps a quote verbatim and refuses to delete its speaker while it speaks", async () => {
    const { entity } = await createEntity(actors.journalist, { dossierId: d.id, kind: "person", name: "Jo Mayor", description: "Mayor since 2020" });
    const verbatim = "  We  never — ever —\nsigned that.  ";
    const { quote } = await createQuote(actors.journalist, { dossierId: d.id, text: verbatim, language: "en", speakerId: entity.id, speakerLabel: null, date: "2023-06~", context: "Council meeting", sourceId: null, onRecord: true });
    expect(quote).toMatchObject({ text: verbatim, speakerName: "Jo Mayor", date: "2023-06~" });
    await expect(deleteEntity(actors.journalist, { dossierId: d.id, entityId: entity.id })).rejects.toMatchObject({ code: "RULE_VIOLATION", message: expect.stringContaining("Jo Mayor is the speaker of a quote") });
  });

  it("needs a speaker or a description of who spoke, and a valid EDTF date (the form's schema)", () => {
    expect(() => parseInput(CreateQuoteSchema, { dossierId: "x", text: "Hello", language: "en", speakerId: "", speakerLabel: "", date: "June 2023", context: "" })).toThrow(
      expect.objectContaining({
        fieldErrors: { speakerId: [expect.stringContaining("Choose who spoke")], date: [expect.stringContaining("is not a valid EDTF date")] },
      }),
    );
  });

  it("refuses a speaker from another dossier", async () => {
    const other = await dossierWithArticle(actors.journalist, "Other");
    const { entity } = await createEntity(actors.journalist, { dossierId: other.id, kind: "person", name: "Elsewhere", description: "" });
    await expect(createQuote(actors.journalist, { dossierId: d.id, text: "Hi", language: "en", speakerId: entity.id, speakerLabel: null, date: null, context: "", sourceId: null, onRecord: true })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { speakerId: [expect.any(String)] },
    });
  });
});

describe("open questions", () => {
  it("is assigned to a journalist and answered by linking a claim; reopening clears the answer", async () => {
    const { question } = await createQuestion(actors.editor, { dossierId: d.id, text: "Who signed?", ownerId: actors.journalist.id });
    expect(question).toMatchObject({ status: "open", ownerName: actors.journalist.name });
    const { claim } = await createClaim(actors.journalist, { dossierId: d.id, selection: await selectionOf(d.id, "The city council awarded"), text: "The council signed.", hedged: false });
    const { question: answered } = await updateQuestion(actors.journalist, { dossierId: d.id, questionId: question.id, version: 1, text: question.text, ownerId: actors.journalist.id, status: "answered", answeringClaimId: claim.id, answer: "The council." });
    expect(answered).toMatchObject({ status: "answered", answeringClaimId: claim.id, answeringClaimText: "The council signed.", answer: "The council." });
    expect(answered.answeredAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "question.answer", entityId: question.id } })).toBe(1);
    const { question: reopened } = await updateQuestion(actors.journalist, { dossierId: d.id, questionId: question.id, version: 2, text: question.text, ownerId: null, status: "open", answeringClaimId: claim.id, answer: "ignored" });
    expect(reopened).toMatchObject({ status: "open", answeringClaimId: null, answer: null, answeredAt: null, ownerId: null });
  });

  it("needs the answering claim to mark a question answered, and an active member as owner", async () => {
    expect(() => parseInput(UpdateQuestionSchema, { dossierId: "x", questionId: "q", version: 1, text: "Q?", status: "answered", answeringClaimId: "" })).toThrow(
      // The same two rules for content files (lib/schemas/content.ts): the claim, and the answer in words.
      expect.objectContaining({ fieldErrors: { answeringClaimId: [expect.stringContaining("answered by a claim")], answer: [expect.stringContaining("answer in a few words")] } }),
    );
    await db.user.update({ where: { id: actors.admin.id }, data: { disabledAt: new Date() } });
    await expect(createQuestion(actors.journalist, { dossierId: d.id, text: "Q?", ownerId: actors.admin.id })).rejects.toMatchObject({ fieldErrors: { ownerId: [expect.any(String)] } });
  });
});

describe("timeline events", () => {
  it("stores an uncertain EDTF date with its sortable bounds and links claims and sources", async () => {
    const { claim } = await createClaim(actors.journalist, { dossierId: d.id, selection: await selectionOf(d.id, "in March 2023"), text: "Awarded in March 2023.", hedged: false });
    const { source } = await createSource(actors.journalist, { dossierId: d.id, ...confidential });
    const { event } = await createEvent(actors.journalist, { dossierId: d.id, title: "Contract awarded", description: "", date: "2023-03-0X", certainty: "happened", claimIds: [claim.id], sourceIds: [source.id] });
    expect(event).toMatchObject({ date: "2023-03-0X", sortStart: "2023-03-01T00:00:00.000Z", claimIds: [claim.id], sourceIds: [source.id] });
    expect(event.sortEnd.startsWith("2023-03-09")).toBe(true);
    const { event: moved } = await updateEvent(actors.journalist, { dossierId: d.id, eventId: event.id, version: 1, title: "Contract awarded", description: "", date: "2024-21", certainty: "reported", claimIds: [], sourceIds: [source.id] });
    expect(moved).toMatchObject({ date: "2024-21", certainty: "reported", claimIds: [], sourceIds: [source.id], version: 2 });
    expect(moved.sortStart.startsWith("2024-")).toBe(true);
  });

  it("explains an invalid date in words (the form's schema)", () => {
    expect(() => parseInput(CreateEventSchema, { dossierId: "x", title: "T", date: "early June", certainty: "happened" })).toThrow(
      expect.objectContaining({ fieldErrors: { date: ["“early June” is not a valid EDTF date. Use an EDTF date: 2023-04-24, 2023-06 (a month), 2023-06~ (circa), 2023-06-0X (early June), 2024-21 (spring 2024) or 2023-06/2023-07 (a range)."] } }),
    );
  });

  it("refuses links to claims of another dossier", async () => {
    const other = await dossierWithArticle(actors.journalist, "Other");
    const { claim } = await createClaim(actors.journalist, { dossierId: other.id, selection: await selectionOf(other.id, "in March 2023"), text: "x", hedged: false });
    const before = await tableCounts();
    await expect(createEvent(actors.journalist, { dossierId: d.id, title: "T", description: "", date: "2023", certainty: "happened", claimIds: [claim.id], sourceIds: [] })).rejects.toMatchObject({
      fieldErrors: { claimIds: [expect.any(String)] },
    });
    expect(await tableCounts()).toEqual(before);
  });
});
