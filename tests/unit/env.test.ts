// Settings are checked when the server starts: a bad value stops it with the setting named.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("settings", () => {
  it("takes the publisher's web address and logo only as http(s) addresses (they go into ClaimReview and the feeds)", () => {
    expect(parseEnv({ PUBLISHER_URL: "https://journal.example", PUBLISHER_LOGO_URL: "https://journal.example/logo.png" })).toMatchObject({
      PUBLISHER_URL: "https://journal.example",
      PUBLISHER_LOGO_URL: "https://journal.example/logo.png",
    });
    expect(() => parseEnv({ PUBLISHER_LOGO_URL: "javascript:alert(1)" })).toThrow("PUBLISHER_LOGO_URL: must be an http(s) address");
    expect(() => parseEnv({ PUBLISHER_URL: "data:text/html,<b>x</b>" })).toThrow("PUBLISHER_URL: must be an http(s) address");
  });
});
