// Uncertain dates in the newsroom's words. Kept apart from labels.ts, which client components
// import: the EDTF parser stays on the server.
import { formatEdtf } from "@/lib/i18n/dates";

/** An uncertain (EDTF) date in the newsroom's words: "2023-07-0X" is "early July 2023". */
export function edtfWords(value: string): string {
  return formatEdtf(value, "en").text;
}
