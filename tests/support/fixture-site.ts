// A small web site for capture tests, started by the test on 127.0.0.1 with an ephemeral port:
// the pages a capture meets in the wild (an article, redirects, a page that changes, a slow one,
// a huge one, responses that are not pages), and small real files (a PDF with a text layer, a
// PNG) made here rather than shipped. No server code: Playwright specs use it too.
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";

export interface FixtureServer {
  url: (p: string) => string;
  /** How many times each path was requested. */
  hits: Map<string, number>;
  /** Changes what /changing serves next. */
  setChanging: (html: string) => void;
  close: () => Promise<void>;
}

export const ARTICLE_HTML = (body: string, title = "Nordmarine wins the harbour contract") => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/style.css"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>${title}</h1>
${body}
<img src="/pixel.png" alt="">
</article><footer>© Harbour Gazette</footer><script>document.body.innerHTML = "script ran";</script></body></html>`;

export const PAGE_BODY = `<p>The city council awarded the harbour contract to Nordmarine on 12 March 2023, after a tender that lasted eleven months and drew three bids.</p>
<p>The company’s chief executive said: « Nous n’avons rien payé », in an interview with the Gazette.</p>
<p>Nordmarine paid no tax in 2022, according to its filed accounts, which the Gazette has consulted in the commercial registry.</p>`;

export async function startFixtureServer(): Promise<FixtureServer> {
  const hits = new Map<string, number>();
  let changing = ARTICLE_HTML("<p>The first version of the page says the contract was worth 12 million euros.</p>".repeat(2));
  const server = http.createServer((req, res) => {
    const p = new URL(req.url ?? "/", "http://x").pathname;
    hits.set(p, (hits.get(p) ?? 0) + 1);
    const html = (body: string, status = 200) => {
      res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
      res.end(body);
    };
    switch (p) {
      case "/page":
        return html(ARTICLE_HTML(PAGE_BODY));
      case "/redirect":
        res.writeHead(302, { Location: "/moved" });
        return res.end();
      case "/moved":
        res.writeHead(301, { Location: "/page" });
        return res.end();
      case "/to-localhost":
        res.writeHead(302, { Location: `http://localhost:${(server.address() as AddressInfo).port}/page` });
        return res.end();
      case "/loop":
        res.writeHead(302, { Location: "/loop" });
        return res.end();
      case "/changing":
        return html(changing);
      case "/gzip": {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip" });
        return res.end(zlib.gzipSync(ARTICLE_HTML(PAGE_BODY)));
      }
      case "/latin1": {
        res.writeHead(200, { "Content-Type": "text/html; charset=iso-8859-1" });
        return res.end(Buffer.from(ARTICLE_HTML("<p>Le conseil a attribué le contrat à Nordmarine en été.</p>"), "latin1"));
      }
      case "/slow": {
        const timer = setTimeout(() => html(ARTICLE_HTML("<p>Finally.</p>")), 10_000);
        req.on("close", () => clearTimeout(timer));
        return;
      }
      case "/huge": {
        // Streams far more than the limit, without a Content-Length: cut off while it arrives.
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        const chunk = Buffer.alloc(64 * 1024, "a");
        let sent = 0;
        const push = () => {
          while (sent < 50 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", push);
          }
          res.end();
        };
        res.on("close", () => (sent = Infinity));
        return push();
      }
      case "/huge-declared":
        res.writeHead(200, { "Content-Type": "text/html", "Content-Length": String(200 * 1024 * 1024) });
        return res.end();
      case "/binary":
        res.writeHead(200, { "Content-Type": "application/octet-stream" });
        return res.end(Buffer.from([0, 1, 2, 3, 4, 5]));
      case "/data.json":
        res.writeHead(200, { "Content-Type": "application/json" });
        return res.end('{"a":1}');
      case "/error":
        return html("<p>Internal error</p>", 500);
      case "/gone":
        return html(ARTICLE_HTML("<p>This article has been removed.</p>", "Not found"), 404);
      case "/report.pdf":
        res.writeHead(200, { "Content-Type": "application/pdf" });
        return res.end(makePdf([["Annual report 2022"], ["Nordmarine paid no tax in 2022.", "Signed by the board."]]));
      case "/style.css":
        res.writeHead(200, { "Content-Type": "text/css" });
        return res.end("body { font-family: sans-serif; background: #fff8e0; } h1 { color: #024; }");
      case "/pixel.png":
        res.writeHead(200, { "Content-Type": "image/png" });
        return res.end(PNG);
      default:
        return html("<p>Not here</p>", 404);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p) => `http://127.0.0.1:${port}${p}`,
    hits,
    setChanging: (h) => {
      changing = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A 1×1 PNG. */
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

const pdfString = (text: string) =>
  "(" +
  [...text]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      if (ch === "(" || ch === ")" || ch === "\\") return `\\${ch}`;
      if (code < 32 || code > 126) return `\\${(code & 255).toString(8).padStart(3, "0")}`;
      return ch;
    })
    .join("") +
  ")";

/** A real PDF (text layer, Helvetica, WinAnsi) with one array of lines per page. */
export function makePdf(pages: string[][]): Buffer {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 pages, 3 font, then page + content pairs.
  pages.forEach((lines, i) => {
    const pageId = 4 + i * 2;
    pageIds.push(pageId);
    const stream = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `${pdfString(l)} Tj T*`).join(" ")} ET`;
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`;
  });
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, "latin1");
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
