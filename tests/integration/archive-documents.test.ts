// Uploading documents to a source (issue 15): typed by content, size-limited, hashed, text
// extracted, and looked up for evidence excerpts — with the page for a PDF. A refused file
// stores nothing.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { checkClaimExcerpts } from "@/lib/server/archive/check-claim-excerpts";
import { getDocument } from "@/lib/server/archive/get-document";
import { readStoredFile } from "@/lib/server/archive/read-stored-file";
import { uploadDocument } from "@/lib/server/archive/upload-document";
import { createClaim } from "@/lib/server/claims/create-claim";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { createSource } from "@/lib/server/sources/create-source";
import { keyForHash, sha256Hex } from "@/lib/server/storage";
import { UploadDocumentSchema } from "@/lib/schemas/archive";
import { parseInput } from "@/lib/schemas/parse";
import { listKeys, makePdf, PNG, scratchStorage } from "../support/archive";
import { db, resetDatabase } from "../support/db";
import { demoActors, dossierWithArticle, selectionOf, tableCounts, type Actors } from "../support/newsroom";

const scratch = scratchStorage("documents");
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
    dossierId, kind: "official-record", title: "Commercial registry extract", url: null, publisher: null, author: null, date: null, accessedAt: null,
    reliability: "high", confidential: false, publicDescription: null, identity: null, notes: null,
  }));
});

/** The upload as the route builds it from the multipart form, parsed by the shared schema. */
const upload = async (fields: Record<string, unknown>, actor = actors.journalist) => uploadDocument(actor, parseInput(UploadDocumentSchema, { dossierId, ...fields }));

const PDF = makePdf([["Nordmarine AS", "Annual accounts 2022"], ["Tax paid in 2022: none.", "The board approved the accounts on 30 June 2023."]]);

describe("uploading a document", () => {
  it("stores a PDF under its SHA-256, typed by its content, with its text page by page", async () => {
    const { document } = await upload({ sourceId, filename: "accounts-2022.pdf", bytes: new Uint8Array(PDF) });
    expect(document).toMatchObject({ filename: "accounts-2022.pdf", mediaType: "application/pdf", size: PDF.byteLength, sha256: sha256Hex(PDF), pageCount: 2, textError: null });
    expect(await listKeys(scratch.storage)).toEqual([keyForHash(sha256Hex(PDF))]);
    const detail = await getDocument(actors.editor, { dossierId, documentId: document.id });
    expect(detail.pages).toEqual(["Nordmarine AS\nAnnual accounts 2022", "Tax paid in 2022: none.\nThe board approved the accounts on 30 June 2023."]);
    const file = await readStoredFile(actors.journalist, { kind: "document", id: document.id, file: "original" });
    expect(Buffer.from(file.bytes).equals(PDF)).toBe(true);
    expect(file).toMatchObject({ mediaType: "application/pdf", inline: false });
  });

  it("stores an image, shown inline in the newsroom, with no text", async () => {
    const { document } = await upload({ sourceId, filename: "photo.png", bytes: new Uint8Array(PNG) });
    expect(document).toMatchObject({ mediaType: "image/png", size: PNG.byteLength, sha256: sha256Hex(PNG), pageCount: null });
    const file = await readStoredFile(actors.journalist, { kind: "document", id: document.id, file: "original" });
    expect(file.inline).toBe(true);
  });

  it("types a file by its content, not its name", async () => {
    const { document } = await upload({ sourceId, filename: "looks-like-a.pdf", bytes: new Uint8Array(PNG) });
    expect(document.mediaType).toBe("image/png");
  });

  const refused: [string, string, Uint8Array][] = [
    ["an HTML page named like a PDF", "invoice.pdf", new TextEncoder().encode("<html><script>alert(1)</script></html>")],
    ["an SVG image (it can carry scripts)", "logo.svg", new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["a ZIP archive", "report.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)])],
    ["an executable", "scan.jpg", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(56).fill(0)])],
  ];
  for (const [what, filename, bytes] of refused) {
    it(`refuses ${what} and stores nothing`, async () => {
      const before = await tableCounts();
      await expect(upload({ sourceId, filename, bytes })).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { file: [expect.stringMatching(/By its content, this file is/)] } });
      expect(await tableCounts()).toEqual(before);
      expect(await listKeys(scratch.storage)).toEqual([]);
    });
  }

  it("refuses a file over the size limit (UPLOAD_MAX_MB) and an empty one", async () => {
    const big = new Uint8Array(1_000_001);
    big.set(PDF.subarray(0, 8));
    await expect(upload({ sourceId, filename: "big.pdf", bytes: big })).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { file: [expect.stringMatching(/limited to 1 MB/)] } });
    await expect(upload({ sourceId, filename: "empty.pdf", bytes: new Uint8Array() })).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { bytes: ["This file is empty."] } });
    expect(await listKeys(scratch.storage)).toEqual([]);
  });

  it("makes an upload a new source, public or confidential (which needs what readers see)", async () => {
    const made = await upload({ filename: "decree.pdf", newSourceTitle: "Decree of 4 May 2023", bytes: new Uint8Array(PDF) });
    expect(await db.source.findUniqueOrThrow({ where: { id: made.sourceId }, select: { title: true, kind: true, confidential: true } })).toEqual({ title: "Decree of 4 May 2023", kind: "document", confidential: false });
    await expect(upload({ filename: "leak.pdf", newSourceTitle: "Leaked memo", newSourceConfidential: "on", bytes: new Uint8Array(PDF) })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { newSourcePublicDescription: [expect.stringMatching(/public description/)] },
    });
    const secret = await upload({ filename: "leak.pdf", newSourceTitle: "Leaked memo", newSourceConfidential: "on", newSourcePublicDescription: "An internal document", bytes: new Uint8Array(PDF) });
    expect(await db.source.findUniqueOrThrow({ where: { id: secret.sourceId }, select: { confidential: true } })).toEqual({ confidential: true });
    await expect(upload({ filename: "x.pdf", bytes: new Uint8Array(PDF) })).rejects.toMatchObject({ fieldErrors: { newSourceTitle: ["Give the new source a title."] } });
  });

  it("refuses a source of another dossier", async () => {
    const other = await dossierWithArticle(actors.journalist, "Another story");
    await expect((async () => uploadDocument(actors.journalist, parseInput(UploadDocumentSchema, { dossierId: other.id, sourceId, filename: "a.pdf", bytes: new Uint8Array(PDF) })))()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listKeys(scratch.storage)).toEqual([]);
  });
});

describe("excerpts checked against the document", () => {
  it("finds an excerpt on its page, typography aside, and says when it is not there", async () => {
    const { document } = await upload({ sourceId, filename: "accounts-2022.pdf", bytes: new Uint8Array(PDF) });
    const { claim } = await createClaim(actors.journalist, { dossierId, selection: await selectionOf(dossierId, "paid no tax in 2022"), text: "No tax in 2022.", hedged: true });
    const onPage2 = await createEvidence(actors.journalist, { dossierId, claimId: claim.id, sourceId, stance: "supports", excerpt: "TAX PAID IN 2022 : NONE.", note: null });
    const absent = await createEvidence(actors.journalist, { dossierId, claimId: claim.id, sourceId, stance: "contradicts", excerpt: "Tax paid in 2022: 3 million", note: null });
    const empty = await createEvidence(actors.journalist, { dossierId, claimId: claim.id, sourceId, stance: "context", excerpt: "", note: null });
    const checks = await checkClaimExcerpts(actors.editor, { dossierId, claimId: claim.id });
    expect(checks[onPage2.evidence.id]).toMatchObject({ status: "found", match: { kind: "document", id: document.id, label: "accounts-2022.pdf", page: 2 } });
    expect(checks[absent.evidence.id]).toEqual({ status: "not-found", searched: 1 });
    expect(checks[empty.evidence.id]).toEqual({ status: "no-excerpt" });
  });
});
