import { describe, expect, it } from "vitest";
import { compareEdtfBounds, parseEdtf } from "@/lib/domain/edtf";

describe("parseEdtf", () => {
  it.each([
    ["2023-04-24", "2023-04-24T00:00:00.000Z", "2023-04-24T23:59:59.999Z"],
    ["2023-06~", "2023-06-01T00:00:00.000Z", "2023-06-30T23:59:59.999Z"],
    ["2023-06-0X", "2023-06-01T00:00:00.000Z", "2023-06-09T23:59:59.999Z"],
    ["2022-07", "2022-07-01T00:00:00.000Z", "2022-07-31T23:59:59.999Z"],
    ["2023-06/2023-07", "2023-06-01T00:00:00.000Z", "2023-07-31T23:59:59.999Z"],
  ])("accepts %s and derives sortable bounds", (input, start, end) => {
    const r = parseEdtf(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.sortStart).toBe(start);
      expect(r.sortEnd).toBe(end);
    }
  });

  it("accepts a season (2024-21, spring)", () => {
    const r = parseEdtf("2024-21");
    expect(r.ok && r.value.type).toBe("Season");
  });

  it.each([
    ["", "A date is required"],
    ["bientôt", "is not a valid EDTF date"],
    ["2023-13", "is not a valid EDTF date"],
    ["[2023, 2024]", "needs one date or one range"],
  ])("rejects %j with a message that says what to write", (input, message) => {
    const r = parseEdtf(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(message);
      expect(r.error).toContain("2023-06~");
    }
  });

  it("orders uncertain dates chronologically, the narrower span first on a tie", () => {
    const dates = ["2023-09-27", "2023-06-0X", "2022-07", "2023-06", "2023-04-24", "2023-04"];
    const sorted = dates
      .map((d) => ({ d, ...(parseEdtf(d) as { sortStart: string; sortEnd: string }) }))
      .sort(compareEdtfBounds)
      .map((x) => x.d);
    expect(sorted).toEqual(["2022-07", "2023-04", "2023-04-24", "2023-06-0X", "2023-06", "2023-09-27"]);
  });
});
