// Office files attached to a source (issue 15): a Word document is typed by its content (a ZIP
// with a Word body, not its name), its text is extracted and excerpts are looked up in it; an
// office file Dossier does not read (a spreadsheet) is kept, with a sentence saying no excerpt can
// be looked up in it.
import JSZip from "jszip";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getDocument } from "@/lib/server/archive/get-document";
import { uploadDocument } from "@/lib/server/archive/upload-document";
import { createSource } from "@/lib/server/sources/create-source";
import { sha256Hex } from "@/lib/server/storage";
import { UploadDocumentSchema } from "@/lib/schemas/archive";
import { parseInput } from "@/lib/schemas/parse";
import { scratchStorage } from "../support/archive";
import { resetDatabase } from "../support/db";
import { demoActors, dossierWithArticle, type Actors } from "../support/newsroom";

const scratch = scratchStorage("office");
let actors: Actors;
let dossierId: string;
let sourceId: string;

afterAll(() => scratch.reset());
beforeEach(async () => {
  await resetDatabase();
  scratch.reset();
  actors = await demoActors();
  dossierId = (await dossierWithArticle(actors.journalist)).id;
  ({
    source: { id: sourceId },
  } = await createSource(actors.journalist, {
    dossierId, kind: "document", title: "Board minutes", url: null, publisher: null, author: null, date: null, accessedAt: null,
    reliability: "high", confidential: false, publicDescription: null, identity: null, notes: null,
  }));
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal but genuine Word document (what Word writes, reduced to one paragraph per line). */
async function docx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join("")}</w:body></w:document>`);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}

/** A minimal spreadsheet package: typed as Excel by its content. */
async function xlsx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  );
  zip.file("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}

const upload = (fields: Record<string, unknown>) => uploadDocument(actors.journalist, parseInput(UploadDocumentSchema, { dossierId, ...fields }));

describe("office files", () => {
  it("reads a Word document's text, whatever the file is called", async () => {
    const bytes = await docx(["Minutes of the board, 30 June 2023.", "The board approved the harbour contract with Nordmarine."]);
    const { document } = await upload({ sourceId, filename: "minutes.bin", bytes });
    expect(document).toMatchObject({ mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", sha256: sha256Hex(bytes), textError: null });
    const detail = await getDocument(actors.editor, { dossierId, documentId: document.id });
    expect(detail.text).toContain("The board approved the harbour contract with Nordmarine.");
    expect(detail.text).toContain("Minutes of the board, 30 June 2023.");
  });

  it("keeps a spreadsheet, and says that excerpts cannot be looked up in it", async () => {
    const { document } = await upload({ sourceId, filename: "figures.xlsx", bytes: await xlsx() });
    expect(document.mediaType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(document.textError).toBe("Dossier does not extract text from a Excel spreadsheet: excerpts cannot be looked up in it.");
  });
});
