// A real Word document (.docx: Office Open XML in a zip), written the way Word writes one, with
// paragraph styles declared in styles.xml — for the Word import's tests.
import JSZip from "jszip";

export type DocxParagraph =
  | { style?: "Heading1" | "Heading2" | "Quote" | "ListParagraph"; runs: DocxRun[]; numbered?: boolean }
  | { image: true };
export type DocxRun = { text: string; bold?: boolean; italic?: boolean; link?: string };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export async function makeDocx(paragraphs: DocxParagraph[]): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new JSZip();
  const links: string[] = [];
  const run = (r: DocxRun) => {
    const props = `${r.bold ? "<w:b/>" : ""}${r.italic ? "<w:i/>" : ""}`;
    const body = `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;
    if (!r.link) return body;
    links.push(r.link);
    return `<w:hyperlink r:id="rIdLink${links.length}">${body}</w:hyperlink>`;
  };
  const paragraph = (p: DocxParagraph) => {
    if ("image" in p) return `<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rIdImage"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
    const list = p.style === "ListParagraph" ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${p.numbered ? 2 : 1}"/></w:numPr>` : "";
    return `<w:p><w:pPr>${p.style ? `<w:pStyle w:val="${p.style}"/>` : ""}${list}</w:pPr>${p.runs.map(run).join("")}</w:p>`;
  };
  const body = paragraphs.map(paragraph).join("");
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdImage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/pixel.png"/>${links
      .map((l, i) => `<Relationship Id="rIdLink${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${esc(l)}" TargetMode="External"/>`)
      .join("")}</Relationships>`,
  );
  zip.file("word/media/pixel.png", Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));
  const style = (id: string, name: string) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  zip.file(
    "word/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${style("Heading1", "heading 1")}${style("Heading2", "heading 2")}${style("Quote", "Quote")}${style("ListParagraph", "List Paragraph")}</w:styles>`,
  );
  zip.file(
    "word/numbering.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>${body}</w:body></w:document>`,
  );
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
}

/** The sample paragraph of the tests: a heading, bold and italic, a link, a list, a quotation, an image. */
export const SAMPLE_DOCX: DocxParagraph[] = [
  { style: "Heading1", runs: [{ text: "Mistral AI, le pari discret" }] },
  { runs: [{ text: "Début juin 2023, " }, { text: "Mistral AI", bold: true }, { text: " a levé " }, { text: "105 millions d'euros", italic: true }, { text: "." }] },
  { style: "Heading2", runs: [{ text: "Les refus" }] },
  { style: "ListParagraph", runs: [{ text: "les fondateurs" }] },
  { style: "ListParagraph", runs: [{ text: "les investisseurs" }] },
  { style: "Quote", runs: [{ text: "Nous ne communiquons pas." }] },
  { runs: [{ text: "Voir " }, { text: "le registre", link: "https://example.org/registre" }, { text: "." }] },
  { image: true },
];

export const SAMPLE_DOCX_MARKDOWN = [
  "# Mistral AI, le pari discret",
  "Début juin 2023, **Mistral AI** a levé *105 millions d'euros*.",
  "## Les refus",
  "- les fondateurs\n- les investisseurs",
  "> Nous ne communiquons pas.",
  "Voir [le registre](https://example.org/registre).",
].join("\n\n");
