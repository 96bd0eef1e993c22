import "server-only";
// Starting the article from a Word document (issue 16.4): the .docx, typed by its content, is
// converted by mammoth to HTML (Word's "Quote" styles become quotations), then to Markdown by the
// same converter as a rich-text paste (lib/markdown/from-html.ts). Nothing is saved: the Markdown
// goes into the editor, where the journalist reviews it and saves it like anything typed (so it
// passes the same validation, sanitising, claim re-anchoring and history).
import { fileTypeFromBuffer } from "file-type";
import { sizeInWords } from "@/lib/domain/archive";
import { zipUnpackedSize } from "@/lib/domain/zip-size";
import { AppError } from "@/lib/domain/errors";
import { htmlToMarkdown } from "@/lib/markdown/from-html";
import { ARTICLE_MAX } from "@/lib/schemas/limits";
import type { ConvertWordDocumentInput } from "@/lib/schemas/dossier";
import { requirePermission, type Actor } from "../actor";
import { uploadMaxBytes } from "../capture/settings";
import { db } from "../db";
import { findDossier } from "../newsroom/scope";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** An article of 400,000 characters is a few MB of Word XML; far more is not an article. */
const UNPACKED_MAX = 50_000_000;
const fileError = (message: string) => new AppError("INVALID_INPUT", message, { fieldErrors: { file: [message] } });

/** Word's built-in quotation styles, and the common names newsrooms give their own. */
const STYLE_MAP = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Citation'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
];

export interface WordConversion {
  markdown: string;
  /** What the converter could not keep (images, unknown styles), in words for the journalist. */
  warnings: string[];
}

export async function convertWordDocument(actor: Actor, input: ConvertWordDocumentInput): Promise<WordConversion> {
  requirePermission(actor, "dossier:edit");
  await findDossier(db, input.dossierId);
  const max = uploadMaxBytes();
  if (input.bytes.byteLength > max) throw fileError(`This file is ${sizeInWords(input.bytes.byteLength)}: files are limited to ${sizeInWords(max)}.`);
  const detected = await fileTypeFromBuffer(input.bytes);
  if (detected?.mime !== DOCX) {
    const what = detected ? `a ${detected.ext.toUpperCase()} file` : "not a file type Dossier recognises";
    const hint = detected?.ext === "cfb" || /\.doc$/i.test(input.filename) ? " Save it as .docx in Word (File › Save as) and try again." : "";
    throw fileError(`By its content, this file is ${what}, not a Word document (.docx).${hint}`);
  }
  // A small file can unpack to gigabytes, held in memory by the thread that serves readers too.
  const unpacked = zipUnpackedSize(input.bytes);
  if (unpacked === null) throw fileError("This Word document could not be read: it is damaged or not a Word document.");
  if (unpacked > UNPACKED_MAX) throw fileError(`This Word document unpacks to ${sizeInWords(unpacked)}; Dossier converts documents of up to ${sizeInWords(UNPACKED_MAX)} unpacked.`);
  const mammoth = await import("mammoth");
  let html: string;
  let messages: { type: string; message: string }[];
  try {
    // Images are left out: an article body carries no images (render.ts).
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(input.bytes) }, { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) });
    html = result.value;
    messages = result.messages;
  } catch (error) {
    const reason = error instanceof Error && /password|encrypt/i.test(error.message) ? "it is protected by a password" : "it is damaged or not a Word document";
    throw fileError(`This Word document could not be read: ${reason}.`);
  }
  const markdown = htmlToMarkdown(html);
  if (!markdown) throw fileError("This Word document has no text to start the article from.");
  if (markdown.length > ARTICLE_MAX) throw fileError(`This document gives ${markdown.length.toLocaleString("en")} characters of Markdown; an article holds at most ${ARTICLE_MAX.toLocaleString("en")}.`);
  const images = /<img\b/.test(html);
  const unknownStyles = [...new Set(messages.filter((m) => m.type === "warning" && /Unrecognised paragraph style/.test(m.message)).map((m) => /'([^']+)'/.exec(m.message)?.[1]).filter(Boolean))];
  return {
    markdown,
    warnings: [
      ...(images ? ["Images were left out: an article's text carries no images (attach them to a source instead)."] : []),
      ...(unknownStyles.length ? [`Paragraphs in these Word styles became ordinary paragraphs: ${unknownStyles.join(", ")}.`] : []),
    ],
  };
}
