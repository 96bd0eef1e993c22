// Dates as readers read them: precision and uncertainty in words, in both UI languages.
import { describe, expect, it } from "vitest";
import edtf from "edtf";
import { edtfType } from "@/lib/domain/edtf";
import { formatDay, formatEdtf } from "@/lib/i18n/dates";
import { NBSP, NNBSP } from "@/lib/i18n/typography";

describe("formatEdtf", () => {
  it.each([
    ["2023-06-0X", "early June 2023", "début juin 2023", "2023-06"],
    ["2023-06-1X", "mid-June 2023", "mi-juin 2023", "2023-06"],
    ["2023-06-2X", "late June 2023", "fin juin 2023", "2023-06"],
    ["2023-06~", "circa June 2023", "vers juin 2023", "2023-06"],
    ["2022~", "circa 2022", "vers 2022", "2022"],
    ["2023-06?", "June 2023 (uncertain)", "juin 2023 (date incertaine)", "2023-06"],
    ["2024-21", "spring 2024", "printemps 2024", "2024"],
    ["2024-22", "summer 2024", "été 2024", "2024"],
    ["2024-23", "autumn 2024", "automne 2024", "2024"],
    ["2024-24", "winter 2024", "hiver 2024", "2024"],
    ["2024-33", "first quarter of 2024", "premier trimestre 2024", "2024"],
    ["2024-41", "second half of 2024", "second semestre 2024", "2024"],
    ["2023-09", "September 2023", "septembre 2023", "2023-09"],
    ["2023", "2023", "2023", "2023"],
    ["2023-04-24", "24 April 2023", "24 avril 2023", "2023-04-24"],
    ["2023-06-01", "1 June 2023", "1er juin 2023", "2023-06-01"],
    ["201X", "the 2010s", "les années 2010", null],
  ])("%s → %j / %j", (input, en, fr, datetime) => {
    expect(formatEdtf(input, "en")).toEqual({ text: en, datetime });
    expect(formatEdtf(input, "fr")).toEqual({ text: fr, datetime });
  });

  it("tells ranges as ranges, and never pretends a range is one date", () => {
    // Intl puts thin spaces around the dash.
    const plain = (s: string) => s.replace(/\s/gu, " ");
    expect(plain(formatEdtf("2023-06/2023-07", "en").text)).toBe("June – July 2023");
    expect(plain(formatEdtf("2023-06/2023-07", "fr").text)).toBe("juin – juillet 2023");
    expect(formatEdtf("2023-06/2023-07", "en").datetime).toBeNull();
    expect(formatEdtf("2023-06-0X/2023-07", "en").text).toBe("from early June 2023 to July 2023");
    expect(formatEdtf("2023-06-0X/2023-07", "fr").text).toBe("de début juin 2023 à juillet 2023");
    expect(formatEdtf("2023-06/..", "en").text).toBe("from June 2023 onwards");
    expect(formatEdtf("2023-06/", "fr").text).toBe("à partir de juin 2023 (fin inconnue)");
  });

  it("writes French ranges with the preposition French contracts (issue 12.5)", () => {
    expect(formatEdtf("2023-04-24/2023-06", "fr").text).toBe("du 24 avril 2023 à juin 2023");
    expect(formatEdtf("2023-04-24/2023-06", "en").text).toBe("from 24 April 2023 to June 2023");
    expect(formatEdtf("2023-04/2023-06-03", "fr").text).toBe("d’avril 2023 au 3 juin 2023");
    expect(formatEdtf("201X/202X", "fr").text).toBe("des années 2010 aux années 2020");
    expect(formatEdtf("2023-04-01/..", "fr").text).toBe("à partir du 1er avril 2023");
    expect(formatEdtf("../2023-08", "fr").text).toBe("jusqu’à août 2023");
    expect(formatEdtf("2021/2023", "fr").text).toBe("de 2021 à 2023");
  });

  it("writes two approximate months of one year with the year once", () => {
    expect(formatEdtf("2023-04~/2023-06~", "fr").text).toBe("vers avril – vers juin 2023");
    expect(formatEdtf("2023-04~/2023-06~", "en").text).toBe("circa April – circa June 2023");
    // Different years, or one end exact: each end in full.
    expect(formatEdtf("2022-11~/2023-02~", "fr").text).toBe("vers novembre 2022 – vers février 2023");
    expect(formatEdtf("2022-11~/2023-02", "en").text).toBe("circa November 2022 – February 2023");
    expect(formatEdtf("2024-0X/2024-1X", "fr").text).toBe("entre janvier et septembre 2024 – entre octobre et décembre 2024");
  });

  it("tells what a month with an unspecified digit means", () => {
    expect(formatEdtf("2024-0X", "fr")).toEqual({ text: "entre janvier et septembre 2024", datetime: "2024" });
    expect(formatEdtf("2024-0X", "en")).toEqual({ text: "between January and September 2024", datetime: "2024" });
    expect(formatEdtf("2024-1X", "fr").text).toBe("entre octobre et décembre 2024");
    expect(formatEdtf("2024-XX", "en").text).toBe("2024");
  });

  it("shows a string that is not EDTF as written rather than guessing", () => {
    expect(formatEdtf("bientôt", "fr")).toEqual({ text: "bientôt", datetime: null });
  });

  it("formats stored days in the reader's language, the first of the month as an ordinal in French", () => {
    expect(formatDay("2023-09-25T12:00:00.000Z", "en")).toEqual({ text: "25 September 2023", datetime: "2023-09-25" });
    expect(formatDay("2023-09-01T12:00:00.000Z", "fr")).toEqual({ text: "1er septembre 2023", datetime: "2023-09-01" });
  });

  it("applies French typography to French dates", () => {
    expect(formatEdtf("2023?", "fr").text).toBe("2023 (date incertaine)");
    expect(formatEdtf("2023?", "fr").text).not.toContain(NBSP);
    expect(formatEdtf("2023-06/2023-07", "fr").text).not.toContain(NNBSP + NNBSP);
  });
});

describe("edtfType", () => {
  it("recognises each kind by its class, not by its (renamable) class name", () => {
    expect(["2023-06", "2024-21", "2023/2024", "202"].map((s) => edtfType(edtf(s)))).toEqual(["Date", "Season", "Interval", "Decade"]);
  });
});
