// parseEdtf must not depend on edtf.js's class names: a production bundle minifies them (edtf.js
// reports a value's type as its constructor's name), and then every date was refused.
import { Date as EdtfDate, Interval, Season, Year } from "edtf";
import { afterEach, describe, expect, it } from "vitest";
import { parseEdtf } from "@/lib/domain/edtf";

const classes = [EdtfDate, Interval, Season, Year] as unknown as { name: string }[];
const original = classes.map((c) => c.name);

afterEach(() => classes.forEach((c, i) => Object.defineProperty(c, "name", { value: original[i], configurable: true })));

describe("parseEdtf in a minified bundle", () => {
  it("accepts dates, seasons and ranges when the library's class names are mangled", () => {
    classes.forEach((c, i) => Object.defineProperty(c, "name", { value: String.fromCharCode(97 + i), configurable: true }));
    for (const date of ["2023-04-24", "2023-06~", "2023-06-0X", "2024-21", "2023-06/2023-07"]) {
      expect(parseEdtf(date), date).toMatchObject({ ok: true });
    }
    expect(parseEdtf("2023-06~")).toMatchObject({ sortStart: "2023-06-01T00:00:00.000Z" });
    expect(parseEdtf("[2023, 2024]")).toMatchObject({ ok: false, error: expect.stringContaining("is a set of dates") });
  });
});
