// Reads a content file as text, or says in words what keeps it from being text: not UTF-8 (the
// byte, its line and column, and what the file probably is), UTF-16, NUL bytes, too large. A file
// in another encoding is never decoded with replacement characters ("Soci�t�") and imported.
import fs from "node:fs";
import { formatBytes } from "@/lib/schemas/limits";

export type TextFileResult = { ok: true; text: string } | { ok: false; problem: { message: string; line?: number } };

const BOM_UTF8 = [0xef, 0xbb, 0xbf];

export function readTextFile(file: string, options: { maxBytes: number }): TextFileResult {
  const size = fs.statSync(file).size;
  if (size > options.maxBytes) {
    return { ok: false, problem: { message: `is too large (${formatBytes(size)}; at most ${formatBytes(options.maxBytes)})` } };
  }
  return decodeText(fs.readFileSync(file));
}

/** Decodes UTF-8 strictly (a leading byte-order mark is dropped). Pure: exported for tests. */
export function decodeText(bytes: Uint8Array): TextFileResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: { line: 1, message: "is encoded in UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8" } };
  }
  const start = BOM_UTF8.every((b, i) => bytes[i] === b) ? 3 : 0;
  const invalid = firstInvalidUtf8(bytes, start);
  if (invalid !== null) {
    const { line, column } = position(bytes, start, invalid);
    const byte = bytes[invalid]!;
    const guess =
      byte >= 0xa0
        ? ` (the file seems to be in another encoding, e.g. Latin-1 or Windows-1252, where it is “${String.fromCharCode(byte)}”)`
        : byte >= 0x80
          ? " (the file seems to be in another encoding, e.g. Windows-1252)"
          : "";
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    return { ok: false, problem: { line, message: `is not UTF-8: byte ${hex} at column ${column} cannot be read as UTF-8${guess}; save the file as UTF-8` } };
  }
  const nul = bytes.indexOf(0, start);
  if (nul !== -1) {
    const { line, column } = position(bytes, start, nul);
    return { ok: false, problem: { line, message: `contains a NUL byte (U+0000) at column ${column}, which a text file never holds (is it UTF-16, or not a text file?): save it as UTF-8 text` } };
  }
  return { ok: true, text: new TextDecoder("utf-8").decode(bytes.subarray(start)) };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or null. */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number | null {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte → sequence length and the allowed range of the second byte (RFC 3629 table:
    // no overlong forms, no surrogates, nothing above U+10FFFF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return null;
}

/** 1-based line and column (in characters of the valid text before it) of a byte offset. */
function position(bytes: Uint8Array, start: number, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = start;
  for (let i = start; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}
