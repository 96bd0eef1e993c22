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
  /** The value classes (their `name` is what edtf.js reports as a value's type). */
  export const Date: abstract new (...args: never[]) => EdtfValue;
  export const Year: abstract new (...args: never[]) => EdtfValue;
  export const Season: abstract new (...args: never[]) => EdtfValue;
  export const Interval: abstract new (...args: never[]) => EdtfValue;
  export default function edtf(input: string, options?: { level?: 0 | 1 | 2; types?: string[] }): EdtfValue;
  export function parse(input: string, options?: { level?: 0 | 1 | 2; types?: string[] }): ParseResult;
  export function format(value: EdtfValue, locale?: string, options?: Intl.DateTimeFormatOptions): string;
}
