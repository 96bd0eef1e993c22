// Uncertain dates as EDTF (ISO 8601-2) strings: "2023-04-24", "2023-06~" (circa), "2023-06-0X"
// (early June: unspecified day 01–09), "2024-21" (spring), "2023-06/2023-07" (a range).
// Parsing is edtf.js's job; here we only decide what Dossier accepts and how it sorts.
import edtf, { parse, type EdtfValue } from "edtf";

export type EdtfResult =
  | { ok: true; value: EdtfValue; sortStart: string; sortEnd: string }
  | { ok: false; error: string };

/** Types a timeline accepts. Sets and lists ("one of these dates") do not sort meaningfully. */
const ACCEPTED = new Set(["Date", "Year", "Season", "Interval", "Decade"]);

export const EDTF_HELP =
  "Use an EDTF date: 2023-04-24, 2023-06 (a month), 2023-06~ (circa), 2023-06-0X (early June), 2024-21 (spring 2024) or 2023-06/2023-07 (a range).";

export function parseEdtf(input: string): EdtfResult {
  const text = input.trim();
  if (text === "") return { ok: false, error: `A date is required. ${EDTF_HELP}` };
  let value: EdtfValue;
  // The kind of date comes from the parser's result, not from `value.type`: edtf.js derives the
  // latter from its class names, which a production bundle minifies (every date was refused in
  // the built app while unit tests, unbundled, passed).
  let type: string;
  try {
    type = parse(text).type;
    value = edtf(text);
  } catch {
    return { ok: false, error: `“${text}” is not a valid EDTF date. ${EDTF_HELP}` };
  }
  if (!ACCEPTED.has(type)) {
    return { ok: false, error: `“${text}” is a ${type.toLowerCase()} of dates; a timeline event needs one date or one range. ${EDTF_HELP}` };
  }
  if (!Number.isFinite(value.min) || !Number.isFinite(value.max)) {
    return { ok: false, error: `“${text}” is an open-ended range; give both ends. ${EDTF_HELP}` };
  }
  return { ok: true, value, sortStart: new Date(value.min).toISOString(), sortEnd: new Date(value.max).toISOString() };
}

export function isValidEdtf(input: string): boolean {
  return parseEdtf(input).ok;
}

/** Chronological order: earliest possible start first, then the narrower span. */
export function compareEdtfBounds(
  a: { sortStart: string; sortEnd: string },
  b: { sortStart: string; sortEnd: string },
): number {
  return a.sortStart.localeCompare(b.sortStart) || a.sortEnd.localeCompare(b.sortEnd);
}
