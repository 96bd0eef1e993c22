// The static edition's writer (lib/static/edition.ts) against a stand-in for the app's reader
// routes: what it writes for a published dossier, and that unpublishing removes every file of it.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDossierEdition, writeEditionIndex } from "@/lib/static/edition";

let published = true;
const page = (title: string) =>
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/></head><body>` +
  `<nav><a href="?lang=fr">Français</a><a href="?lang=en">English</a></nav><main><h1>${title}</h1><style>.claims{color:red}</style>` +
  `<script type="application/ld+json">[]</script></main></body></html>`;

const server = http.createServer((req, res) => {
  const url = req.url ?? "/";
  const send = (status: number, body: string, type = "text/html") => {
    res.writeHead(status, { "content-type": type });
    res.end(body);
  };
  if (url === "/api/dossiers/x") return published ? send(200, JSON.stringify({ slug: "x", claims: [{ id: "c1" }], updates: [{ version: 1 }, { version: 2 }] }), "application/json") : send(404, "{}", "application/json");
  if (url === "/api/dossiers/x/claimreview") return send(200, "[]", "application/ld+json");
  // The open feeds, the dossier's and the newsroom's, and the publisher's logo.
  if (url === "/api/dossiers/x/verdicts.json" || url === "/api/feeds/verdicts.json") return send(200, JSON.stringify({ feed: url }), "application/feed+json");
  if (url === "/api/dossiers/x/updates.atom" || url === "/api/feeds/updates.atom") return send(200, `<feed>${url}</feed>`, "application/atom+xml");
  if (url === "/api/dossiers/x/timeline.json") return send(200, JSON.stringify({ timeline: url }), "application/json");
  if (url === "/logo.svg") return send(200, "<svg/>", "image/svg+xml");
  if (url === "/api/dossiers") return send(200, JSON.stringify(published ? [{ slug: "x" }] : []), "application/json");
  if (url === "/_next/static/chunks/site.css") return send(200, "body{margin:0}", "text/css");
  if (/^\/(fr|en)\/page-not-found$/.test(url)) return send(404, page("Introuvable"));
  if (/^\/(fr|en)(\/dossiers\/x(\/timeline|\/claims\/c1|\/versions\/[12])?)?$/.test(url)) return send(200, page(url));
  send(404, "nope");
});

let origin = "";
let dir = "";
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-edition-"));
});
afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the static edition", () => {
  const target = () => ({ origin, dir, defaultLocale: "fr" as const });
  const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");

  it("writes a published dossier's pages in both languages, its JSON, and stand-ins for the language-free URLs", async () => {
    expect(await writeDossierEdition(target(), "x")).toBe("written");
    await writeEditionIndex(target());
    for (const l of ["fr", "en"]) {
      for (const p of ["", "/timeline", "/claims/c1", "/versions/1", "/versions/2"]) expect(read(`${l}/dossiers/x${p}/index.html`)).toContain(`<h1>/${l}/dossiers/x${p}</h1>`);
    }
    const fr = read("fr/dossiers/x/index.html");
    // The switch links the page in the other language; the inline style became a file; the stylesheet is copied.
    expect(fr).toContain('href="/en/dossiers/x"');
    expect(fr).not.toContain("?lang=");
    expect(fr).not.toContain("<style");
    const styleFile = /href="\/(_dossier\/[0-9a-f]+\.css)"/.exec(fr)![1]!;
    expect(read(styleFile)).toBe(".claims{color:red}");
    expect(read("_next/static/chunks/site.css")).toBe("body{margin:0}");
    expect(read("dossiers/x/index.html")).toContain('url=/fr/dossiers/x"');
    expect(JSON.parse(read("api/dossiers/x.json"))).toMatchObject({ slug: "x" });
    expect(read("api/dossiers/x/claimreview.json")).toBe("[]");
    // Feeds keep their own names, the ones the pages announce.
    expect(JSON.parse(read("api/dossiers/x/verdicts.json"))).toEqual({ feed: "/api/dossiers/x/verdicts.json" });
    expect(read("api/dossiers/x/updates.atom")).toBe("<feed>/api/dossiers/x/updates.atom</feed>");
    expect(JSON.parse(read("api/dossiers/x/timeline.json"))).toEqual({ timeline: "/api/dossiers/x/timeline.json" });
    expect(JSON.parse(read("api/feeds/verdicts.json"))).toEqual({ feed: "/api/feeds/verdicts.json" });
    expect(read("api/feeds/updates.atom")).toBe("<feed>/api/feeds/updates.atom</feed>");
    expect(read("logo.svg")).toBe("<svg/>");
    expect(read("404.html")).toContain("Introuvable");
    expect(read("index.html")).toContain("url=/fr");
  });

  it("removes every file of a dossier that is no longer published", async () => {
    published = false;
    expect(await writeDossierEdition(target(), "x")).toBe("removed");
    for (const f of ["fr/dossiers/x", "en/dossiers/x", "dossiers/x", "api/dossiers/x", "api/dossiers/x.json"]) expect(fs.existsSync(path.join(dir, f)), f).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith(".staging"))).toEqual([]);
  });
});
