// Minimal types for edtf.js (inukshuk/edtf.js), which ships none. Only what Dossier uses.
declare module "edtf" {
  export interface EdtfValue {
    type: "Date" | "Year" | "Season" | "Interval" | "Set" | "List" | "Decade" | "Century";
    /** Earliest instant covered, epoch milliseconds. */
    min: number;
    /** Latest instant covered, epoch milliseconds. */
    max: number;
    edtf: string;
    approximate?: unknown;
    uncertain?: unknown;
    unspecified?: unknown;
    precision?: number;
    values?: number[];
    lower?: EdtfValue | null;
    upper?: EdtfValue | null;
    year?: number;
    month?: number;
    day?: number;
    season?: number;
    toEDTF(): string;
  }
  export interface ParseResult {
    type: string;
    values?: number[];
    level: number;
    [key: string]: unknown;
  }
  // The classes, for instanceof: `value.type` is the class's name, which bundlers may rename.
  type EdtfClass = abstract new (...args: never[]) => EdtfValue;
  export const Date: EdtfClass;
  export const Year: EdtfClass;
  export const Season: EdtfClass;
  export const Interval: EdtfClass;
  export const Decade: EdtfClass;
  export const Century: EdtfClass;
  export const Set: EdtfClass;
  export const List: EdtfClass;
  export default function edtf(input: string, options?: { level?: 0 | 1 | 2; types?: string[] }): EdtfValue;
  export function parse(input: string, options?: { level?: 0 | 1 | 2; types?: string[] }): ParseResult;
  export function format(value: EdtfValue, locale?: string, options?: Intl.DateTimeFormatOptions): string;
}
