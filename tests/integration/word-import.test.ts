// Starting the article from a Word document (issue 16.4): a real .docx becomes Markdown keeping
// headings, emphasis, links, lists and quotations; bad files get a specific refusal; only roles
// that may edit the dossier convert; nothing is written to the database either way.
import { beforeEach, describe, expect, it } from "vitest";
import { convertWordDocument } from "@/lib/server/dossiers/convert-word-document";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { db, resetDatabase } from "../support/db";
import { makeDocx, SAMPLE_DOCX, SAMPLE_DOCX_MARKDOWN } from "../support/docx";
import { makePdf } from "../support/archive";
import { demoActors, dossierWithArticle, tableCounts, type Actors } from "../support/newsroom";

let actors: Actors;
let dossierId: string;
beforeEach(async () => {
  await resetDatabase();
  actors = await demoActors();
  dossierId = (await dossierWithArticle(actors.journalist)).id;
});

const convert = async (bytes: Uint8Array<ArrayBuffer>, filename = "enquete.docx", who: keyof Actors = "journalist") => convertWordDocument(actors[who], { dossierId, filename, bytes });

describe("a Word document into the article", () => {
  it("keeps headings, bold and italic, links, lists and quotations, leaves images out, and writes nothing", async () => {
    const before = await tableCounts();
    const result = await convert(await makeDocx(SAMPLE_DOCX));
    expect(result.markdown).toBe(SAMPLE_DOCX_MARKDOWN);
    expect(result.warnings).toEqual([expect.stringMatching(/^Images were left out/)]);
    expect(await tableCounts()).toEqual(before);
  });

  it("gives Markdown the journalist can save as the article, like anything typed", async () => {
    const { markdown } = await convert(await makeDocx(SAMPLE_DOCX));
    const d = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    await saveArticle(actors.journalist, { dossierId, version: d.version, body: markdown, note: "Depuis Word" });
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).body).toBe(markdown);
  });

  it("refuses what is not a .docx, by its content, with a sentence saying what it is", async () => {
    await expect(convert(new Uint8Array(makePdf([["Bonjour"]])), "enquete.docx")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { file: [expect.stringMatching(/By its content, this file is a PDF file, not a Word document/)] },
    });
    // An old binary .doc (an OLE compound file) is told how to save it as .docx.
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(convert(ole, "vieux.doc")).rejects.toMatchObject({ fieldErrors: { file: [expect.stringMatching(/Save it as \.docx/)] } });
    await expect(convert(new TextEncoder().encode("just text"), "notes.docx")).rejects.toMatchObject({ fieldErrors: { file: [expect.stringMatching(/not a file type Dossier recognises/)] } });
  });

  it("refuses a damaged Word document and one without text", async () => {
    const damaged = await makeDocx(SAMPLE_DOCX);
    const cut = damaged.slice(0, Math.floor(damaged.length * 0.6));
    await expect(convert(cut)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(convert(await makeDocx([{ image: true }]))).rejects.toMatchObject({ fieldErrors: { file: ["This Word document has no text to start the article from."] } });
  });

  it("refuses a small file that would unpack to more than 50 MB, before converting it", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await makeDocx(SAMPLE_DOCX));
    zip.file("word/padding.xml", "<x/>".repeat(14_000_000));
    const bomb = new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    await expect(convert(bomb)).rejects.toMatchObject({ fieldErrors: { file: [expect.stringMatching(/^This Word document unpacks to 5\d(\.\d)? MB; Dossier converts documents of up to 50 MB unpacked\.$/)] } });
  });

  it("is refused to anonymous callers and to a dossier that does not exist", async () => {
    const bytes = await makeDocx(SAMPLE_DOCX);
    await expect(convert(bytes, "a.docx", "anonymous")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(convertWordDocument(actors.journalist, { dossierId: "nope", filename: "a.docx", bytes })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
