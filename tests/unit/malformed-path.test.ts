// Paths whose percent-encoding does not decode are answered by proxy.ts with a 400 and a sentence
// (lib/http/malformed-path.ts); this is the rule that recognises them.
import { describe, expect, it } from "vitest";
import { malformedEscape, malformedPathResponse } from "@/lib/http/malformed-path";
import config from "@/next.config";
import { config as proxyConfig } from "@/proxy";

describe("malformed percent-encoding in a path", () => {
  it.each([
    ["/api/dossiers/%C3%28", "%C3%28"],
    ["/dossiers/%ff", "%ff"],
    ["/newsroom/dossiers/mistral-ai/claims/%C3%28", "%C3%28"],
    ["/dossiers/%", "%"],
    ["/dossiers/abc%zz", "%"],
    ["/dossiers/%E2%82", "%E2%82"],
    ["/dossiers/%ED%A0%80", "%ED%A0%80"],
    ["/dossiers/ok-%C3%A9/%ff/x", "%ff"],
  ])("finds the escape that does not decode in %s", (path, escape) => {
    expect(malformedEscape(path)).toBe(escape);
  });

  it.each(["/", "/dossiers/mistral-ai", "/dossiers/%C3%A9t%C3%A9", "/dossiers/%E2%82%AC", "/dossiers/%25", "/newsroom/dossiers/a%2Fb"])("leaves %s alone", (path) => {
    expect(malformedEscape(path)).toBeNull();
  });

  it("answers the API in JSON and pages in HTML, in the reader's language, with status 400", async () => {
    const api = malformedPathResponse("/api/dossiers/%ff", "%ff", "fr");
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: { code: "INVALID_INPUT", message: expect.stringContaining("“%ff”") } });
    const page = malformedPathResponse("/dossiers/%ff", "%ff", "fr");
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/<html lang="fr">.*Cette adresse n’est pas valide.*«\s%ff\s»/s);
    expect(await malformedPathResponse("/newsroom/x/%ff", "%ff", "fr").text()).toMatch(/<html lang="en">.*This address is not valid/s);
    expect(await malformedPathResponse("/x/%3Cscript%3E%ff", "<script>", "en").text()).not.toContain("<script>");
  });

  it("runs the proxy on every path with a percent sign, and lets server actions carry the longest article", () => {
    expect(proxyConfig.matcher).toContain("/(.*%.*)");
    expect(config("phase-production-server").experimental?.serverActions?.bodySizeLimit).toBeGreaterThanOrEqual(400_000 * 6);
  });
});
